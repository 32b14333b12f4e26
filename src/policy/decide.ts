import { DEFAULT_AVAILABILITY, DEFAULT_OFF_COUNTRIES } from './availability';
import { describeReason } from './reasons';
import type { AccessDecision, AccessInput, Consent, Level, Platform, PolicyState, Reason, ReasonCode, TodayDecision } from './types';
import { isConsentGiven, isOneOf, KNOWN_CLOUDS } from './vocabulary';

/**
 * Decides what the add-in may show and do for one viewer, on one device, looking at one person.
 *
 * Modelled on cloud IAM evaluation: every rule is evaluated, any limiting rule is an explicit deny that wins, and
 * every reason is listed in the order of REASON_CODES so the decision explains itself. It fails closed: a value
 * that is unknown, or that it does not recognise, never grants more than the most restrictive known value.
 */
export function decideAccess(input: AccessInput): AccessDecision {
  const limits: ReasonCode[] = [...availabilityLimits(input), ...organisationLimits(input), ...deviceLimits(input)];
  const userOption = userOptionFor(input);
  if (!userOption.locked && !userOption.value) limits.push('user-option-off');

  // Only the two known consents count as given; 'unknown' (or anything unrecognised) is treated as 'none'.
  const consentGiven = isConsentGiven(input.consent);
  // The viewer's level: what this viewer may see of anyone, before the person viewed is known.
  const viewerLevel: Level = limits.length > 0 ? 'none' : consentGiven ? 'connected' : 'public';
  const today = todayFor(viewerLevel, input.consent, limits);
  // Choice: the consent reasons (not-connected, inbound-only) are listed only when the viewer's level is public or
  // connected. Under level none an earlier rule already hides everything, so "connect to see more" would limit
  // nothing further and would point the user at an action (connecting) that cannot help until that rule changes.
  if (viewerLevel !== 'none') {
    if (!consentGiven) limits.push('not-connected');
    if (input.consent === 'linkedInToMicrosoft') limits.push('inbound-only');
  }
  // Only 'visible' and 'unknown' (not looked up yet) leave the viewer's level; anything else hides (fail closed).
  const hidden = input.memberVisibility !== 'visible' && input.memberVisibility !== 'unknown';
  if (hidden) limits.push('member-hidden');

  const reasons: Reason[] = limits.map(describeReason);
  return {
    level: hidden ? 'none' : viewerLevel,
    canConnect: viewerLevel === 'public' && !consentGiven,
    canDisconnect: consentGiven,
    outboundSharing: viewerLevel === 'connected' && input.consent === 'twoWay',
    userOption,
    reasons,
    today,
  };
}

/**
 * Today sends who the viewer meets (Microsoft data) to LinkedIn: only with consent to share both ways, and only where
 * connected insights are allowed. Under level none it is off for the very reasons the card is; otherwise the consent
 * decides, with Today's own reason. It does not depend on the person viewed.
 */
function todayFor(viewerLevel: Level, consent: Consent, viewerLimits: readonly ReasonCode[]): TodayDecision {
  if (viewerLevel === 'connected' && consent === 'twoWay') return { allowed: true, reasons: [] };
  const codes: readonly ReasonCode[] =
    viewerLevel === 'none' ? viewerLimits : [consent === 'linkedInToMicrosoft' ? 'today-inbound-only' : 'today-not-connected'];
  return { allowed: false, reasons: codes.map(describeReason) };
}

/** Web and mobile Outlook never apply the desktop Office policies; an unrecognised platform counts as desktop. */
export function isDesktop(platform: Platform): boolean {
  return platform !== 'web' && platform !== 'ios' && platform !== 'android';
}

function availabilityLimits(input: AccessInput): ReasonCode[] {
  const limits: ReasonCode[] = [];
  const excludedClouds = input.availability?.excludedClouds ?? DEFAULT_AVAILABILITY.excludedClouds;
  const excludedGeos = (input.availability?.excludedMailboxGeos ?? DEFAULT_AVAILABILITY.excludedMailboxGeos).map((geo) =>
    geo.trim().toUpperCase(),
  );
  const geo = input.mailboxGeo.trim().toUpperCase();
  const geoKnown = /^[A-Z]{3}$/.test(geo);
  const cloudKnown = isOneOf(KNOWN_CLOUDS, input.cloud);
  if (excludedClouds.includes(input.cloud)) limits.push('cloud-unavailable');
  if (geoKnown && excludedGeos.includes(geo)) limits.push('mailbox-geo-unavailable');
  if (!cloudKnown || !geoKnown) limits.push('environment-unknown');
  return limits;
}

function organisationLimits(input: AccessInput): ReasonCode[] {
  switch (input.tenantMode) {
    case 'yes':
      return [];
    case 'no':
      return ['tenant-off'];
    case 'selected':
      if (input.membership === 'member') return [];
      if (input.membership === 'notMember') return ['not-in-selected-group'];
      return input.membership === 'unverifiable' ? ['selected-users-unverifiable'] : ['membership-unknown'];
    case 'unset': {
      const country = input.tenantCountry.trim().toUpperCase();
      if (DEFAULT_OFF_COUNTRIES.includes(country)) return ['tenant-default-off'];
      return /^[A-Z]{2}$/.test(country) ? [] : ['tenant-mode-unknown'];
    }
    default:
      // A mode this engine does not know: fail closed.
      return ['tenant-mode-unknown'];
  }
}

/** A policy is "off" when disabled, or when its value is not one the engine knows (fail closed). */
function isOff(state: PolicyState): boolean {
  return state !== 'enabled' && state !== 'notConfigured';
}

function deviceLimits(input: AccessInput): ReasonCode[] {
  if (!isDesktop(input.platform)) return [];
  const limits: ReasonCode[] = [];
  if (isOff(input.officePolicy.showLinkedInFeatures)) limits.push('office-policy-off');
  if (isOff(input.officePolicy.connectedExperiences)) limits.push('connected-experiences-off');
  if (isOff(input.officePolicy.optionalConnectedExperiences)) limits.push('optional-connected-experiences-off');
  return limits;
}

function userOptionFor(input: AccessInput): AccessDecision['userOption'] {
  if (isDesktop(input.platform)) {
    if (deviceLimits(input).length > 0) return { value: false, locked: true };
    if (input.officePolicy.showLinkedInFeatures === 'enabled') return { value: true, locked: true };
  }
  return { value: input.userOption === true, locked: false };
}

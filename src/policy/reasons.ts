import type { Reason, ReasonCode } from './types';

const ENTRA = 'Microsoft Entra admin center › Users › User settings › LinkedIn account connections';
/** The add-in reads the organisation mode from its policy file; Entra's setting should say the same. */
const MODE = `The add-in's policy file (linkedin-policy.json) › linkedInAccountConnections; to match it: ${ENTRA}`;
const ENVIRONMENT = "The add-in's policy file (linkedin-policy.json) › environment.cloud and environment.mailboxGeo";
const OFFICE_TEMPLATES = 'User Configuration › Policies › Administrative Templates › Microsoft Office 2016';
const GROUP_POLICY = `Group Policy: ${OFFICE_TEMPLATES} › Miscellaneous`;
const PRIVACY_POLICY = `Group Policy or Cloud Policy: ${OFFICE_TEMPLATES} › Privacy › Trust Center`;
const ON_A_MAC = "(on a Mac: the matching Office privacy preference in the device's configuration profile)";

/**
 * The text of each reason, who can change it and where. All user-visible policy text lives here.
 * The entries are in order of precedence: a decision lists its reasons in this order, and REASON_CODES is derived
 * from it, so the type (a Record over every ReasonCode) guarantees that no code lacks a sentence or an owner.
 */
const REASONS: Readonly<Record<ReasonCode, Omit<Reason, 'code'>>> = {
  'cloud-unavailable': {
    changeableBy: 'nobody',
    message: "LinkedIn features aren't available in your organization's Microsoft cloud.",
  },
  'mailbox-geo-unavailable': {
    changeableBy: 'nobody',
    message: "LinkedIn features aren't available for mailboxes stored in your organization's data location.",
  },
  'environment-unknown': {
    changeableBy: 'admin',
    message:
      "The add-in couldn't confirm your organization's Microsoft cloud or mailbox data location, so LinkedIn features are off until your admin states them.",
    where: ENVIRONMENT,
  },
  'tenant-off': {
    changeableBy: 'admin',
    message: 'Your organization has turned off LinkedIn account connections.',
    where: MODE,
  },
  'tenant-default-off': {
    changeableBy: 'admin',
    message: "LinkedIn account connections are off by default for organizations in your country, and your admin hasn't turned them on.",
    where: MODE,
  },
  'tenant-mode-unknown': {
    changeableBy: 'admin',
    message: "Your organization's LinkedIn setting isn't known yet, so LinkedIn features stay off until your admin sets it.",
    where: MODE,
  },
  'not-in-selected-group': {
    changeableBy: 'admin',
    message: "Your organization allows LinkedIn features only for a selected group, and you aren't in it.",
    where: `The add-in's policy file (linkedin-policy.json) › selectedGroupId, and the group's members; to match it: ${ENTRA}`,
  },
  'selected-users-unverifiable': {
    changeableBy: 'admin',
    message:
      "Your organization allows LinkedIn features only for a list of users, which the add-in can't check securely, so they stay off until your admin selects a group instead.",
    where: `The add-in's policy file (linkedin-policy.json) › selectedGroupId (a group in place of the selectedUsers list); to match it: ${ENTRA}`,
  },
  'membership-unknown': {
    changeableBy: 'admin',
    message: "Your organization allows LinkedIn features only for a selected group, and the add-in couldn't check that you're in it.",
    where: ENTRA,
  },
  'office-policy-off': {
    changeableBy: 'deviceAdmin',
    message: 'A policy on this computer turns off LinkedIn features in Office apps.',
    where: `${GROUP_POLICY} › Show LinkedIn features in Office applications`,
  },
  'connected-experiences-off': {
    changeableBy: 'deviceAdmin',
    message: 'A policy on this computer turns off connected experiences in Office, which LinkedIn features need.',
    where: `${PRIVACY_POLICY} › Allow the use of connected experiences in Office ${ON_A_MAC}`,
  },
  'optional-connected-experiences-off': {
    changeableBy: 'deviceAdmin',
    message: 'A policy on this computer turns off optional connected experiences in Office, which include LinkedIn features.',
    where: `${PRIVACY_POLICY} › Allow the use of additional optional connected experiences in Office ${ON_A_MAC}`,
  },
  'user-option-off': {
    changeableBy: 'user',
    message: 'You turned off "Show LinkedIn features" on this device.',
    where: 'This add-in › Show LinkedIn features',
  },
  'not-connected': {
    changeableBy: 'user',
    message: "You see public LinkedIn information only, because you haven't connected your LinkedIn account.",
    where: 'This add-in › Connect your LinkedIn account',
  },
  'inbound-only': {
    changeableBy: 'user',
    message: 'You chose to share from LinkedIn to Microsoft only, so nothing from your work account is sent to LinkedIn.',
    where: 'This add-in › Disconnect, then connect again and choose to share both ways',
  },
  'member-hidden': {
    changeableBy: 'member',
    message: "This person's LinkedIn profile isn't available in Microsoft apps.",
    where: 'LinkedIn › Settings & Privacy › Visibility › Microsoft applications (their own setting)',
  },
  // Today's own reasons: listed in its decision (decision.today), never in the card's.
  'today-not-connected': {
    changeableBy: 'user',
    message:
      'Today needs your LinkedIn account connected with sharing data both ways, because it sends the people on your calendar to LinkedIn.',
    where: 'This add-in › Connect your LinkedIn account › Share data both ways',
  },
  'today-inbound-only': {
    changeableBy: 'user',
    message:
      'Today needs sharing data both ways, because it sends the people on your calendar to LinkedIn, and you chose LinkedIn to Microsoft only.',
    where: 'This add-in › Today › Share data both ways (you sign in to LinkedIn again)',
  },
};

/** Every reason code, in the order the rules evaluate them (and the order a decision lists them). */
export const REASON_CODES: readonly ReasonCode[] = Object.freeze(Object.keys(REASONS) as ReasonCode[]);

/** A fresh reason object for a code (callers may mutate what they get without affecting later decisions). */
export function describeReason(code: ReasonCode): Reason {
  return { code, ...REASONS[code] };
}

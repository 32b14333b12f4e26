import { decideAccess } from '../policy';
import type { ItemPerson, ItemSnapshot, OfficeHost } from '../office';
import type { PolicyFileState } from '../services/policyFile';
import type { AdminPolicy } from '../contract/policyFile';
import { consentOfRecord, readConsentRecord } from './connect/consentRecord';
import type { PaneDependencies } from './paneState';
import { peopleToShow } from './people';
import { ProfileLoader } from './profileLoader';
import { accessInputFor, UNKNOWN_ENVIRONMENT, viewerInput, type Consent, type DetectedEnvironment, type ViewerInput } from './viewer';

/** People the switcher shows at first; more are looked up only as the user asks for more. */
export const FIRST_VISIBLE_PEOPLE = 20;

/** The addresses of the people the switcher shows at first. */
export function firstPageOf(people: readonly ItemPerson[]): string[] {
  return people.slice(0, FIRST_VISIBLE_PEOPLE).map((person) => person.address);
}

/** The admin's policy file and the environment it was checked against: what every decision starts from. */
export interface PolicySettled {
  policyState: PolicyFileState;
  detected: DetectedEnvironment;
}

/**
 * What startPane learns before the pane's first render, so that render is the ready pane: the policy settled for
 * these deps, the item selected when the pane opened, and the pane's loader, with the first lookup already sent when
 * the rules allow it.
 */
export interface PaneStart {
  settled: PolicySettled;
  item: ItemSnapshot | null;
  loader: ProfileLoader;
}

/** The loader of LinkedIn data for these deps (one per pane). */
export function createProfileLoader(deps: PaneDependencies): ProfileLoader {
  return new ProfileLoader(deps.insights, deps.host.currentUser.address, deps.cacheStorage, deps.partitionKey, deps.now);
}

/** The viewer as the rules see them: the admin's policy, the environment, this device and host, and consent. */
export function viewerFor(policy: AdminPolicy, detected: DetectedEnvironment, host: OfficeHost, consent: Consent): ViewerInput {
  return viewerInput({
    policy,
    detected,
    user: host.currentUser,
    platform: host.platform,
    userOption: host.deviceSettings.getShowLinkedInFeatures(),
    consent,
  });
}

/**
 * Loads the policy file and, when it can be trusted, detects the environment. Never rejects: a file that cannot be
 * read is an invalid file, and the pane fails closed.
 */
export async function settlePolicy(deps: PaneDependencies, signal: AbortSignal): Promise<PolicySettled> {
  try {
    const policyState = await deps.loadPolicy(signal);
    // Fail closed: nothing else is asked for when the admin's file cannot be trusted.
    if (policyState.status === 'invalid' || policyState.status === 'unreachable') return { policyState, detected: UNKNOWN_ENVIRONMENT };
    return { policyState, detected: await deps.detectEnvironment(policyState.policy, deps.host.currentUser, signal) };
  } catch {
    return { policyState: { status: 'invalid', field: '(the whole file)', problem: 'could not be read' }, detected: UNKNOWN_ENVIRONMENT };
  }
}

/**
 * The policy settled and the selected item, both at once (startPane); then the first lookup — the people the pane's
 * first render shows — leaves at once, so LinkedIn answers while the pane renders rather than after.
 */
export async function startOfPane(deps: PaneDependencies, signal: AbortSignal): Promise<PaneStart> {
  const [settled, item] = await Promise.all([settlePolicy(deps, signal), deps.host.getItem().catch(() => null)]);
  const loader = createProfileLoader(deps);
  const first = firstLookup(settled, item, deps.host);
  if (first.length > 0) loader.requestPublic(first);
  return { settled, item, loader };
}

/**
 * Whom the pane's first render looks up: nobody unless the rules allow LinkedIn requests for this viewer (decided by
 * the same engine, from the same inputs, as that render: consent as the saved record says until the service is
 * asked); then the people its switcher shows first, the sender first.
 */
function firstLookup(settled: PolicySettled, item: ItemSnapshot | null, host: OfficeHost): string[] {
  const { policyState } = settled;
  if (policyState.status === 'invalid' || policyState.status === 'unreachable') return [];
  const viewer = viewerFor(policyState.policy, settled.detected, host, consentOfRecord(readConsentRecord(host.roamingSettings)));
  if (decideAccess(accessInputFor(viewer, 'unknown')).level === 'none') return [];
  return firstPageOf(peopleToShow(item, host.currentUser.address));
}

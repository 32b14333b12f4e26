import { UNKNOWN_ENVIRONMENT, decideAccess, type AdminPolicy } from '../policy';
import type { CurrentUser, ItemSnapshot, Platform } from '../office';
import { firstPageOf, peopleToShow } from './people';
import { accessInputFor, viewerInput } from './viewer';

/**
 * The first render's decision as the pane's first script takes it, before the rest of the pane (zod, the derivation,
 * the card) has loaded: whom the first render looks up. The same as derivePane's `work.publicLookups` for the pane's
 * first render (test/app/firstDecision.test.ts holds the two together on generated situations), from fewer inputs:
 * - consent: the viewer's level is none only through a limiting rule, never through consent, so whether LinkedIn may
 *   be asked at all does not depend on it (derivePane reads it from the saved record, which needs zod);
 * - the environment: only for a policy file that states everything the rules would otherwise detect
 *   (needsDetection), where the pane's detection asks nothing and finds nothing (UNKNOWN_ENVIRONMENT).
 */
export function firstLookups(situation: {
  policy: AdminPolicy;
  user: CurrentUser;
  platform: Platform;
  userOption: boolean;
  item: ItemSnapshot | null;
}): readonly string[] {
  const { policy, platform, userOption } = situation;
  const viewer = viewerInput({ policy, detected: UNKNOWN_ENVIRONMENT, platform, userOption, consent: 'none' });
  if (decideAccess(accessInputFor(viewer, 'unknown')).level === 'none') return [];
  // The item's people; the sender (the first of them) first. No item: Today, whose people are not the card's.
  const people = peopleToShow(situation.item, situation.user.address);
  const first = people[0];
  return first ? [first.address, ...firstPageOf(people)] : [];
}

/**
 * Whether the rules need the environment detected (Graph, the tenant's OpenID configuration) for this policy file:
 * the cloud or the mailbox's geography not stated, the tenant's country when its mode is unset, and the group's
 * membership in mode "selected" with a group. The same conditions as detectEnvironmentOf's (detectEnvironment.ts).
 */
export function needsDetection(policy: AdminPolicy): boolean {
  const { environment, tenantMode } = policy;
  return (
    environment.cloud === undefined ||
    environment.mailboxGeo === undefined ||
    (environment.tenantCountry === undefined && tenantMode === 'unset') ||
    (tenantMode === 'selected' && Boolean(policy.selectedGroupId))
  );
}

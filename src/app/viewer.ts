import { accessInputOf, viewerInputOf, type AdminPolicy, type DetectedEnvironment, type ViewerInput } from '../policy';
import type { Platform } from '../office';

export type { Consent, DetectedEnvironment, Membership, ViewerInput } from '../policy';
export { UNKNOWN_ENVIRONMENT } from '../policy';

/**
 * The pane's side of the one assembly of the decision's inputs (src/policy/inputs.ts, which the service runs too):
 * what the pane detected (Graph, the tenant's OpenID configuration), and this device — the platform Outlook runs on
 * and the user's "Show LinkedIn features" option.
 */
export function viewerInput(args: {
  policy: AdminPolicy;
  detected: DetectedEnvironment;
  platform: Platform;
  userOption: boolean;
  consent: ViewerInput['consent'];
}): ViewerInput {
  return viewerInputOf(args.policy, args.detected, { platform: args.platform, userOption: args.userOption }, args.consent);
}

export const accessInputFor = accessInputOf;

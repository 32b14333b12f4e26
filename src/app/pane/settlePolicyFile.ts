import { WHOLE_FILE } from '../../contract/issuePath';
import { policyProblem } from '../../contract/policyFile';
import type { PolicyFileState } from '../../services/policyFile';
import { UNKNOWN_ENVIRONMENT, type DetectedEnvironment } from '../viewer';
import type { PaneDependencies } from './dependencies';

/** The admin's policy file and the environment it was checked against: what every decision starts from. */
export interface PolicyFileSettled {
  policyState: PolicyFileState;
  detected: DetectedEnvironment;
}

/**
 * Loads the policy file and, when it can be trusted, detects the environment. Never rejects: a file that cannot be
 * read is an invalid file, and the pane fails closed.
 */
export async function settlePolicyFile(deps: PaneDependencies, signal: AbortSignal): Promise<PolicyFileSettled> {
  try {
    const policyState = await deps.loadPolicy(signal);
    // Fail closed: nothing else is asked for when the admin's file cannot be trusted.
    if (policyState.status === 'invalid' || policyState.status === 'unreachable') return { policyState, detected: UNKNOWN_ENVIRONMENT };
    return { policyState, detected: await deps.detectEnvironment(policyState.policy, deps.host.currentUser, signal) };
  } catch {
    return { policyState: { status: 'invalid', ...policyProblem(WHOLE_FILE, { kind: 'unreadable' }) }, detected: UNKNOWN_ENVIRONMENT };
  }
}

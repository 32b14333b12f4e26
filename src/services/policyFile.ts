import { type ServiceError, isServiceError } from './errors';
import { requestJson, type PayloadSchema } from './http';
import { policyFileUrl } from './policyFileRequest';
import {
  checkPolicyFile,
  DEFAULT_ADMIN_POLICY,
  policyProblem,
  type AdminPolicy,
  type PolicyFile,
  type PolicyFileProblem,
} from '../contract/policyFile';
import { WHOLE_FILE } from '../contract/issuePath';

export { POLICY_FILE_NAME, policyFileUrl, requestPolicyFile } from './policyFileRequest';

/** How reading the admin's policy file ended. Only `missing` and `valid` let LinkedIn features run. */
export type PolicyFileState =
  | { status: 'missing'; policy: AdminPolicy }
  | { status: 'valid'; policy: AdminPolicy }
  | ({ status: 'invalid' } & PolicyFileProblem)
  | { status: 'unreachable'; error: ServiceError };

/** Validates data that claims to be a policy file; used by the loader and by the workbench's editor (the service runs the same check). */
export function parsePolicyFile(data: unknown): PolicyFileState {
  const checked = checkPolicyFile(data);
  return checked.status === 'valid' ? checked : { status: 'invalid', field: checked.field, problem: checked.problem, issue: checked.issue };
}

const anyJson: PayloadSchema<unknown> = { safeParse: (data) => ({ success: true, data }) };

/**
 * Reads the policy file. A 404 means "no file": the documented defaults apply. Any other failure is
 * fail-closed (`unreachable`): the caller must not send LinkedIn requests, since the file may say "no".
 * `sent`: the file's request already sent (requestPolicyFile); its answer is read instead of asking again.
 */
export async function loadPolicyFile(baseUrl: string, signal?: AbortSignal, sent?: Promise<Response>): Promise<PolicyFileState> {
  let data: unknown;
  try {
    data = await requestJson({ url: policyFileUrl(baseUrl), schema: anyJson, signal, sent });
  } catch (error) {
    if (isServiceError(error) && error.kind === 'notFound') return { status: 'missing', policy: DEFAULT_ADMIN_POLICY };
    if (isServiceError(error) && error.kind === 'invalidPayload') {
      return { status: 'invalid', ...policyProblem(WHOLE_FILE, { kind: 'notJson' }) };
    }
    if (isServiceError(error)) return { status: 'unreachable', error };
    throw error;
  }
  return parsePolicyFile(data);
}

export type { AdminPolicy, PolicyFile };

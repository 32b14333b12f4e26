import { type ServiceError, isServiceError } from './errors';
import { formatIssuePath, requestJson, type PayloadSchema } from './http';
import { policyFileUrl } from './policyRequest';
import { cleanText } from '../contract/text';
import { adminPolicyFromFile, DEFAULT_ADMIN_POLICY, policyFileSchema, type AdminPolicy, type PolicyFile } from '../contract/policyFile';

export { POLICY_FILE_NAME, policyFileUrl, requestPolicyFile } from './policyRequest';

/** How reading the admin's policy file ended. Only `missing` and `valid` let LinkedIn features run. */
export type PolicyFileState =
  | { status: 'missing'; policy: AdminPolicy }
  | { status: 'valid'; policy: AdminPolicy }
  | { status: 'invalid'; field: string; problem: string }
  | { status: 'unreachable'; error: ServiceError };

/** Validates text that claims to be a policy file; used by the loader and by the workbench's editor. */
export function parsePolicyFile(data: unknown): PolicyFileState {
  const parsed = policyFileSchema.safeParse(data);
  if (parsed.success) return { status: 'valid', policy: adminPolicyFromFile(parsed.data) };
  const issue = parsed.error.issues[0];
  if (!issue) return { status: 'invalid', field: '(the whole file)', problem: 'has an unexpected shape' };
  if (issue.code === 'unrecognized_keys') {
    // A typo is the likeliest cause: name the unknown field itself.
    return invalid(formatIssuePath([...issue.path, issue.keys[0] ?? '']), 'is not a known field');
  }
  return invalid(formatIssuePath(issue.path), issue.message);
}

/** The pane shows the field at fault verbatim: a field name from the file is bounded and can't reorder the sentence. */
function invalid(field: string, problem: string): PolicyFileState {
  return { status: 'invalid', field: cleanText(field, 120) || '(a field with no visible name)', problem: cleanText(problem, 200) };
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
      return { status: 'invalid', field: '(the whole file)', problem: 'is not valid JSON' };
    }
    if (isServiceError(error)) return { status: 'unreachable', error };
    throw error;
  }
  return parsePolicyFile(data);
}

export type { AdminPolicy, PolicyFile };

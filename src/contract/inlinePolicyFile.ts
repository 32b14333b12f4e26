/**
 * The policy file's answer inlined in the task pane's page (server/hosting/inlinePolicyFile.ts writes it where
 * `npm run serve` hosts the pane; src/services/policyFileRequest.ts reads it): a JSON block with this id holding the
 * file's text as served, or that no file is configured. Checked by hand, not with zod: the pane's first script reads it.
 */
export const INLINED_POLICY_FILE_ID = 'linkedin-policy-file';

export type InlinedPolicy = { status: 'found'; text: string } | { status: 'missing' };

/** The block's content, or null for anything that is not exactly one of the two shapes (the pane then asks the server). */
export function parseInlinedPolicy(content: string): InlinedPolicy | null {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const { status, text } = value as { status?: unknown; text?: unknown };
  const keys = Object.keys(value).sort().join(',');
  if (status === 'missing' && keys === 'status') return { status };
  if (status === 'found' && typeof text === 'string' && keys === 'status,text') return { status, text };
  return null;
}

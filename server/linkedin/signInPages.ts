import type { PolicyFileRefusal, RefusalReason } from '../../src/contract/errors';
import { describeReason, type Reason } from '../../src/policy';

/** The pages the sign-in routes show themselves (everything else is a redirect): plain text, escaped. */
const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function renderSignInProblem(message: string, details: readonly string[] = []): string {
  const paragraphs = [message, ...details].map((text) => `<p>${escape(text)}</p>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>LinkedIn sign-in</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:28rem}</style>
</head><body><h1>LinkedIn sign-in</h1>${paragraphs}</body></html>`;
}

const WHO: Record<Reason['changeableBy'], string> = {
  user: 'you',
  admin: 'your admin',
  deviceAdmin: 'IT on this computer',
  member: 'the LinkedIn member',
  nobody: 'nobody',
};

/** The policy file's refusals, said as the engine's reasons are (the file cannot be trusted: fail closed). */
const POLICY_FILE: Record<PolicyFileRefusal, Reason['message']> = {
  'policy-file-invalid':
    "Your admin's LinkedIn policy file (linkedin-policy.json) is not valid, so LinkedIn features are off until it is fixed.",
  'policy-file-unreadable':
    "Your admin's LinkedIn policy file (linkedin-policy.json) can't be read, so LinkedIn features are off until it can.",
};

/** Why the rules refuse this sign-in, as the pane says it: the reason's sentence, who can change it and where. */
export function renderSignInRefusal(code: RefusalReason): string {
  const reason: Omit<Reason, 'code'> =
    code === 'policy-file-invalid' || code === 'policy-file-unreadable'
      ? { message: POLICY_FILE[code], changeableBy: 'admin', where: "The insights service's POLICY_FILE" }
      : describeReason(code);
  return renderSignInProblem(reason.message, [
    `Who can change this: ${WHO[reason.changeableBy]}.${reason.where ? ` Where: ${reason.where}.` : ''}`,
    `Nothing was sent to LinkedIn. Close this window. (Reason: ${code})`,
  ]);
}

/**
 * The policy file's answer, put into the task pane's page where `npm run serve` hosts it: one round trip fewer before
 * the card. A non-executable JSON block (`type="application/json"`: never run, so the page's Content Security Policy
 * has nothing to allow) that the pane's first script reads in place of the file's request
 * (src/services/policyFileRequest.ts), then parses and validates exactly as the fetched file. The page is served
 * `no-cache` and the block is made at every request from the file as it is then: never a stale copy.
 */
import { INLINED_POLICY_FILE_ID, type InlinedPolicy } from '../../src/contract/inlinePolicyFile';

/** The page with the block before its first script (or at the end of its head); `<` escaped, so nothing ends it early. */
export function inlinePolicy(html: string, answer: InlinedPolicy): string {
  const json = JSON.stringify(answer).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${INLINED_POLICY_FILE_ID}">${json}</script>`;
  const at = html.search(/<script\b/i);
  if (at >= 0) return `${html.slice(0, at)}${block}${html.slice(at)}`;
  const head = html.search(/<\/head>/i);
  return head >= 0 ? `${html.slice(0, head)}${block}${html.slice(head)}` : `${block}${html}`;
}

/** The simulated LinkedIn provider's pages: plain HTML, every value escaped, links only to its own answer route. */
const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const frame = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>LinkedIn (simulated)</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:28rem}button{font:inherit;margin:.4rem .6rem .4rem 0;padding:.5rem 1rem;border:1px solid #0a66c2;border-radius:1rem;background:#fff;color:#0a66c2;cursor:pointer}button.allow{background:#0a66c2;color:#fff}button:focus-visible{outline:3px solid #000;outline-offset:2px}</style>
</head><body>${body}</body></html>`;

/** The consent screen: one GET form, so each choice is a real button (as on LinkedIn) carrying the ticket. */
export function renderAuthorizePage(ticket: string, memberName: string): string {
  const button = (choice: string, label: string, cls = '') =>
    `<button type="submit" name="choice" value="${choice}"${cls ? ` class="${cls}"` : ''}>${label}</button>`;
  return frame(`<h1>Simulated LinkedIn</h1>
<p>Signed in as <strong>${escape(memberName)}</strong>. The add-in asks to use your name, photo and e-mail address
(openid, profile, email).</p>
<form method="get" action="/oauth/v2/authorization/answer"><input type="hidden" name="ticket" value="${escape(ticket)}">
<p>${button('allow', 'Allow', 'allow')}${button('cancel', 'Cancel')}${button('cancelLogin', 'Cancel sign-in')}${button('error', 'Simulate an error')}</p>
</form>
<p><small>This page is a stand-in for tests and the workbench; it is never served in production.</small></p>`);
}

export function renderProblemPage(message: string): string {
  return frame(`<h1>Simulated LinkedIn</h1><p>${escape(message)}</p>`);
}

/** The simulated LinkedIn provider's pages: plain HTML, every value escaped, links only to its own answer route. */
const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const frame = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>LinkedIn (simulated)</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:28rem}a{display:inline-block;margin:.4rem .6rem .4rem 0;padding:.5rem 1rem;border:1px solid #0a66c2;border-radius:1rem;text-decoration:none;color:#0a66c2}a.allow{background:#0a66c2;color:#fff}</style>
</head><body>${body}</body></html>`;

export function renderAuthorizePage(ticket: string, memberName: string): string {
  const link = (choice: string, label: string, cls = '') =>
    `<a class="${cls}" href="/oauth/v2/authorization/answer?ticket=${encodeURIComponent(ticket)}&amp;choice=${choice}">${label}</a>`;
  return frame(`<h1>Simulated LinkedIn</h1>
<p>Signed in as <strong>${escape(memberName)}</strong>. The add-in asks to use your name, photo and e-mail address
(openid, profile, email).</p>
<p>${link('allow', 'Allow', 'allow')}${link('cancel', 'Cancel')}${link('cancelLogin', 'Cancel sign-in')}${link('error', 'Simulate an error')}</p>
<p><small>This page is a stand-in for tests and the workbench; it is never served in production.</small></p>`);
}

export function renderProblemPage(message: string): string {
  return frame(`<h1>Simulated LinkedIn</h1><p>${escape(message)}</p>`);
}

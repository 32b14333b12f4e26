/** The one page the sign-in routes show themselves (everything else is a redirect): a plain message, escaped. */
const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function renderSignInProblem(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>LinkedIn sign-in</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:28rem}</style>
</head><body><h1>LinkedIn sign-in</h1><p>${escape(message)}</p></body></html>`;
}

/**
 * The one source for every page the build emits (taskpane.html, dialog.html, the workbench's three and the
 * benchmark's): the same head for all — charset, Content Security Policy, viewport, icon, title, and Office.js where
 * the page needs it — then each page's own style and body. webpack.config.js builds each page with pageHtml(name).
 *
 * The CSP: scripts only from this origin and Office.js's CDN (Office.js loads MicrosoftAjax from ajax.aspnetcdn.com in
 * Outlook), never inline, never eval. Styles may be inline: Fluent UI (Griffel) and Office.js insert <style> at run
 * time. Network: this origin (the add-in, linkedin-policy.json and the insights service at api/v1/), and for the pane
 * Microsoft Graph and Microsoft sign-in (MSAL). Images: for the pane, LinkedIn's photo hosts — the same list the
 * insights parser keeps photos from (src/contract/linkedInHosts.json). frame-ancestors can't be set in a <meta>: send
 * it as a header where the add-in is hosted. test/e2e/csp.e2e.test.mjs checks the policy in Chromium.
 */
const { photoHosts } = require('../src/contract/linkedInHosts.json');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_HOSTS = ['https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com'];
const MICROSOFT_SIGN_IN = 'https://login.microsoftonline.com';
const MICROSOFT_GRAPH = 'https://graph.microsoft.com';

/**
 * The CSP for a page: what the pane needs (`pane`), or only this origin; Office.js's CDN when the page loads it. Every
 * page that runs the pane has the task pane's exact policy (the workbench's pane too, though it loads no Office.js),
 * so the workbench proves the pane works under the policy it ships with.
 */
/** @param {Page} page */
function contentSecurityPolicy({ officeJs, pane }) {
  const self = "'self'";
  const directives = [
    ['default-src', self],
    ['script-src', self, ...(officeJs || pane ? OFFICE_JS_HOSTS : [])],
    ['style-src', self, "'unsafe-inline'"],
    ['img-src', self, ...(pane ? photoHosts.map((host) => `https://${host}`) : [])],
    ['connect-src', self, ...(pane ? [MICROSOFT_GRAPH, MICROSOFT_SIGN_IN] : [])],
    ...(pane ? [['frame-src', self, MICROSOFT_SIGN_IN]] : []),
    ['object-src', "'none'"],
    ['base-uri', self],
    ['form-action', self],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

const ROOT = '<div id="root"></div>';
const FULL_WIDTH = 'html, body { margin: 0; padding: 0; }';

/**
 * Each page: its title, whether it loads Office.js, whether it runs the pane (network and photos), whether it has a
 * CSP at all (only the benchmark's pages have none), its icon's path, style and body.
 */
/**
 * @typedef {{ title: string, officeJs: boolean, pane: boolean, style: string, body: string, csp?: false, icon?: string }} Page
 * @type {Record<string, Page>}
 */
const PAGES = {
  taskpane: { title: 'LinkedIn profile card', officeJs: true, pane: true, style: FULL_WIDTH, body: ROOT },
  dialog: {
    title: 'Sign in to LinkedIn',
    officeJs: true,
    pane: false,
    style: "body { font-family: 'Segoe UI', system-ui, sans-serif; margin: 24px; }",
    body: '<p id="status" role="status">Signing in…</p>',
  },
  workbenchPane: { title: 'LinkedIn profile card (workbench pane)', officeJs: false, pane: true, style: FULL_WIDTH, body: ROOT },
  // The sign-in dialog as the workbench opens it (a browser window): the same page and script, without Office.js,
  // which is out of reach here and which the page does without outside Office (it answers its opener instead).
  workbenchDialog: {
    title: 'Sign in to LinkedIn',
    officeJs: false,
    pane: false,
    style: "body { font-family: 'Segoe UI', system-ui, sans-serif; margin: 24px; }",
    body: '<p id="status" role="status">Signing in…</p>',
  },
  workbench: {
    title: 'Workbench — LinkedIn profile card for Outlook',
    officeJs: false,
    pane: false,
    style: 'html, body, #root { margin: 0; padding: 0; height: 100%; }',
    body: ROOT,
  },
  bench: { title: 'Benchmark page', officeJs: false, pane: true, csp: false, icon: 'data:,', style: FULL_WIDTH, body: ROOT },
};

/** The head of page `name` (a key of PAGES), as HTML. */
/** @param {string} name */
function pageHead(name) {
  const page = PAGES[name];
  if (!page) throw new Error(`no such page: ${name}`);
  return [
    '<meta charset="utf-8" />',
    ...(page.csp === false ? [] : [`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}" />`]),
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<link rel="icon" href="${page.icon ?? 'assets/icon-32.png'}" />`,
    `<title>${page.title}</title>`,
    // Office.js is served only by Microsoft's CDN; Outlook add-ins must load it from there.
    ...(page.officeJs ? [`<script src="${OFFICE_JS}"></script>`] : []),
  ].join('\n    ');
}

/** The whole page `name`: the shared head, then its own style and body (webpack injects the scripts). */
/** @param {string} name */
function pageHtml(name) {
  const page = PAGES[name];
  if (!page) throw new Error(`no such page: ${name}`);
  return `<!doctype html>
<html lang="en">
  <head>
    ${pageHead(name)}
    <style>
${page.style}
    </style>
  </head>
  <body>
    ${page.body}
  </body>
</html>
`;
}

module.exports = { PAGES, pageHead, pageHtml, contentSecurityPolicy };

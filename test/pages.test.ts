/** @jest-environment node */
import { publicProfileSchema, PHOTO_HOSTS } from '../src/contract/insights';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the page builder is CommonJS, run by webpack.
const pages = require('../scripts/pages.cjs') as { PAGES: Record<string, object>; pageHtml: (name: string) => string };

const cspOf = (name: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(pages.pageHtml(name))?.[1] ?? '';
const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

describe('every page comes from one head, and the CSP lets in exactly the photos the parser keeps', () => {
  test.each(['taskpane', 'workbenchPane'])('%s: img-src is this origin and the photo hosts, nothing else', (name) => {
    expect(directive(cspOf(name), 'img-src').sort()).toEqual(["'self'", ...PHOTO_HOSTS.map((h) => `https://${h}`)].sort());
    // A photo the parser keeps is one this CSP lets load.
    const photo = publicProfileSchema.parse({ id: 'x', name: 'y', photoUrl: 'https://media.licdn.com/a.jpg' }).photoUrl;
    expect(directive(cspOf(name), 'img-src')).toContain(new URL(photo ?? 'https://missing').origin);
  });
  test.each(['taskpane', 'dialog', 'workbench', 'workbenchPane'])('%s: scripts never inline nor eval', (name) => {
    const scripts = directive(cspOf(name), 'script-src');
    expect(scripts[0]).toBe("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directive(cspOf(name), 'object-src')).toEqual(["'none'"]);
  });
  test('only the pages Outlook loads carry Office.js; only the pane may reach Microsoft Graph', () => {
    const withOfficeJs = Object.keys(pages.PAGES).filter((name) => pages.pageHtml(name).includes('office.js'));
    expect(withOfficeJs.sort()).toEqual(['dialog', 'taskpane']);
    expect(directive(cspOf('dialog'), 'connect-src')).toEqual(["'self'"]);
    expect(directive(cspOf('taskpane'), 'connect-src')).toContain('https://graph.microsoft.com');
  });
});

#!/usr/bin/env node
// Proves the production task pane carries no dev-only code: after `npm run build`, every script that
// dist/taskpane.html loads is read and searched for markers of msw, the fixtures and the workbench — and so is
// every chunk it may load later (all scripts of the build except the workbench pages' own first scripts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptsOf as scriptsOfPage, sizeOf } from './page-scripts.mjs';

const dist = process.argv[2] ?? 'dist';
const scriptsOf = (page) => scriptsOfPage(dist, page);
const scripts = scriptsOf('taskpane.html');
const dialogScripts = scriptsOf('dialog.html');
// Lazy chunks (the pane, its sections, MSAL) are not named in the HTML: every other script of the build is checked,
// leaving out only what the workbench pages load first themselves (msw lives there, by design).
const workbenchOnly = new Set(
  ['index.html', 'workbench-pane.html', 'api/v1/connection/authorize/index.html']
    .flatMap((page) => scriptsOf(page))
    .filter((src) => !scripts.includes(src)),
);
const laterChunks = readdirSync(dist).filter((file) => file.endsWith('.js') && file !== 'mockServiceWorker.js' && !workbenchOnly.has(file));
if (scripts.length === 0) {
  console.error('check-bundle: taskpane.html loads no local script: is dist/ built?');
  process.exit(2);
}
const MARKERS = [
  'mockServiceWorker', // msw's worker script
  'msw/browser',
  'setupWorker',
  'Mock Service Worker',
  '__linkedinWorkbench', // the workbench bridge
  'Outlook (simulated)', // the workbench UI
  'aiko.tanaka@fabrikam.com', // a fixture
  'megan.bowen@contoso.com', // the sample viewer
  'Simulate a LinkedIn error', // the simulated consent screen
];
let failed = false;
let total = 0;
let gzip = 0;
for (const src of [...new Set([...scripts, ...dialogScripts, ...laterChunks])]) {
  const code = readFileSync(join(dist, src), 'utf8');
  if (scripts.includes(src)) {
    const size = sizeOf(dist, src);
    total += size.bytes;
    gzip += size.gzip;
  }
  for (const marker of MARKERS) {
    if (code.includes(marker)) {
      console.error(`check-bundle: ${src} contains "${marker}": dev-only code reached the production task pane`);
      failed = true;
    }
  }
}
console.log(
  `check-bundle: dialog.html loads ${dialogScripts.length} script(s); taskpane.html loads ${scripts.length} script(s) first, ${(total / 1024).toFixed(1)} KiB (${(gzip / 1024).toFixed(1)} KiB gzip), and may load ${laterChunks.length} more: ${failed ? 'FAILED' : 'no msw, fixtures or workbench code'}`,
);
process.exit(failed ? 1 : 0);

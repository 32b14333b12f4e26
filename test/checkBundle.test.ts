/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SHIPPED from '../scripts/deploy-files.json';

/**
 * scripts/check-bundle.mjs, which .ci/run runs on the deploy build, fails on every kind of dev-only file or code an
 * admin could otherwise publish, and on a missing shipped file. Run on a made-up build, as .ci/run runs it.
 */

let dist: string;
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  writeFileSync(join(dist, file), text);
};
/** A script as the build writes it: with its source map, which names the files it was built from. */
const script = (file: string, text: string, sources: string[]) => {
  write(file, text);
  write(`${file}.map`, JSON.stringify({ version: 3, sources, mappings: '' }));
};
const check = () => {
  const run = spawnSync(process.execPath, ['scripts/check-bundle.mjs', dist], { encoding: 'utf8' });
  return { status: run.status, errors: run.stderr };
};

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'deploy-'));
  for (const file of SHIPPED) {
    if (/\.c?js$/.test(file) && !file.startsWith('server/node_modules/')) script(file, '', ['../../server/main.ts']);
    else write(file, '');
  }
  write('taskpane.html', '<script src="taskpane.1234.js"></script>');
  script('taskpane.1234.js', 'console.log("pane")', ['webpack://linkedin-profile-card-outlook/./src/taskpane/index.tsx']);
  // The service's bundle serves the fixtures source by design (PROFILE_SOURCE=fixtures, refused in production): never
  // sent to a browser, so not a finding.
  script('server/main.cjs', 'const FIXTURE = "aiko.tanaka@fabrikam.com";', ['../../server/sources/fixtures/people.ts']);
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

test('a build holding only what ships passes', () => {
  expect(check()).toEqual({ status: 0, errors: '' });
});

test.each([
  ['the workbench page', 'index.html', '<title>Workbench</title>'],
  ["the workbench's pane", 'workbench-pane.html', ''],
  ["msw's service worker", 'mockServiceWorker.js', ''],
  ['the simulated LinkedIn consent page (the real sign-in path)', 'api/v1/connection/authorize/index.html', ''],
  ["a workbench entry's script", 'workbench.abcd1234.js', ''],
  ['a chunk carrying msw', '316.abcd1234.js', 'setupWorker(...handlers)'],
  ['a chunk carrying a fixture person', '33.abcd1234.js', '"aiko.tanaka@fabrikam.com"'],
  ['a page carrying the sample viewer', 'support.html', 'megan.bowen@contoso.com'],
  ["the service's bundle with its development mode's routes", 'server/serve.cjs', 'app.post(`/__workbench/token`'],
  ["the service's bundle with the simulated LinkedIn", 'server/main.cjs', '<h1>Simulated LinkedIn</h1>'],
])('%s fails the check', (_name, file, text) => {
  write(file, text);
  const result = check();
  expect(result.status).toBe(1);
  expect(result.errors).toContain(file);
});

test.each([
  ['a pane chunk built from the workbench', '42.abcd1234.js', 'webpack://linkedin-profile-card-outlook/./dev/workbench/store.ts'],
  ['a pane chunk built from the dev fixtures', 'pane.abcd1234.js', 'webpack://linkedin-profile-card-outlook/./dev/fixtures/calendar.ts'],
  ["the service's bundle built from its development mode", 'server/serve.cjs', '../../dev/service/faultLayer.ts'],
  ["the service's bundle built from a stand-in", 'server/main.cjs', '../../dev/standins/entraIssuer.ts'],
])('%s fails the check by path, named (%s, %s)', (_name, file, source) => {
  script(file, 'console.log("no marker at all")', ['webpack://linkedin-profile-card-outlook/./src/app/people.ts', source]);
  const result = check();
  expect(result.status).toBe(1);
  expect(result.errors).toContain(`${file} was built from ${source.replace(/^webpack:\/\/[^/]*\/\.\/|^(\.\.\/)+/, '')}`);
});

test('a script without its source map fails the check: what it was built from cannot be told', () => {
  rmSync(join(dist, 'taskpane.1234.js.map'));
  const result = check();
  expect(result.status).toBe(1);
  expect(result.errors).toContain('taskpane.1234.js has no source map');
});

test('a shipped file missing fails the check, named', () => {
  unlinkSync(join(dist, 'privacy.html'));
  const result = check();
  expect(result.status).toBe(1);
  expect(result.errors).toContain('privacy.html is missing');
});

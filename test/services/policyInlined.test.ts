/**
 * @jest-environment node
 */
import { http, HttpResponse } from 'msw';
import Fastify from 'fastify';
import { JSDOM } from 'jsdom';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addinFileRoutes, policyTextReaderOf } from '../../server/hosting/addinFiles';
import { watchedPolicyFile } from '../../server/rules/policyFileSource';
import { loadPolicyFile } from '../../src/services/policyFile';
import { requestPolicyFile } from '../../src/services/policyFileRequest';
import { createTestServer } from '../support/mswServer';

/**
 * Row (b2) of the benchmark: where `npm run serve` hosts the pane, the policy file's answer is in taskpane.html and
 * the pane reads it there instead of asking. The pane must come to the very state it comes to with the fetched file
 * (valid, missing, not JSON, not the schema), send nothing, and never keep a stale copy.
 */
const BASE = 'https://addins.contoso.com/linkedin/taskpane.html';
const FILE = 'https://addins.contoso.com/linkedin/linkedin-policy.json';
const { server, requests } = createTestServer();
const PAGE = `<!doctype html><html><head><meta http-equiv=Content-Security-Policy content="default-src 'self'"><script defer src="taskpane.1234abcd.js"></script></head><body><div id="root"></div></body></html>`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inline-policy-'));
  writeFileSync(join(dir, 'taskpane.html'), PAGE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** taskpane.html as the service hosts it with this policy file (undefined: none configured). */
async function servedPage(policyFile: string | undefined): Promise<string> {
  const app = Fastify();
  await app.register((scope) =>
    addinFileRoutes(
      scope,
      { addinDir: dir, frameAncestors: ["'self'"], trustProxy: false },
      policyTextReaderOf(watchedPolicyFile(policyFile)),
    ),
  );
  const answer = await app.inject({ method: 'GET', url: '/taskpane.html' });
  await app.close();
  expect(answer.headers['cache-control']).toBe('no-cache');
  return answer.body;
}

/** The page as the browser parses it, and the pane's read of the policy from it: the first script's request, then the reader. */
let page: Document;
async function paneReads(html: string) {
  page = new JSDOM(html).window.document;
  return loadPolicyFile(BASE, undefined, requestPolicyFile(BASE, page));
}

/** The same file fetched, as today (no block in the page). */
async function paneFetches(body: string | null) {
  server.use(
    http.get(FILE, () =>
      body === null ? new HttpResponse(null, { status: 404 }) : new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } }),
    ),
  );
  return loadPolicyFile(BASE, undefined, requestPolicyFile(BASE, undefined));
}

const policyFile = (text: string) => {
  const path = join(dir, 'linkedin-policy.json');
  writeFileSync(path, text);
  return path;
};

test.each([
  ['a valid file', '{"version":1,"linkedInAccountConnections":"selected","selectedGroupId":"6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"}'],
  ['a file that is not JSON', '{"version":1,'],
  ['a file that is not the schema', '{"linkedInAccountConnections":"sometimes"}'],
  ['a file whose text would end the block', '{"version":1,"linkedInAccountConnections":"yes","x":"</script><script>alert(1)</script>"}'],
])('%s: the pane comes to the same state as with the fetched file, and sends nothing', async (_name, text) => {
  const inlined = await paneReads(await servedPage(policyFile(text)));
  expect(requests).toHaveLength(0);
  // The file's text stayed inside the block: no script of its own, and the block was taken.
  expect(page.querySelectorAll('script:not([src])')).toHaveLength(0);
  expect(inlined).toEqual(await paneFetches(text));
  expect(inlined.status).not.toBe('unreachable');
});

test('no policy file configured: the defaults, as the 404 gives them today', async () => {
  const inlined = await paneReads(await servedPage(undefined));
  expect(requests).toHaveLength(0);
  expect(inlined).toEqual(await paneFetches(null));
  expect(inlined.status).toBe('missing');
});

test('a configured file that cannot be read is not put into the page: the pane asks, and fails closed on the 503', async () => {
  const page = await servedPage(join(dir, 'gone.json'));
  expect(page).toBe(PAGE);
  server.use(http.get(FILE, () => HttpResponse.json({ error: 'unavailable' }, { status: 503 })));
  expect(await paneReads(page)).toMatchObject({ status: 'unreachable' });
  expect(requests).toHaveLength(1);
});

test('the admin changes the file: the next load of the page holds the new one (never a stale copy)', async () => {
  const path = policyFile('{"version":1,"linkedInAccountConnections":"yes"}');
  expect(await paneReads(await servedPage(path))).toMatchObject({ status: 'valid', policy: { tenantMode: 'yes' } });
  writeFileSync(path, '{"version":1,"linkedInAccountConnections":"no"}');
  expect(await paneReads(await servedPage(path))).toMatchObject({ status: 'valid', policy: { tenantMode: 'no' } });
});

test('the block is read once: a restart of the pane asks the server (the file may have changed since)', async () => {
  await paneReads(await servedPage(policyFile('{"version":1,"linkedInAccountConnections":"yes"}')));
  server.use(http.get(FILE, () => HttpResponse.json({ version: 1, linkedInAccountConnections: 'no' })));
  expect(await loadPolicyFile(BASE, undefined, requestPolicyFile(BASE, page))).toMatchObject({ policy: { tenantMode: 'no' } });
  expect(requests).toHaveLength(1);
});

test('a block that is not one of its two shapes is ignored: the file is asked for', async () => {
  const page = PAGE.replace(
    '<script defer',
    '<script type="application/json" id="linkedin-policy-file">{"status":"found","text":1}</script><script defer',
  );
  server.use(http.get(FILE, () => HttpResponse.json({ version: 1, linkedInAccountConnections: 'yes' })));
  expect(await paneReads(page)).toMatchObject({ status: 'valid' });
  expect(requests).toHaveLength(1);
});

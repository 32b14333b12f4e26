/** @jest-environment node */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

let server: Server;
let port: number;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>workbench</title>');
  writeFileSync(join(root, 'a.js'), 'console.log(1)');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server is CommonJS, run by node directly.
  const { startServer } = require('../scripts/serve-dist.cjs') as { startServer: (o: object) => Promise<Server> };
  server = await startServer({ root, port: 0 });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string): Promise<{ status: number; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    // A raw path, so "../" reaches the server as typed.
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] });
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves the built pages with their content types, on 127.0.0.1', async () => {
  expect(await get('/')).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
  expect(await get('/a.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' });
  expect(server.address()).toMatchObject({ address: '127.0.0.1' });
});
test('answers 404 for what is not there and refuses to leave its folder', async () => {
  expect((await get('/missing.js')).status).toBe(404);
  expect([403, 404]).toContain((await get('/../package.json')).status);
  expect([403, 404]).toContain((await get('/%2e%2e/%2e%2e/etc/passwd')).status);
});

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startProcess, type RunningProcess } from './support/process';

/**
 * The deploy build's service runs from a copy of dist/ on a machine with Node alone: `npm run build:server`'s output
 * (scripts/build-server.mjs) is copied with a deploy build's pages to an empty folder outside the repository — no
 * node_modules above it, no npm install — and started there as README says (`node server/serve.cjs`, settings in a
 * .env beside it), after the folder it was built in is gone.
 */
const REPO = join(__dirname, '../..');
let work: string;
let service: RunningProcess | undefined;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'deployable-'));
});
afterEach(async () => {
  service?.child.kill('SIGKILL');
  await service?.exited;
  rmSync(work, { recursive: true, force: true });
});

function buildDist(dist: string): void {
  execFileSync(process.execPath, [join(REPO, 'scripts/build-server.mjs'), '--outdir', join(dist, 'server')], { stdio: 'pipe' });
  writeFileSync(join(dist, 'taskpane.html'), `<!doctype html><meta http-equiv=Content-Security-Policy content="default-src 'self'">`);
  writeFileSync(
    join(dist, 'server', 'build.json'),
    JSON.stringify({ publicUrl: 'https://addins.contoso.com/linkedin/', basePath: '/linkedin/' }),
  );
}

/** No node_modules in the folder's ancestors: nothing outside the copy can supply a package. */
function ancestorsWithPackages(folder: string): string[] {
  const found: string[] = [];
  for (let at = dirname(folder); ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules'))) found.push(at);
    if (dirname(at) === at) return found;
  }
}

test('a copy of dist/ in an empty folder starts with Node alone and serves the add-in and its API', async () => {
  const built = join(work, 'build', 'dist');
  mkdirSync(built, { recursive: true });
  buildDist(built);
  const copy = join(work, 'srv', 'linkedin-card');
  cpSync(built, copy, { recursive: true });
  rmSync(join(work, 'build'), { recursive: true });
  expect(ancestorsWithPackages(copy)).toEqual([]);
  writeFileSync(
    join(copy, '.env'),
    [
      'ENTRA_APP_ID=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      'ENTRA_ALLOWED_TENANTS=11111111-2222-4333-8444-555555555555',
      `TOKEN_ENCRYPTION_KEYS=k1:${Buffer.alloc(32, 4).toString('base64')}`,
      'SERVICE_ENV=development',
      'TRUST_PROXY=1',
      'HOST=127.0.0.1',
      'PORT=0',
    ].join('\n'),
  );
  service = startProcess(join(copy, 'server', 'serve.cjs'), {}, copy);
  const url = await service.listening(/ on (http:\/\/127\.0\.0\.1:\d+)/);
  expect((await fetch(`${url}/linkedin/taskpane.html`)).status).toBe(200);
  expect(await (await fetch(`${url}/linkedin/readyz`)).json()).toEqual({ status: 'ready', database: 'pglite', policyFile: 'none' });
  expect((await fetch(`${url}/linkedin/api/v1/connection`)).status).toBe(401);
  // The embedded database's default folder is beside where it was started.
  expect(existsSync(join(copy, '.data', 'insights-db', 'PG_VERSION'))).toBe(true);
}, 240_000);

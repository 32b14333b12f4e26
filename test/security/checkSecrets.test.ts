/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Finding {
  file: string;
  line: number;
  rule: string;
  value: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the scanner is CommonJS, shared with the build scripts.
const { scanDirectory, scanText } = require('../../scripts/secret-scan.cjs') as {
  scanText: (text: string, file?: string) => Finding[];
  scanDirectory: (root: string) => { findings: Finding[]; scanned: number };
};

const SCRIPT = resolve(__dirname, '../../scripts/check-secrets.mjs');
const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');
/** A token built here, so no secret-looking string sits in the repository itself. */
const plantedJwt = `${b64url('{"alg":"RS256","typ":"JWT"}')}.${b64url('{"aud":"api://insights","sub":"megan","exp":1900000000}')}.${b64url(randomBytes(64))}`;

/** What a clean build holds that looks close to a secret and is not one. */
function writeCleanBuild(root: string): void {
  mkdirSync(join(root, 'api/v1/connection/authorize'), { recursive: true });
  writeFileSync(
    join(root, 'taskpane.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><script src="taskpane.1d41f9cc.js"></script>`,
  );
  writeFileSync(
    join(root, 'msal.35aa49d7.js'),
    [
      'const DEFAULT_CLIENT_CREDENTIALS={clientSecret:n.EMPTY_STRING,clientAssertion:void 0};',
      'function addClientSecret(p,clientSecret){p.set("client_secret",clientSecret)}',
      'headers.Authorization="Bearer "+token;const h=`Bearer ${accessToken}`;',
      'const body="grant_type=refresh_token&refresh_token="+encodeURIComponent(t);',
      'const password=form.password;const apiKey=config.apiKey;',
      'const integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";',
    ].join('\n'),
  );
  writeFileSync(
    join(root, 'msal.35aa49d7.js.map'),
    JSON.stringify({ version: 3, mappings: 'AAAA,SAASA,EAAEC,GAAG,OAAOA,EAAEC,EAAE;AACnB', sourcesContent: ['// add client_secret\n'] }),
  );
  writeFileSync(join(root, 'api/v1/connection/authorize/index.html'), '<p>LinkedIn (simulated)</p>');
  writeFileSync(join(root, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
}

function build(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'secrets-'));
  writeCleanBuild(root);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

describe('check-secrets: the built add-in holds no secret or token', () => {
  test('a clean build passes: library code that names secrets, builds bearer headers or carries hashes is not a secret', () => {
    const { findings, scanned } = scanDirectory(build());
    expect(findings).toEqual([]);
    expect(scanned).toBe(4); // the png is skipped
  });

  test('a JWT planted in a source map is found, with its file and line, and reported shortened', () => {
    const { findings } = scanDirectory(
      build({ 'pane.3e3d87da.js.map': `{"version":3,\n"sourcesContent":["const token = '${plantedJwt}';"]}` }),
    );
    expect(findings).toEqual([
      {
        file: 'pane.3e3d87da.js.map',
        line: 2,
        rule: 'jwt',
        description: 'a JSON Web Token',
        value: expect.stringMatching(/^eyJ.{7}…\(\d+ chars\)$/),
      },
    ]);
    expect(JSON.stringify(findings)).not.toContain(plantedJwt.slice(0, 30));
  });

  const key = randomBytes(24).toString('base64url');
  test.each([
    ['private-key', `const pem = "-----BEGIN PRIVATE KEY-----\\nMIIEv…";`],
    ['private-key', '-----BEGIN RSA PRIVATE KEY-----'],
    ['client-secret', `auth: { clientId: "id", clientSecret: "${key}" }`],
    ['client-secret', `{"client_secret": "${key}"}`],
    ['client-secret', `fetch(url, { body: "grant_type=client_credentials&client_secret=${key}" })`],
    ['bearer-token', `headers: { Authorization: "Bearer ${key}${key}" }`],
    ['access-token-in-url', `location.href = "https://app/#access_token=${key}"`],
    ['api-key-assignment', `const API_KEY = "${key}9"`],
    ['aws-access-key', `const id = "AKIA${'ABCDEFGHIJKLMNOP'}"`],
    ['github-token', `token: "ghp_${'a1B2'.repeat(9)}"`],
    ['google-api-key', `key=AIza${'x'.repeat(35)}`],
    ['slack-token', `"xoxb-${'1234567890'}-abcdef"`],
    ['azure-storage-key', `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${randomBytes(64).toString('base64')}`],
  ])('flags %s', (rule, text) => {
    expect(scanText(text).map((finding) => finding.rule)).toContain(rule);
  });

  test('the command fails (exit 1) on a planted token and names the file; passes (exit 0) on a clean build; exit 2 when there is no build', () => {
    const planted = spawnSync(process.execPath, [SCRIPT, build({ 'taskpane.1d41f9cc.js': `var t="${plantedJwt}";` })], {
      encoding: 'utf8',
    });
    expect(planted.status).toBe(1);
    expect(planted.stderr).toMatch(/taskpane\.1d41f9cc\.js:1: a JSON Web Token \(jwt\)/);
    const clean = spawnSync(process.execPath, [SCRIPT, build()], { encoding: 'utf8' });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/no secret or token/);
    const missing = spawnSync(process.execPath, [SCRIPT, join(tmpdir(), 'no-such-build-folder')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
  });
});

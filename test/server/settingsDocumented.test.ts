import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as z from '../../src/contract/zod';
import { SERVE_SETTINGS } from '../../server/hosting/settings';
import { PROFILE_SOURCE_DEFAULTS, SERVICE_SETTINGS } from '../../server/settings';

/**
 * The settings' schema (server/settings.ts, server/hosting/settings.ts) and what an admin reads about them agree:
 * README's table "Every setting, with its default" and `.env.example` name every setting the schema reads and only
 * those, each with the schema's default; `.env` (secrets) is ignored by git, `.env.example` is not.
 */
const ROOT = join(__dirname, '../..');
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
type Name = keyof typeof SERVE_SETTINGS;
const NAMES = Object.keys(SERVE_SETTINGS) as Name[];

/** What the schema makes of an unset setting: 'required', its default as an admin writes it, or 'none'. */
function defaultOf(name: Name): string {
  const def = (SERVE_SETTINGS[name] as z.ZodMiniType)._zod.def as { type: string; defaultValue?: unknown };
  if (def.type === 'prefault') return String(def.defaultValue);
  return def.type === 'optional' ? 'none' : 'required';
}

/** README's table: each setting's row, its default cell (split per setting where a row names several). */
function readmeDefaults(): Map<string, string> {
  const readme = text('README.md');
  const section = readme.slice(readme.indexOf('### Every setting, with its default'));
  const table = section.slice(section.indexOf('| setting'), section.indexOf('\n\n', section.indexOf('| setting')));
  const defaults = new Map<string, string>();
  for (const row of table.split('\n').slice(2)) {
    const [, names = '', cell = ''] = row.split(/\s*\|\s*/);
    const settings = [...names.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1] ?? '');
    const parts = cell.split(', ');
    settings.forEach((setting, index) => {
      expect(defaults.has(setting)).toBe(false);
      defaults.set(setting, parts.length === settings.length ? (parts[index] ?? '') : cell);
    });
  }
  return defaults;
}

test('the schema holds the settings this test knows to look for, the service’s and npm run serve’s', () => {
  expect(NAMES).toEqual(expect.arrayContaining(['ENTRA_APP_ID', 'TOKEN_ENCRYPTION_KEYS', 'HOST', 'PORT', 'BASE_PATH', 'TRUST_PROXY']));
  expect(Object.keys(SERVICE_SETTINGS)).not.toContain('TRUST_PROXY');
  expect(defaultOf('PORT')).toBe('3001');
  expect(defaultOf('ENTRA_APP_ID')).toBe('required');
  expect(defaultOf('DATABASE_URL')).toBe('none');
});

test("README's table names every setting of the schema once, and only those", () => {
  expect([...readmeDefaults().keys()].sort()).toEqual([...NAMES].sort());
});

test("README's table gives each setting the schema's default", () => {
  const documented = readmeDefaults();
  const disagreeing = NAMES.filter((name) => {
    const cell = documented.get(name) ?? '';
    const schema = defaultOf(name);
    if (schema === 'required') return cell !== '— (required)';
    if (cell === '— (required)') return true;
    // Computed where it starts: the folder the server was built into (README says so in words).
    if (name === 'ADDIN_DIR') return schema !== resolve(ROOT, 'server') || cell.startsWith('`');
    if (name === 'PROFILE_SOURCE') return !Object.values(PROFILE_SOURCE_DEFAULTS).every((source) => cell.includes(`\`${source}\``));
    if (schema === 'none') return cell.startsWith('`');
    return !cell.includes(`\`${schema}\``);
  });
  expect(disagreeing).toEqual([]);
});

test(".env.example names every setting of the schema once, and a value it writes is the schema's default", () => {
  const lines = [...text('.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]{2,})=(.*)$/gm)].map(([, name = '', value = '']) => ({
    name,
    value,
  }));
  expect(lines.map((line) => line.name).sort()).toEqual([...NAMES].sort());
  const disagreeing = lines.filter(({ name, value }) => {
    if (!value) return false;
    const schema = name === 'PROFILE_SOURCE' ? PROFILE_SOURCE_DEFAULTS.production : defaultOf(name as Name);
    return value !== schema;
  });
  expect(disagreeing).toEqual([]);
});

test('.env is ignored by git, .env.example is not', () => {
  const ignored = (path: string) => {
    try {
      execFileSync('git', ['check-ignore', '-q', path], { cwd: ROOT });
      return true;
    } catch {
      return false;
    }
  };
  expect([ignored('.env'), ignored('.env.example')]).toEqual([true, false]);
});

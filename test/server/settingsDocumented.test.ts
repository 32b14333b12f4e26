import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every setting the service reads is in `.env.example` (with its default) and in README, and neither names one it does
 * not read; `.env` (secrets) is ignored by git, `.env.example` is not. The settings are the quoted upper-case names
 * the configuration readers ask for.
 */
const ROOT = join(__dirname, '../..');
const READERS = ['server/config.ts', 'server/linkedinConfig.ts', 'server/hosting/config.ts'];
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const read = [...new Set(READERS.flatMap((file) => [...text(file).matchAll(/'([A-Z][A-Z0-9_]{2,})'/g)].map((m) => m[1] ?? '')))].sort();
const example = text('.env.example');
const exampleNames = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]{2,})=/gm)].map((m) => m[1] ?? '');

test('the readers ask for the settings this test knows to look for', () => {
  expect(read).toEqual(expect.arrayContaining(['ENTRA_APP_ID', 'TOKEN_ENCRYPTION_KEYS', 'HOST', 'PORT', 'BASE_PATH', 'TRUST_PROXY']));
});

test('.env.example names every setting the service reads, and only those', () => {
  expect(read.filter((name) => !exampleNames.includes(name))).toEqual([]);
  expect([...new Set(exampleNames)].filter((name) => !read.includes(name))).toEqual([]);
});

test('README names every setting', () => {
  const readme = text('README.md');
  expect(read.filter((name) => !readme.includes(`\`${name}\``) && !readme.includes(`\`${name}=`))).toEqual([]);
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

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import * as z from '../../src/contract/zod';
import { listOf, readableFile, setting, settingsSchema, trueOrFalse, type Problem, type Rule } from '../settingKinds';
import { SERVICE_RULES, SERVICE_SETTINGS } from '../settings';

/**
 * What `npm run serve` reads beyond the service's own settings (server/settings.ts): where the built add-in is, who may
 * frame its pages, and how it is reached (HTTPS from a certificate, or plain HTTP behind a reverse proxy that
 * terminates HTTPS), with the rule production adds. No key is ever printed.
 */

/**
 * The web origins Outlook loads add-in panes from inside a frame: Outlook on the web and the new Outlook for Windows
 * (work or school accounts, both domains), and Outlook.com. Classic Outlook on Windows and Outlook on the Mac load the
 * pane in a web view of its own, with no ancestor. 'self' lets the workbench and the dialogs frame their own pages.
 */
export const DEFAULT_FRAME_ANCESTORS = [
  "'self'",
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
  'https://outlook.live.com',
] as const;

/** The deploy build the server was built into (dist/server/serve.cjs → dist/). */
const BUILT_INTO = resolve(__dirname, '..');

/** A folder, as an absolute path. */
export const addinFolder = z.prefault(
  z.pipe(
    z.string(),
    z.transform((path) => resolve(path)),
  ),
  BUILT_INTO,
);

const FRAME_SOURCE = /^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i;
const isFrameSource = (source: string) => source === "'self'" || FRAME_SOURCE.test(source);
/** The first source that is not one is named (the admin fixes one at a time, as before). */
const frameSources = listOf(z.string(), /[\s,]+/, (source) => source === '').check(
  z.check<string[]>((payload) => {
    const bad = payload.value.find((source) => !isFrameSource(source));
    if (bad !== undefined) payload.issues.push({ code: 'custom', input: bad, path: [] });
  }),
);

/** Whether Node can make a TLS context of these (PEM, a key without a passphrase, a pair that belongs together). */
function fits(options: SecureContextOptions): boolean {
  try {
    createSecureContext(options);
    return true;
  } catch {
    return false;
  }
}
const pemFile = (field: 'cert' | 'key') => z.optional(readableFile.check(z.refine((pem: Buffer) => fits({ [field]: pem }))));
const fileProblem =
  (notPem: string): Problem =>
  (got, issue, name) =>
    issue.code === 'custom' && issue.params?.unreadable ? `${name} cannot be read (${got})` : notPem;

const ADDRESS = /^[0-9a-f.:]+(\/\d{1,3})?$/i;

export const HOSTING_SETTINGS = {
  ADDIN_DIR: setting(
    addinFolder.check(z.refine((folder: string) => existsSync(join(folder, 'taskpane.html')))),
    (_got, issue) => `ADDIN_DIR must be the deploy build (npm run build → dist/): no taskpane.html in ${String(issue.input)}`,
  ),
  FRAME_ANCESTORS: setting(
    z.prefault(frameSources, DEFAULT_FRAME_ANCESTORS.join(' ')),
    (_got, issue) => `FRAME_ANCESTORS must list https:// origins (or 'self'), separated by spaces (got "${String(issue.input)}")`,
  ),
  TLS_CERT_FILE: setting(pemFile('cert'), fileProblem('TLS_CERT_FILE is not a PEM certificate (chain)')),
  TLS_KEY_FILE: setting(
    pemFile('key'),
    fileProblem('TLS_KEY_FILE is not a PEM private key (or it is encrypted: give the key without a passphrase)'),
  ),
  TRUST_PROXY: setting(
    z.prefault(
      z.union([
        trueOrFalse,
        z.pipe(z.string().check(z.regex(/^\d+$/)), z.coerce.number()),
        listOf(z.string().check(z.trim(), z.regex(ADDRESS)), ',', () => false),
      ]),
      'false',
    ),
    "TRUST_PROXY must be true, a number of proxy hops, or the proxies' addresses (comma-separated)",
  ),
  SERVE_SOURCE_MAPS: setting(z.prefault(trueOrFalse, 'false'), (got) => `SERVE_SOURCE_MAPS must be true or false (got "${got}")`),
};

/** HTTPS from the certificate and its key: both or neither, and a pair that belongs together. */
const tlsPair: Rule = ({ given, value, refuse }) => {
  if (given('TLS_CERT_FILE') !== given('TLS_KEY_FILE'))
    refuse('TLS_CERT_FILE', 'TLS_CERT_FILE and TLS_KEY_FILE go together: set both (HTTPS) or neither (behind a reverse proxy)');
  const cert = value<Buffer>('TLS_CERT_FILE');
  const key = value<Buffer>('TLS_KEY_FILE');
  if (cert && key && !fits({ cert, key }))
    refuse('TLS_KEY_FILE', "TLS_KEY_FILE is not the private key of TLS_CERT_FILE's certificate: give the pair that belongs together");
};

/** In production the pages and the API are reached over HTTPS: its own, or a reverse proxy's. */
const httpsInProduction: Rule = ({ value, refuse }) => {
  const tls = value('TLS_CERT_FILE') !== undefined && value('TLS_KEY_FILE') !== undefined;
  if (value('SERVICE_ENV') === 'production' && !tls && value('TRUST_PROXY') === false)
    refuse(
      'TRUST_PROXY',
      'npm run serve needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE, or TRUST_PROXY when a reverse proxy in front terminates HTTPS',
    );
};

/** npm run serve's settings: the service's, then its own, with the rules of both. */
export const SERVE_SETTINGS = { ...SERVICE_SETTINGS, ...HOSTING_SETTINGS };
export const serveSettings = settingsSchema(SERVE_SETTINGS, [...SERVICE_RULES, tlsPair, httpsInProduction]);
export type ServeSettings = z.output<typeof serveSettings>;

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import type { ServiceEnvironment } from '../config';

/**
 * What `npm run serve` needs beyond the service's own settings: where the built add-in is, who may frame its pages,
 * and how it is reached (HTTPS from a certificate, or plain HTTP behind a reverse proxy that terminates HTTPS).
 * Problems are added to the caller's list, so every bad value is named in one error; no key is ever printed.
 */
export interface HostingConfig {
  /** The deploy build (dist/): taskpane.html and the rest. */
  addinDir: string;
  /** The origins allowed to frame the add-in's pages (CSP frame-ancestors). */
  frameAncestors: readonly string[];
  /** HTTPS: the certificate chain and key, read at start. */
  tls?: { cert: Buffer; key: Buffer };
  /** Behind a reverse proxy: which hops to trust for the client address and protocol (Fastify's trustProxy). */
  trustProxy: boolean | number | string[];
  /** Whether the scripts' source maps (.map) are served; not unless asked (SERVE_SOURCE_MAPS=true): they hold the source. */
  sourceMaps?: boolean;
}

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

type Read = (name: string) => string | undefined;

export function readHostingConfig(
  read: Read,
  environment: ServiceEnvironment,
  problems: string[],
  defaultAddinDir = resolve(__dirname, '..'),
): HostingConfig {
  const addinDir = resolve(read('ADDIN_DIR') ?? defaultAddinDir);
  if (!existsSync(join(addinDir, 'taskpane.html')))
    problems.push(`ADDIN_DIR must be the deploy build (npm run build → dist/): no taskpane.html in ${addinDir}`);

  const frameAncestors = (read('FRAME_ANCESTORS') ?? DEFAULT_FRAME_ANCESTORS.join(' ')).split(/[\s,]+/).filter(Boolean);
  const badOrigin = frameAncestors.find((source) => source !== "'self'" && !/^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(source));
  if (badOrigin) problems.push(`FRAME_ANCESTORS must list https:// origins (or 'self'), separated by spaces (got "${badOrigin}")`);

  const tls = readTls(read, problems);
  const trustProxy = readTrustProxy(read('TRUST_PROXY'), problems);
  if (!tls && trustProxy === false && environment === 'production')
    problems.push(
      'npm run serve needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE, or TRUST_PROXY when a reverse proxy in front terminates HTTPS',
    );
  const maps = read('SERVE_SOURCE_MAPS') ?? 'false';
  if (maps !== 'true' && maps !== 'false') problems.push(`SERVE_SOURCE_MAPS must be true or false (got "${maps}")`);
  return { addinDir, frameAncestors, ...(tls ? { tls } : {}), trustProxy, sourceMaps: maps === 'true' };
}

function readTls(read: Read, problems: string[]): HostingConfig['tls'] {
  const certFile = read('TLS_CERT_FILE');
  const keyFile = read('TLS_KEY_FILE');
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) {
    problems.push('TLS_CERT_FILE and TLS_KEY_FILE go together: set both (HTTPS) or neither (behind a reverse proxy)');
    return undefined;
  }
  const file = (name: string, path: string): Buffer | undefined => {
    try {
      return readFileSync(path);
    } catch {
      problems.push(`${name} cannot be read (${path})`);
      return undefined;
    }
  };
  const cert = file('TLS_CERT_FILE', certFile);
  const key = file('TLS_KEY_FILE', keyFile);
  if (!cert || !key) return undefined;
  const problem = tlsPairProblem(cert, key);
  if (problem) problems.push(problem);
  return problem ? undefined : { cert, key };
}

/** Why this certificate and key cannot serve HTTPS (in the settings' words), or undefined when they can. */
function tlsPairProblem(cert: Buffer, key: Buffer): string | undefined {
  const fails = (options: SecureContextOptions) => {
    try {
      createSecureContext(options);
      return false;
    } catch {
      return true;
    }
  };
  if (fails({ cert })) return 'TLS_CERT_FILE is not a PEM certificate (chain)';
  if (fails({ key })) return 'TLS_KEY_FILE is not a PEM private key (or it is encrypted: give the key without a passphrase)';
  if (fails({ cert, key })) return "TLS_KEY_FILE is not the private key of TLS_CERT_FILE's certificate: give the pair that belongs together";
  return undefined;
}

/** TRUST_PROXY: unset/false, true (every hop), a number of hops, or the proxies' addresses (comma-separated). */
function readTrustProxy(raw: string | undefined, problems: string[]): HostingConfig['trustProxy'] {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const addresses = raw.split(',').map((a) => a.trim());
  if (addresses.every((a) => /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(a))) return addresses;
  problems.push("TRUST_PROXY must be true, a number of proxy hops, or the proxies' addresses (comma-separated)");
  return false;
}

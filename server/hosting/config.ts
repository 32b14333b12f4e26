import * as z from '../../src/contract/zod';
import { parseSettings, serviceConfigOf, type ServiceConfig } from '../config';
import { settingsOf } from '../settingKinds';
import { addinFolder, SERVE_SETTINGS, serveSettings, type ServeSettings } from './settings';

export { DEFAULT_FRAME_ANCESTORS } from './settings';

/**
 * What `npm run serve` needs beyond the service's own settings: where the built add-in is, who may frame its pages,
 * and how it is reached (HTTPS from a certificate, or plain HTTP behind a reverse proxy that terminates HTTPS).
 * Read with the service's settings by one schema (./settings.ts), so every bad value is named in one error.
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

type Env = Record<string, string | undefined>;

/** The folder ADDIN_DIR names (or the one the server was built into), before anything else is checked. */
export function addinDirOf(env: Env): string {
  return z.parse(addinFolder, settingsOf(env, { ADDIN_DIR: addinFolder }).ADDIN_DIR);
}

/** The service's configuration and npm run serve's, from one parse; throws one ConfigError naming every bad setting. */
export function loadServeConfig(env: Env, defaults: { basePath?: string } = {}): { config: ServiceConfig; hosting: HostingConfig } {
  const settings = parseSettings(env, SERVE_SETTINGS, serveSettings, defaults);
  return { config: serviceConfigOf(settings), hosting: hostingConfigOf(settings) };
}

function hostingConfigOf(settings: ServeSettings): HostingConfig {
  const { TLS_CERT_FILE: cert, TLS_KEY_FILE: key } = settings;
  return {
    addinDir: settings.ADDIN_DIR,
    frameAncestors: settings.FRAME_ANCESTORS,
    ...(cert && key ? { tls: { cert, key } } : {}),
    trustProxy: settings.TRUST_PROXY,
    sourceMaps: settings.SERVE_SOURCE_MAPS,
  };
}

import { resolve } from 'node:path';
import type { ServiceConfig } from './config';
import type { BuildInfo } from './hosting/buildInfo';
import type { HostingConfig } from './hosting/config';
import { databaseTarget } from './startErrors';

/**
 * The one line a process logs once it listens, naming how it runs: where it answers and under which path, the
 * database, HTTPS or the proxy, the policy file, the profile source, metrics and the release. An admin reading the log
 * (or journalctl) knows the mode without reading the settings. No secret: DATABASE_URL without its password.
 */
export interface StartFacts {
  address: string;
  config: ServiceConfig;
  hosting?: HostingConfig;
  build: BuildInfo;
  /** Where /metrics answers, when on. */
  metrics?: string;
}

export function startLine({ address, config, hosting, build, metrics }: StartFacts): string {
  const database = config.databaseUrl
    ? `PostgreSQL at ${databaseTarget(config.databaseUrl)}`
    : `embedded in ${config.pgliteDir.startsWith('memory://') ? 'memory' : resolve(config.pgliteDir)}`;
  const policy = config.policyFile ? `policy file ${resolve(config.policyFile)}` : 'no policy file (the documented defaults)';
  const facts = [
    `database: ${database}`,
    ...(hosting ? [transport(hosting), `public URL ${build.publicUrl ?? 'not set at build'}`] : []),
    `answering under ${config.basePath}`,
    policy,
    `source: ${config.profileSource}`,
    `metrics: ${metrics ? `${metrics}/metrics` : 'off'}`,
    `${config.environment}, release ${build.release ?? 'unknown'}`,
  ];
  const what = hosting ? `serving the add-in from ${hosting.addinDir} and its insights service` : 'insights service listening';
  return `${what} on ${address} (${facts.join('; ')})`;
}

function transport(hosting: HostingConfig): string {
  if (hosting.tls) return 'HTTPS from TLS_CERT_FILE';
  const proxies = Array.isArray(hosting.trustProxy) ? hosting.trustProxy.join(',') : String(hosting.trustProxy);
  return hosting.trustProxy === false ? 'plain HTTP (development)' : `plain HTTP behind a reverse proxy (TRUST_PROXY=${proxies})`;
}

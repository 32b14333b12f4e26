import { resolve } from 'node:path';
import type { ServiceConfig } from './config';
import { ConfigError } from './config';

/** A start that failed on a setting's value (a port taken, a database that does not answer): the setting named. */
export class StartError extends Error {
  constructor(problem: string) {
    super(`The insights service cannot start:\n- ${problem}`);
    this.name = 'StartError';
  }
}

/**
 * What went wrong at start, in the admin's terms: the setting to change, never a bare library message
 * (`EADDRINUSE`, `ECONNREFUSED 127.0.0.1:5999`, `password authentication failed`). Secrets are never repeated:
 * DATABASE_URL is shown as host, port, database and user only.
 */
const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : '';
};

/** Listening on HOST:PORT (or METRICS_HOST:METRICS_PORT) failed. */
export function listenError(error: unknown, host: string, port: number, names = { host: 'HOST', port: 'PORT' }): Error {
  const code = codeOf(error);
  const where = `${names.host}=${host} ${names.port}=${port}`;
  if (code === 'EADDRINUSE')
    return new StartError(`${where}: the port is taken by another process (EADDRINUSE): choose another ${names.port} or stop that process`);
  if (code === 'EACCES')
    return new StartError(
      `${where}: this account may not listen on that port (EACCES): use a port above 1023 (the reverse proxy listens on 443)`,
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new StartError(`${where}: ${host} is not an address of this machine (${code}): use 127.0.0.1 behind a proxy on this machine`);
  return error instanceof Error ? error : new Error(String(error));
}

/** Where DATABASE_URL points, without its password. */
export function databaseTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const user = url.username ? ` as ${decodeURIComponent(url.username)}` : '';
    return `${url.hostname}:${url.port || '5432'}${url.pathname}${user}`;
  } catch {
    return 'an address that does not parse';
  }
}

const POSTGRES_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'nothing answers there (ECONNREFUSED): is PostgreSQL running and listening on that address?',
  ENOTFOUND: 'the host is not found (ENOTFOUND)',
  EAI_AGAIN: 'the host name cannot be resolved now (EAI_AGAIN)',
  ETIMEDOUT: 'no answer in time (ETIMEDOUT): a firewall, or the wrong host',
  ECONNRESET: 'the server closed the connection (ECONNRESET): does it require TLS (add ?sslmode=require)?',
  '28P01': 'the password is refused (28P01)',
  '28000': 'this user may not connect (28000): see pg_hba.conf',
  '3D000': 'the database does not exist (3D000): create it first',
  '42501': 'the user lacks a privilege the migrations need (42501): it must be able to create tables',
};

/** Opening the database failed at start. */
export function databaseError(error: unknown, config: Pick<ServiceConfig, 'databaseUrl' | 'pgliteDir'>): Error {
  if (error instanceof ConfigError || (error instanceof Error && /^(DatabaseFolderError|NewerDatabaseError)$/.test(error.name)))
    return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (config.databaseUrl) {
    const known = POSTGRES_PROBLEMS[code] ?? (/timeout/i.test(message) ? 'no answer in time: a firewall, or the wrong host' : undefined);
    return new StartError(
      `DATABASE_URL (${databaseTarget(config.databaseUrl)}): ${known ?? `the database cannot be used (${code || message})`}`,
    );
  }
  return new StartError(`PGLITE_DIR ${resolve(config.pgliteDir)}: the embedded database cannot be opened (${code || message})`);
}

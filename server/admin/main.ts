import { existsSync } from 'node:fs';
import Fastify from 'fastify';
import { connectionStoreFor } from '../linkedin/connections';
import { ConfigError, loadConfig, type ServiceConfig } from '../config';
import { KeyInUseMissingError } from '../crypto/sealedTokens';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { DatabaseFolderError } from '../db/privateFolder';
import { backupEmbedded, restoreEmbedded } from './backup';
import { newKeyLine, rotateKeys } from './keys';
import { windowKeys } from '../http/rateLimitStore';
import { eraseEverything, erasePerson, type ErasureTools } from './erase';
import { countHeld, exportPerson, type Person } from './people';

/**
 * The admin's day-2 commands on the service's own settings (a `.env` in the current folder, or --env-file; the
 * environment wins): `node server/admin.cjs <command>` in a deployed copy of dist/, `npm run admin -- <command>` here.
 */
const USAGE = `usage: admin [--env-file <file>] <command>
  keys new                      print a new TOKEN_ENCRYPTION_KEYS line (put it in the settings once)
  keys status                   how many stored tokens each key seals
  keys rotate                   re-seal every stored token with the first key (then the others can go)
  counts                        how much is held (connections, audit rows, pending sign-ins, tokens per key)
  backup <file.tar.gz>          the embedded database to a file (the service stopped; PostgreSQL: pg_dump)
  restore <file.tar.gz>         a backup into an empty PGLITE_DIR
  export-user <object id> [--tenant <tenant id>]   what is held about one person, as JSON
  erase-user <object id> [--tenant <tenant id>]    erase one person (GDPR); their LinkedIn token revoked best effort
  erase-all --yes               erase everything (uninstall); every LinkedIn token revoked best effort`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UsageError extends Error {}

function settings(envFile: string | undefined): ServiceConfig {
  if (envFile) process.loadEnvFile(envFile);
  else if (existsSync('.env')) process.loadEnvFile('.env');
  return loadConfig();
}

/**
 * What an erasure needs, as the service itself has it: its revocation queue over this database (linkedin/revocations.ts:
 * a dropped token is queued and LinkedIn asked at once; what LinkedIn does not confirm waits there for the service's
 * retries) and how its rate limits name a client. Warnings go to standard error: standard output stays the JSON.
 */
function erasureTools(handle: DatabaseHandle, config: ServiceConfig): ErasureTools {
  const log = Fastify({ logger: { level: 'warn', stream: process.stderr } }).log;
  const { cipher, revocations } = connectionStoreFor(handle, config, log);
  const [current] = config.encryptionKeys;
  if (!current) throw new Error('TOKEN_ENCRYPTION_KEYS has no key');
  return { cipher, queue: revocations, windowKey: windowKeys(current) };
}

function personOf(args: readonly string[]): Person {
  const objectId = args[0] ?? '';
  const at = args.indexOf('--tenant');
  const tenantId = at > 0 ? args[at + 1] : undefined;
  if (!GUID.test(objectId)) throw new UsageError('the Entra object id must be a GUID (Entra admin center › Users › the user › Object ID)');
  if (tenantId !== undefined && !GUID.test(tenantId)) throw new UsageError('--tenant must be a tenant id (a GUID)');
  return { objectId: objectId.toLowerCase(), ...(tenantId ? { tenantId: tenantId.toLowerCase() } : {}) };
}

async function withDatabase<T>(config: ServiceConfig, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

const print = (value: unknown): void => console.log(typeof value === 'string' ? value : JSON.stringify(value, null, 2));

/** Runs one command; returns what to print. */
async function run(command: string, args: readonly string[], envFile: string | undefined): Promise<unknown> {
  if (command === 'keys' && args[0] === 'new') return newKeyLine();
  const config = settings(envFile);
  const file = () => {
    if (!args[0]) throw new UsageError(`${command} needs a file name`);
    return args[0];
  };
  if ((command === 'backup' || command === 'restore') && config.databaseUrl)
    throw new UsageError('DATABASE_URL is set: back up PostgreSQL with pg_dump and restore with pg_restore (README › Operations)');
  switch (`${command} ${command === 'keys' ? (args[0] ?? '') : ''}`.trim()) {
    case 'keys status':
      return withDatabase(config, async ({ db }) => ({ tokensPerKey: (await countHeld(db)).tokensPerKey }));
    case 'keys rotate':
      return withDatabase(config, async ({ db }) => {
        const { resealed, after } = await rotateKeys(db, config.encryptionKeys);
        return { resealed, tokensPerKey: Object.fromEntries(after) };
      });
    case 'counts':
      return withDatabase(config, ({ db }) => countHeld(db));
    case 'backup': {
      const { bytes, counts } = await backupEmbedded(config.pgliteDir, file());
      return { backup: file(), bytes, counts };
    }
    case 'restore':
      return { restored: file(), into: config.pgliteDir, counts: await restoreEmbedded(config.pgliteDir, file()) };
    case 'export-user':
      return withDatabase(config, ({ db }) => exportPerson(db, personOf(args)));
    case 'erase-user':
      return withDatabase(config, (handle) => erasePerson(handle, erasureTools(handle, config), personOf(args)));
    case 'erase-all':
      if (args[0] !== '--yes') throw new UsageError('erase-all deletes everything the service holds: add --yes to mean it');
      return withDatabase(config, (handle) => eraseEverything(handle, erasureTools(handle, config)));
    default:
      throw new UsageError(`unknown command: ${[command, ...args].join(' ')}`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const at = argv.indexOf('--env-file');
  const envFile = at >= 0 ? argv[at + 1] : undefined;
  const [command, ...args] = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  if (!command || command === 'help' || command === '--help') {
    print(USAGE);
    return command ? 0 : 2;
  }
  try {
    print(await run(command, args, envFile));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    const known = error instanceof ConfigError || error instanceof DatabaseFolderError || error instanceof KeyInUseMissingError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(known ? message : `admin ${command} failed: ${message}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));

import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The embedded database's folder belongs to one process and to the account that runs it: the folder is 0700 and every
 * file in it 0600 (what a previous release left wider is narrowed at start; what the database creates afterwards is
 * created so by its thread, see privateFileModes.ts), and a lock file beside the folder stops a second process at once.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** A problem with PGLITE_DIR that the admin must fix: the message names the setting and the folder. */
export class DatabaseFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseFolderError';
  }
}

/** Creates the folder if needed and makes it and everything in it private to this account. */
export function makeFolderPrivate(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    narrow(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DatabaseFolderError(`PGLITE_DIR ${dir} cannot be created or made private (${code}): choose a folder this account owns`);
  }
}

function narrow(dir: string): void {
  chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) narrow(path);
    else if (entry.isFile()) chmodSync(path, PRIVATE_FILE_MODE);
  }
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

const lockFileOf = (dir: string): string => `${resolve(dir)}.lock`;
/** The lock files this process holds: a lock naming this pid that is not among them was left by an earlier process. */
const held = new Set<string>();

/** True when process `pid` runs on this machine (EPERM: it runs, as another account). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, since: String(owner.since) }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the folder's lock (`<PGLITE_DIR>.lock`, created exclusively) or throws naming who holds it. A lock left by a
 * process that is gone (killed, or the machine restarted) is taken over. Returns the release, which removes the lock.
 */
export function lockFolder(dir: string): () => void {
  const file = lockFileOf(dir);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // The folder's parent (e.g. .data/ beside where the service starts) is made on first start, private too.
  try {
    mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (error) {
    throw new DatabaseFolderError(`PGLITE_DIR ${dir}: its folder cannot be created (${(error as NodeJS.ErrnoException).code})`);
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new DatabaseFolderError(
          `PGLITE_DIR ${dir}: its lock file ${file} cannot be created (${(error as NodeJS.ErrnoException).code})`,
        );
      const owner = readOwner(file);
      const mine = owner?.pid === me.pid && held.has(file);
      const stale = !mine && (owner === undefined || (owner.host === me.host && (owner.pid === me.pid || !running(owner.pid))));
      if (!stale) throw inUse(dir, file, owner);
      unlinkSync(file);
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    held.add(file);
    return () => {
      if (!held.delete(file)) return;
      if (readOwner(file)?.pid === me.pid) unlinkSync(file);
    };
  }
  throw inUse(dir, file, readOwner(file));
}

function inUse(dir: string, file: string, owner: LockOwner | undefined): DatabaseFolderError {
  const who = owner ? `process ${owner.pid} on ${owner.host} (since ${owner.since})` : 'another process';
  return new DatabaseFolderError(
    `PGLITE_DIR ${dir} is in use by ${who}: the embedded database belongs to one process. Stop that one first, or run ` +
      `several instances on PostgreSQL (DATABASE_URL). If no such process exists any more, delete ${file}.`,
  );
}

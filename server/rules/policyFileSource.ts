import { readFileSync, statSync, type BigIntStats } from 'node:fs';
import { checkPolicyText, DEFAULT_ADMIN_POLICY, type AdminPolicy, type PolicyFileProblem } from '../../src/contract/policyFile';

/**
 * The admin's policy file as the service follows it: one reading shared by the rules it enforces and the copy it
 * serves to the pane (server/hosting/), so the two can never differ. A changed file is seen on the next request: each
 * read compares the file's identity (inode, size, modification and change times, to the nanosecond) and reads it
 * again only when one differs; a file changed within the clock's granularity (same size, same tick) is read again
 * while its modification time is recent, as git does for "racily clean" files. Checked with the pane's own check
 * (src/contract/policyFile.ts), so a file the pane refuses the service refuses too.
 */
export type PolicyFileReading =
  /** No POLICY_FILE configured: the documented defaults apply (the pane hears 404). */
  | { status: 'none'; policy: AdminPolicy }
  | { status: 'valid'; text: string; policy: AdminPolicy }
  | { status: 'invalid'; text: string; problems: readonly PolicyFileProblem[] }
  /** Configured but cannot be read (gone, no permission): fail closed (the pane hears 503). */
  | { status: 'unreadable'; cause: string };

export interface PolicyFileSource {
  /** The file as it is now (cheap: a stat per call, a read only when it changed). */
  read: () => PolicyFileReading;
  /** Where it is read from, for log lines ("POLICY_FILE /etc/…" or "the workbench's controls"). */
  readonly origin: string;
}

/** Called when the reading changes from one state to another (or its problems change): the caller logs it, once. */
export type PolicyFileListener = (reading: PolicyFileReading, previous: PolicyFileReading | undefined) => void;

const NONE: PolicyFileReading = Object.freeze({ status: 'none', policy: DEFAULT_ADMIN_POLICY });

/** A reading of the file's text: valid with its policy, or invalid with every problem. */
export function readingOfText(text: string): PolicyFileReading {
  const checked = checkPolicyText(text);
  return checked.status === 'valid'
    ? { status: 'valid', text, policy: checked.policy }
    : { status: 'invalid', text, problems: checked.problems };
}

/** How long after a write the file's identity is not trusted alone (coarse file-system clocks tick every few ms). */
const RACY_WINDOW_NS = 2_000_000_000n;

export type Identity = Pick<BigIntStats, 'ino' | 'size' | 'mtimeNs' | 'ctimeNs'>;
const sameIdentity = (a: Identity, b: Identity) =>
  a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

/** How the file is looked at: Node's own (tests give a file system whose clock is as coarse as some are). */
export interface PolicyFileAccess {
  stat: (path: string) => Identity;
  read: (path: string) => string;
  now: () => number;
}
const NODE_FILES: PolicyFileAccess = {
  stat: (path) => statSync(path, { bigint: true }),
  read: (path) => readFileSync(path, 'utf8'),
  now: Date.now,
};

/** The file at `path` (undefined: none configured), followed as it changes. */
export function watchedPolicyFile(
  path: string | undefined,
  onChange?: PolicyFileListener,
  files: PolicyFileAccess = NODE_FILES,
): PolicyFileSource {
  if (!path) return { read: () => NONE, origin: 'no POLICY_FILE (the documented defaults)' };
  let seen: { identity: Identity; reading: PolicyFileReading } | undefined;
  let lastReported: PolicyFileReading | undefined;

  const report = (reading: PolicyFileReading) => {
    if (reading === lastReported) return reading;
    if (!lastReported || changed(lastReported, reading)) onChange?.(reading, lastReported);
    lastReported = reading;
    return reading;
  };

  /** The file's reading now: its cached one while its identity is unchanged (and not recent), else read again. */
  const current = (): PolicyFileReading => {
    const identity = files.stat(path);
    const racy = BigInt(Math.floor(files.now())) * 1_000_000n - identity.mtimeNs < RACY_WINDOW_NS;
    if (seen && sameIdentity(seen.identity, identity) && !racy) return seen.reading;
    const text = files.read(path);
    const previous = seen?.reading;
    const reading = previous && 'text' in previous && previous.text === text ? previous : readingOfText(text);
    seen = { identity, reading };
    return reading;
  };

  const read = (): PolicyFileReading => {
    try {
      return report(current());
    } catch (error) {
      seen = undefined;
      return report({ status: 'unreadable', cause: causeOf(error) });
    }
  };
  return { read, origin: `POLICY_FILE ${path}` };
}

/** A policy text held in memory (the workbench's controls in development mode): null means no file. */
export function policyTextSource(text: () => string | null, onChange?: PolicyFileListener): PolicyFileSource {
  let last: { text: string | null; reading: PolicyFileReading } | undefined;
  let lastReported: PolicyFileReading | undefined;
  return {
    origin: "the workbench's policy text",
    read() {
      const current = text();
      if (last?.text !== current) last = { text: current, reading: current === null ? NONE : readingOfText(current) };
      if (!lastReported || changed(lastReported, last.reading)) onChange?.(last.reading, lastReported);
      lastReported = last.reading;
      return last.reading;
    },
  };
}

/** Whether a reading says something different from the last one reported (a new state, or new problems). */
function changed(before: PolicyFileReading, after: PolicyFileReading): boolean {
  if (before.status !== after.status) return true;
  if (before.status === 'valid' && after.status === 'valid') return before.text !== after.text;
  if (before.status === 'invalid' && after.status === 'invalid') return JSON.stringify(before.problems) !== JSON.stringify(after.problems);
  if (before.status === 'unreadable' && after.status === 'unreadable') return before.cause !== after.cause;
  return false;
}

/** What went wrong reading the file, in words that name no content (an errno code, or the kind of error). */
function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'the service may not read the file';
  if (code === 'EISDIR') return 'the path is a folder';
  return code ? `the file cannot be read (${code})` : 'the file cannot be read';
}

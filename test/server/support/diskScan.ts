import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TokenCipher } from '../../../server/crypto/tokenCipher';

/**
 * What someone holding the service's keys could read from a copy of the embedded database's folder: every file (heap,
 * indexes, WAL segments, everything), every string shaped like a stored ciphertext (`v1.<key>.<iv>.<tag>.<data>`),
 * tried against every context the service binds them to — the user's `tenant:object`, and `pending-sign-in:<id>` and
 * `revocation:<id>` for every id found in the same files (a row's id sits beside its ciphertext).
 */
export interface DiskScan {
  files: number;
  bytes: number;
  /** Ciphertext-shaped strings found. */
  ciphertexts: number;
  contexts: number;
  /** What the ciphertexts decrypted to, with the file each was in. */
  opened: { file: string; plaintext: string }[];
  /** Files holding any of the given fragments (plain tokens, known IVs), as UTF-8, UTF-16 or base64. */
  fragments: { file: string; fragment: string }[];
}

const CIPHERTEXT = /v1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function scanFolder(dir: string, cipher: TokenCipher, userContexts: readonly string[], fragments: readonly string[]): DiskScan {
  const contents = filesUnder(dir).map((file) => ({ file: relative(dir, file), bytes: readFileSync(file) }));
  const ids = new Set<string>();
  const found: { file: string; value: string }[] = [];
  for (const { file, bytes } of contents) {
    const text = bytes.toString('latin1');
    for (const id of text.match(UUID) ?? []) ids.add(id);
    for (const value of text.match(CIPHERTEXT) ?? []) found.push({ file, value });
  }
  const contexts = [...userContexts, ...[...ids].flatMap((id) => [`pending-sign-in:${id}`, `revocation:${id}`])];
  const opened: DiskScan['opened'] = [];
  for (const { file, value } of found)
    for (const context of contexts) {
      try {
        opened.push({ file, plaintext: cipher.decrypt(value, context) });
        break;
      } catch {
        // not this context
      }
    }
  const forms = (fragment: string) => [
    Buffer.from(fragment, 'utf8'),
    Buffer.from(fragment, 'utf16le'),
    Buffer.from(Buffer.from(fragment).toString('base64')),
  ];
  const holding = contents.flatMap(({ file, bytes }) =>
    fragments.filter((fragment) => forms(fragment).some((form) => bytes.includes(form))).map((fragment) => ({ file, fragment })),
  );
  return {
    files: contents.length,
    bytes: contents.reduce((sum, { bytes }) => sum + bytes.length, 0),
    ciphertexts: found.length,
    contexts: contexts.length,
    opened,
    fragments: holding,
  };
}

/** The IV of a stored ciphertext: 96 random bits, so finding it anywhere means a copy (whole or split) is there. */
export const ivOf = (ciphertext: string): string => ciphertext.split('.')[2] ?? ciphertext;

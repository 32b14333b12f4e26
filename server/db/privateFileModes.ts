import fs from 'node:fs';

/**
 * The database's files are this account's alone: what PGlite creates (0666 / 0777 as PostgreSQL asks, which its file
 * layer applies with chmod, past the process's umask) is created 0600 / 0700. A thread cannot set the process's umask,
 * so the fs functions of the code that runs PGlite take the mask, when this module is loaded: it is the first import
 * of the database's thread (pgliteWorker.ts) and of the initdb process (pgliteInitdb.ts), before PGlite. The HTTP
 * thread never imports it: its fs functions are untouched.
 */
function keepDatabaseFilesPrivate(): void {
  const mask = <M>(mode: M): M => (typeof mode === 'number' ? ((mode & 0o700) as M) : mode);
  /** The options of a call, with the mode masked (or the default mode, masked, where the call gives none). */
  const withMode = (options: string | { mode?: fs.Mode | undefined } | null | undefined, fallback: number) =>
    typeof options === 'string'
      ? { encoding: options as BufferEncoding, mode: mask(fallback) }
      : { ...options, mode: mask(options?.mode !== undefined ? options.mode : fallback) };
  const patched = fs as unknown as Record<string, unknown>;
  for (const name of ['chmodSync', 'fchmodSync', 'lchmodSync']) {
    const original = patched[name] as ((target: unknown, mode: fs.Mode) => void) | undefined;
    if (original) patched[name] = (target: unknown, mode: fs.Mode) => original(target, mask(mode));
  }
  const { mkdirSync, openSync, writeFileSync } = fs;
  patched.mkdirSync = (path: fs.PathLike, options?: fs.Mode | fs.MakeDirectoryOptions | null) =>
    mkdirSync(path, typeof options === 'number' ? mask(options) : withMode(options, 0o777));
  patched.openSync = (path: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode | null) =>
    openSync(path, flags, mask(mode === undefined ? 0o666 : mode));
  patched.writeFileSync = (path: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) =>
    writeFileSync(path, data, withMode(options, 0o666));
}

keepDatabaseFilesPrivate();

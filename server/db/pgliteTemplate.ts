import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from './database';
import { MIGRATIONS } from './migrations';

/**
 * A migrated, empty embedded database as a tarball (PGlite's dumpDataDir), kept in `folder`: an in-memory database
 * started from it skips initdb and the migrations (~2 s against ~10 s on a busy machine). npm start's in-memory
 * database starts from one in node_modules/.cache, the tests from one in the temp folder. The file's name carries
 * PGlite's version and a digest of the migrations' names and code, so a changed or new migration makes a new one.
 */
export async function migratedTemplate(folder: string): Promise<Blob> {
  const file = join(folder, `insights-pglite-${templateKey()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await openDatabase({ pgliteDir: 'memory://' });
  try {
    if (!database.embedded) throw new Error('PGlite database without its handle');
    const dump = Buffer.from(await (await database.embedded.dumpDataDir()).arrayBuffer());
    mkdirSync(folder, { recursive: true });
    // Written whole under another name, then renamed: a process reading it never sees half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
    return new Blob([dump]);
  } finally {
    await database.close();
  }
}

function templateKey(): string {
  const manifest = join(require.resolve('@electric-sql/pglite'), '..', '..', 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const migrations = createHash('sha256');
  // A migration's code is its identity here: an edited one (before it ships) must not start from a stale copy.
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    const steps = Object.values(migration as object).map((step) =>
      typeof step === 'function' ? Function.prototype.toString.call(step) : '',
    );
    migrations.update(`${name}\n${steps.join('\n')}\n`);
  }
  return `${version}-${migrations.digest('base64url').slice(0, 16)}`;
}

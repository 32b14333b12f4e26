import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../../server/db/database';
import { MIGRATIONS } from '../../../server/db/migrations';

/**
 * A fresh in-memory PGlite for a test file. PGlite's initdb costs tens of seconds in WebAssembly on a busy machine, so
 * the first file dumps a migrated, empty data directory to the temp folder and every later file starts from that copy
 * (seconds). The copy's name carries PGlite's version and the migration names, so a new migration makes a new one.
 */
export async function freshTestDatabase(): Promise<DatabaseHandle> {
  return openDatabase({ pgliteDir: 'memory://', pgliteTemplate: await templateBlob() });
}

/** The dumped, migrated, empty data directory (made once per machine and PGlite version). */
export async function templateBlob(): Promise<Blob> {
  const manifest = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const key = Buffer.from(Object.keys(MIGRATIONS).join('|')).toString('base64url').slice(-40);
  const file = join(tmpdir(), `insights-pglite-${version}-${key}.tar`);
  if (existsSync(file)) {
    return new Blob([readFileSync(file)]);
  }
  const database = await openDatabase({ pgliteDir: 'memory://' });
  if (database.embedded) {
    const dump = Buffer.from(await (await database.embedded.dumpDataDir()).arrayBuffer());
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
    await database.close();
    return new Blob([dump]);
  }
  throw new Error('PGlite database without its handle');
}

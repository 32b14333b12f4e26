import { tmpdir } from 'node:os';
import { openDatabase, type DatabaseHandle } from '../../../server/db/database';
import { migratedTemplate } from '../../../server/db/pgliteTemplate';

/**
 * A fresh in-memory PGlite for a test file. PGlite's initdb costs tens of seconds in WebAssembly on a busy machine, so
 * the first file dumps a migrated, empty data directory to the temp folder and every later file starts from that copy
 * (seconds); see server/db/pgliteTemplate.ts.
 */
export async function freshTestDatabase(): Promise<DatabaseHandle> {
  return openDatabase({ pgliteDir: 'memory://', pgliteTemplate: await templateBlob() });
}

/** The dumped, migrated, empty data directory (made once per machine, PGlite version and set of migrations). */
export const templateBlob = (): Promise<Blob> => migratedTemplate(tmpdir());

// Node's own timers (their handles can be unref'd), whatever the global ones are where the service is embedded.
import { clearInterval, setInterval } from 'node:timers';
import fp from 'fastify-plugin';
import type { DatabaseHandle } from '../db/database';

declare module 'fastify' {
  interface FastifyInstance {
    /** The service's database (PostgreSQL or the embedded one): opened and closed by whoever built the service. */
    database: DatabaseHandle;
  }
}

export interface DatabasePluginOptions {
  database: DatabaseHandle;
  /** How often the embedded database's deleted rows are purged from its files (default 60 s; 0: only at close). */
  purgeEveryMs?: number | undefined;
}

/**
 * The database, as `app.database`. On the embedded database in a folder, dropped tokens are purged from its files at
 * most a minute after they were dropped (one purge at a time), and once more as the service stops.
 */
export const databasePlugin = fp<DatabasePluginOptions>(
  async (app, { database, purgeEveryMs = 60_000 }) => {
    app.decorate('database', database);
    const purge = database.purge;
    if (!purge) return;
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      if (purgeEveryMs <= 0) return;
      let busy = false;
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        purge
          .run()
          .catch((error: unknown) => app.log.warn({ err: error }, 'deleted rows not purged yet'))
          .finally(() => (busy = false));
      }, purgeEveryMs);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await purge.run().catch((error: unknown) => app.log.warn({ err: error }, 'deleted rows not purged at close'));
    });
  },
  { name: 'database' },
);

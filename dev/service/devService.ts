import { createServer } from 'node:net';
import type { ServiceConfig } from '../../server/config';
import { addinFileRoutes, policyTextReaderOf } from '../../server/hosting/addinFiles';
import { createDevApp, HOST } from './devApp';

export { WORKBENCH_IDENTITY } from './devApp';

/**
 * The insights service in development mode as `npm start` and the browser tests run it (devApp.ts), serving the
 * workbench's pages beside its API, listening on loopback only; it refuses production configuration (both stand-ins do).
 */
export interface DevServiceOptions {
  /** 0: any free port. */
  port: number;
  /** The built workbench (npm run build:workbench, or npm start's watch build). */
  addinDir: string;
  /** Keep the database in this folder across restarts; in memory when not given. */
  dataDir?: string;
  /** In memory: start from this migrated database (server/db/pgliteTemplate.ts) instead of a fresh one. */
  pgliteTemplate?: Blob;
  logLevel?: ServiceConfig['logLevel'];
  /** For `port: 0`, how a free port is found (tests make it race); `freePort` otherwise. */
  choosePort?: () => Promise<number>;
}

export interface DevService {
  /** http://localhost:<port>/: the workbench. */
  url: string;
  port: number;
  close: () => Promise<void>;
}

/**
 * A free loopback port, for `port: 0`: the LinkedIn callback and the dialog's address must be known before listening.
 * Free when asked, not reserved: by the time the service listens, another socket (one of its own stand-ins, which
 * listen in between) may hold it, so startDevService tries again on another.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** How many free ports `port: 0` tries before it gives up (each taken in the meantime by another socket). */
const PORT_ATTEMPTS = 3;

export async function startDevService(options: DevServiceOptions): Promise<DevService> {
  if (options.port !== 0) return startOn(options.port, options);
  const choosePort = options.choosePort ?? freePort;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(await choosePort(), options);
    } catch (error) {
      const taken = (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
      if (!taken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

async function startOn(port: number, options: DevServiceOptions): Promise<DevService> {
  // The workbench opened at the address it prints (localhost) or at 127.0.0.1: the sign-in ends on either.
  // The workbench's window opens workbench-dialog.html (the dialog page without Office.js); Office opens dialog.html.
  const dialogPages = ['dialog.html', 'workbench-dialog.html'].flatMap((page) => [
    `http://localhost:${port}/${page}`,
    `http://${HOST}:${port}/${page}`,
  ]);
  const dev = await createDevApp({
    port,
    dialogPages,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.pgliteTemplate && !options.dataDir ? { pgliteTemplate: options.pgliteTemplate } : {}),
    logLevel: options.logLevel,
  });
  try {
    // Development: the workbench's source maps are served (the browser's debugger reads them).
    const hosting = { addinDir: options.addinDir, frameAncestors: ["'self'"], trustProxy: false, sourceMaps: true };
    await dev.app.register((scope) => addinFileRoutes(scope, hosting, policyTextReaderOf(dev.settings.rules.file)));
    await dev.app.listen({ host: HOST, port });
  } catch (error) {
    await dev.close().catch(() => undefined);
    throw error;
  }
  return { url: `http://localhost:${port}/`, port, close: dev.close };
}

import { openDatabase } from '../../server/db/database';
import { bundle, startProcess, type RunningProcess } from './support/process';
import { ENTRA_APP, LOOPBACK, oneTokenKey } from './support/settings';

/**
 * Two service processes on one PostgreSQL share one rate limit (.ci/run's PostgreSQL step sets DATABASE_URL; npm test
 * has no PostgreSQL server and skips this file — sharedRateLimits.test.ts runs the same counting on the embedded
 * database): calls from one address, alternating between them, get RATE_LIMIT_PER_IP in all, then 429 from both.
 */
const databaseUrl = process.env.DATABASE_URL;
const describeOnPostgres = databaseUrl ? describe : describe.skip;
const PER_IP = 5;

describeOnPostgres('two service processes on one PostgreSQL', () => {
  const processes: RunningProcess[] = [];
  let urls: string[];

  beforeAll(async () => {
    const cleanup = await openDatabase({ databaseUrl });
    await cleanup.db.deleteFrom('rate_limit_windows').execute();
    await cleanup.close();
    const main = bundle('main');
    const env = {
      SERVICE_ENV: 'development',
      ...ENTRA_APP,
      TOKEN_ENCRYPTION_KEYS: oneTokenKey(6),
      DATABASE_URL: databaseUrl ?? '',
      RATE_LIMIT_PER_IP: String(PER_IP),
      ...LOOPBACK,
    };
    for (let n = 0; n < 2; n += 1) processes.push(startProcess(main, env));
    urls = await Promise.all(processes.map((service) => service.listening(/listening on (http:\/\/127\.0\.0\.1:\d+)/)));
  }, 120_000);
  afterAll(async () => {
    for (const service of processes) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });

  test('the per-address limit holds across both: RATE_LIMIT_PER_IP calls in all, then 429 from each', async () => {
    const seen: number[] = [];
    for (let n = 0; n < PER_IP + 2; n += 1) seen.push((await fetch(`${urls[n % 2] ?? ''}/healthz`)).status);
    expect(seen).toEqual([...Array<number>(PER_IP).fill(200), 429, 429]);
  });
});

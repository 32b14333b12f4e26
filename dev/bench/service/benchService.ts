/**
 * npm run bench:service — the insights service under load on 127.0.0.1, beside a bare Fastify route answering the
 * same JSON in the same run. Lookups of 20 addresses at 50 connections, each request with a real Entra token check
 * (RS256 signature, claims) and a database read (the caller's connection), for at most 10 s a run.
 * Three runs side by side (--runs), judged on the medians. Each run also prints the CPU time this process spent per
 * request answered (process.cpuUsage() over the run — user + system, every thread: the HTTP thread, the embedded
 * database's, the garbage collector — divided by the requests autocannon saw answered), with the medians for the bare
 * route and the service: req/s and their ratio move with whatever else shares the machine's cores, CPU per request
 * much less (it still rises 10-30 % when the service is starved: fewer requests share each event-loop turn; compare
 * runs side by side), so it is the number to drive down (reported, not gated; with --load-inline it includes
 * autocannon's; PostgreSQL's own backends are never in it).
 * Budget: 0 errors, throughput and p99 as EMBEDDED_BUDGET and
 * POSTGRES_BUDGET say, resident memory grows < 20 MB over the runs; the database in a
 * folder as `npm run serve` keeps it, the process's resident memory ≤ 250 MB idle and ≤ 350 MB at most under load
 * (measured with the benchmark's bare route and tsx's compiler in the same process, so the service alone holds less; the
 * load generator runs in a process of its own: loadGenerator.ts).
 * Options: --duration <s> (default 8, at most 10), --no-gate (print only), --database-url postgres://… (the same run on a
 * PostgreSQL server, as several instances share one: its rate limits count there too; no memory rows, the database's
 * memory is the server's), --profile <file.cpuprofile> (a CPU profile of the main thread over the service's measured run
 * only, written there and its top entries printed), --heap-profile <prefix> (a sampling heap profile of the
 * main thread over the first bare and service runs, freed objects included, written to <prefix>-bare.heapprofile and
 * <prefix>-service.heapprofile, its top allocators printed in bytes per request), --runs <n> (1-5, default 3), --no-memory-gate (the embedded run's
 * resident memory reported, not gated: .ci/run gates the deployable's own behind nginx), --load-inline (autocannon on
 * the benchmark's own main thread, as before: for comparison only).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../../../server/app';
import { connectionStoreFor } from '../../../server/linkedin/connections';
import { createEntraVerifier } from '../../../server/auth/entraVerifier';
import { loadConfig } from '../../../server/config';
import { openDatabase, type DatabaseHandle } from '../../../server/db/database';
import { watchedPolicyFile } from '../../../server/rules/policyFileSource';
import { createServiceRules } from '../../../server/rules/serviceRules';
import { createFixturesSource } from '../../../server/sources/fixtures';
import { printCpuProfile, startCpuProfile, type CpuProfileSummary } from './cpuProfile';
import { printAllocations, startHeapProfile, type Allocations } from './heapProfile';
import { startLoadGenerator, type LoadGenerator, type LoadGeneratorPlace } from './loadGenerator';
import { startEntraStandIn, type EntraStandIn } from '../../standins/entraIssuer';
import { FIXTURE_PEOPLE } from '../../../server/sources/fixtures/people';

const TENANT = '11111111-2222-4333-8444-555555555555';
const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const USER = '0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
const args = process.argv.slice(2);
const duration = Math.min(10, Number(args[args.indexOf('--duration') + 1]) || 8);
const gate = !args.includes('--no-gate');
const databaseUrl = args.includes('--database-url') ? args[args.indexOf('--database-url') + 1] : undefined;
const profileFile = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
const heapProfileFile = args.includes('--heap-profile') ? args[args.indexOf('--heap-profile') + 1] : undefined;
const runs = Math.max(1, Math.min(5, Number(args[args.indexOf('--runs') + 1]) || 3));

const memoryGate = !args.includes('--no-memory-gate');
const loadFrom: LoadGeneratorPlace = args.includes('--load-inline') ? 'inline' : 'process';

/**
 * The gates: floors below every median of three measured on the shared 2-core machine under its load (load averages
 * 4-20), with the load generator in its own process and the embedded database's reads kept: embedded 0.43-0.52×, p99
 * 15-52 ms; PostgreSQL, with the caller's connection read beside the rate limits' counts, 0.21-0.31×, p99 52-86 ms at
 * load averages 15-20 (without it 0.13-0.16×, p99 78-171 ms, interleaved; README › bench:service). The p99 ceilings
 * stay at 100 ms (a run beside browser journeys gave 52 ms embedded; 86 ms was seen on PostgreSQL at load average 20).
 * The embedded floor is 0.3×, not 0.35×: on a quiet machine the bare route runs faster (39-43k req/s with nothing
 * else running, 8-19k under load) while the service is bound by its own CPU, so the ratio falls as the machine
 * quietens: .ci/run runs with the machine to itself gave 0.40× and 0.34× (service 13.8-14.6k req/s, p99 8-9 ms).
 * Not yet issue 29's budgets (embedded ≥ 0.7×, p99 ≤ 30 ms; PostgreSQL ≥ 0.5×, p99 ≤ 50 ms).
 */
const EMBEDDED_BUDGET = { ratio: 0.3, p99: 100 };
const POSTGRES_BUDGET = { ratio: 0.2, p99: 100 };

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

interface Run {
  name: string;
  requests: number;
  /** CPU time of this whole process (every thread: the HTTP thread, the embedded database's, GC) per answered request, µs. */
  cpuPerRequest: number;
  /** Requests answered over the run. */
  completed: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * One measured load: 50 connections for the run's duration, with the CPU this process spent over it (user + system,
 * all its threads; the load generator's process is not counted unless --load-inline) per request answered. Unlike
 * req/s, which moves with whatever else the machine runs, CPU per request stays put: the number to drive down.
 */
async function load(generator: LoadGenerator, name: string, url: string, headers: Record<string, string>, body: string): Promise<Run> {
  const cpuBefore = process.cpuUsage();
  const result = await generator.run({ url, headers, body, connections: 50, duration });
  const cpu = process.cpuUsage(cpuBefore);
  return { name, ...result, cpuPerRequest: result.completed > 0 ? (cpu.user + cpu.system) / result.completed : Infinity };
}

/**
 * Resident memory once garbage is collected on both threads (the database's start-up leaves a lot) and RSS has
 * stopped moving (two readings 250 ms apart within 1 MB, at most 5 s): what the process really holds.
 */
async function settledRss(database: DatabaseHandle): Promise<number> {
  global.gc?.();
  await database.embedded?.collectGarbage();
  let last = process.memoryUsage().rss;
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = process.memoryUsage().rss;
    if (Math.abs(now - last) < 1024 * 1024) return now;
    last = now;
  }
  return last;
}

/** The service as `npm run serve` runs it, on 127.0.0.1, with one connected user and a real policy file. */
async function startService() {
  const entra = await startEntraStandIn('test');
  const config = loadConfig({
    SERVICE_ENV: 'test',
    ENTRA_APP_ID: APP_ID,
    ENTRA_ALLOWED_TENANTS: TENANT,
    ENTRA_AUTHORITY: entra.authority,
    TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_PER_IP: '1000000',
  });
  // PostgreSQL when asked; otherwise the embedded database in a new folder, as `npm run serve` starts the first time.
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { pgliteDir: join(mkdtempSync(join(tmpdir(), 'bench-db-')), 'db') });
  const user = { tenantId: TENANT, objectId: USER, groups: undefined };
  await connectionStoreFor(database, config, Fastify().log).connections.save(user, {
    consent: 'twoWay',
    accessToken: 'bench-linkedin-token',
    tokenExpiresAt: new Date(Date.now() + 86_400_000),
  });
  // A real policy file, followed as in production (a stat per request is part of what is measured).
  const policyPath = join(mkdtempSync(join(tmpdir(), 'bench-policy-')), 'linkedin-policy.json');
  writeFileSync(
    policyPath,
    JSON.stringify({
      version: 1,
      linkedInAccountConnections: 'yes',
      environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
    }),
  );
  const rules = createServiceRules(watchedPolicyFile(policyPath), () => ({}));
  const service = await buildApp({
    config,
    database,
    rules,
    source: createFixturesSource(),
    verifier: createEntraVerifier(config.entra),
    logger: false,
  });
  const serviceUrl = await service.listen({ host: '127.0.0.1', port: 0 });
  return { entra, database, service, serviceUrl };
}

/** The measured request (20 addresses with the user's token), checked once, and the service's answer to it. */
async function lookupRequest(entra: EntraStandIn, serviceUrl: string) {
  const emails = Object.keys(FIXTURE_PEOPLE).slice(0, 20);
  const body = JSON.stringify({ emails });
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${await entra.issue({ tenantId: TENANT, objectId: USER, appId: APP_ID })}`,
  };
  const check = await fetch(`${serviceUrl}/api/v1/profiles/lookup`, { method: 'POST', headers, body });
  if (check.status !== 200) throw new Error(`the service answered ${check.status} to the benchmark's lookup`);
  return { headers, body, answer: await check.text() };
}

/** `measured()` with a sampling heap profile around it when `file` is given (--heap-profile, first runs only). */
async function withHeapProfile(file: string | undefined, measured: () => Promise<Run>): Promise<{ run: Run; heap?: Allocations }> {
  const stop = file ? await startHeapProfile(file) : undefined;
  const run = await measured();
  return { run, heap: stop && { entries: await stop(), completed: run.completed } };
}

/**
 * Warms both under the measured load (JIT, key set cache, heaps and buffers at their working size), then measures
 * `runs` pairs side by side, the bare route then the service, with the process's memory before, during and after:
 * memory that still grows over the measured run is growth under load, not the first minute's expansion.
 */
async function measure(
  generator: LoadGenerator,
  urls: { service: string; bare: string },
  request: { headers: Record<string, string>; body: string },
  database: DatabaseHandle,
) {
  const { headers, body } = request;
  await generator.run({ url: `${urls.service}/api/v1/profiles/lookup`, headers, body, connections: 50, duration: 3 });
  await generator.run({ url: `${urls.bare}/lookup`, headers, body, connections: 50, duration: 2 });
  const rssBefore = await settledRss(database);
  let rssPeak = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
  const pairs: { bare: Run; service: Run }[] = [];
  let stopProfile: (() => Promise<CpuProfileSummary>) | undefined;
  let profile: CpuProfileSummary | undefined;
  const heap: { bare?: Allocations; service?: Allocations } = {};
  for (let run = 1; run <= runs; run++) {
    // The heap profiles cover the first pair only, the CPU profile the first service run only (sampling slows them).
    const heapFile = (side: string) => (run === 1 && heapProfileFile ? `${heapProfileFile}-${side}.heapprofile` : undefined);
    const bare = await withHeapProfile(heapFile('bare'), () =>
      load(generator, `bare Fastify route (same JSON), run ${run}`, `${urls.bare}/lookup`, headers, body),
    );
    if (run === 1 && profileFile) stopProfile = await startCpuProfile(profileFile);
    const lookup = await withHeapProfile(heapFile('service'), () =>
      load(
        generator,
        `service lookup (20 addresses, token check + DB read), run ${run}`,
        `${urls.service}/api/v1/profiles/lookup`,
        headers,
        body,
      ),
    );
    pairs.push({ bare: bare.run, service: lookup.run });
    if (bare.heap) heap.bare = bare.heap;
    if (lookup.heap) heap.service = lookup.heap;
    if (run === 1 && stopProfile) profile = await stopProfile();
  }
  clearInterval(sampler);
  return { pairs, profile, heap, rssBefore, rssPeak, rssAfter: await settledRss(database) };
}

/** The runs' table, the medians and the budget's lines; exits 1 when gated and a line fails. */
function report(kind: DatabaseHandle['kind'], measured: Awaited<ReturnType<typeof measure>> & { rssIdle: number }): void {
  const { pairs, profile, heap, rssIdle, rssBefore, rssPeak, rssAfter } = measured;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const where = kind === 'postgres' ? 'PostgreSQL' : 'the embedded database in a folder';
  const generator = loadFrom === 'process' ? 'the load generator in a process of its own' : 'the load generator on the same thread';
  console.log(
    `\nnpm run bench:service — ${where}, 50 connections, ${duration} s per run, 127.0.0.1, Node ${process.version}, ${generator}\n`,
  );
  console.log('| run | req/s | CPU µs / request | p50 ms | p99 ms | errors | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of pairs.flatMap((pair) => [pair.bare, pair.service]))
    console.log(
      `| ${run.name} | ${run.requests.toFixed(0)} | ${run.cpuPerRequest.toFixed(1)} | ${run.p50} | ${run.p99} | ${run.errors} | ${run.non2xx} |`,
    );
  if (profile && profileFile) printCpuProfile(profile, profileFile);
  if (heap.service && heapProfileFile)
    printAllocations(`the service's first run (${heapProfileFile}-service.heapprofile)`, heap.service, 25);
  if (heap.bare && heapProfileFile) printAllocations(`the bare route's first run (${heapProfileFile}-bare.heapprofile)`, heap.bare, 10);
  const ratios = pairs.map((pair) => pair.service.requests / pair.bare.requests);
  const ratio = median(ratios);
  const p99 = median(pairs.map((pair) => pair.service.p99));
  const errors = pairs.reduce((sum, pair) => sum + pair.service.errors, 0);
  const non2xx = pairs.reduce((sum, pair) => sum + pair.service.non2xx, 0);
  const growth = (rssAfter - rssBefore) / 1024 / 1024;
  const cpuBare = median(pairs.map((pair) => pair.bare.cpuPerRequest));
  const cpuService = median(pairs.map((pair) => pair.service.cpuPerRequest));
  console.log(
    `\nservice / bare per run: ${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')}; median ${ratio.toFixed(2)}×, p99 median ${p99} ms`,
  );
  console.log(
    `CPU µs per request (this process, all threads), median of ${runs}: bare route ${cpuBare.toFixed(1)}, service ${cpuService.toFixed(1)} (${(cpuService / cpuBare).toFixed(2)}× the bare route's)`,
  );
  console.log(
    `RSS idle ${mb(rssIdle)} MB, at most ${mb(rssPeak)} MB under load; before the measured runs ${mb(rssBefore)} MB, after ${mb(rssAfter)} MB (growth ${growth.toFixed(1)} MB)`,
  );
  const target = kind === 'postgres' ? POSTGRES_BUDGET : EMBEDDED_BUDGET;
  const budget: [string, boolean][] = [
    [`0 errors (errors ${errors}, non-2xx ${non2xx})`, errors === 0 && non2xx === 0],
    [`throughput ≥ ${target.ratio}× bare, median of ${runs} (${ratio.toFixed(2)}×)`, ratio >= target.ratio],
    [`p99 ≤ ${target.p99} ms, median of ${runs} (${p99} ms)`, p99 <= target.p99],
  ];
  // The embedded database's memory is the process's (with --no-memory-gate all three memory rows are only reported:
  // this process also holds tsx's compiler, the load generator and the bare route); PostgreSQL's is its server's.
  const memoryGated = kind !== 'pglite' || memoryGate;
  if (memoryGated) budget.push([`RSS growth < 20 MB (${growth.toFixed(1)} MB)`, growth < 20]);
  if (kind === 'pglite' && memoryGate)
    budget.push(
      [`RSS idle ≤ 250 MB (${mb(rssIdle)} MB)`, rssIdle <= 250 * 1024 * 1024],
      [`RSS under load ≤ 350 MB (${mb(rssPeak)} MB)`, rssPeak <= 350 * 1024 * 1024],
    );
  for (const [line, ok] of budget) console.log(`${ok ? 'PASS' : 'FAIL'}  ${line}`);
  if (kind === 'pglite' && !memoryGate) console.log('(memory reported above, not gated: --no-memory-gate)');
  if (gate && budget.some(([, ok]) => !ok)) process.exit(1);
}

async function main(): Promise<void> {
  const { entra, database, service, serviceUrl } = await startService();
  const rssIdle = await settledRss(database);
  const request = await lookupRequest(entra, serviceUrl);
  const bare = Fastify({ logger: false });
  bare.post('/lookup', async (_request, reply) => reply.type('application/json').send(request.answer));
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
  const generator = startLoadGenerator(loadFrom);
  const measured = await measure(generator, { service: serviceUrl, bare: bareUrl }, request, database);
  generator.close();
  await service.close();
  await bare.close();
  await database.close();
  await entra.close();
  report(database.kind, { ...measured, rssIdle });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

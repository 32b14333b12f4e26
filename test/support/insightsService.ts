import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { WORKBENCH_FAULTS, type WorkbenchFault } from '../../dev/workbenchControls';
import { isConsentGiven, type DetectedEnvironment, type GivenConsent } from '../../src/policy';
import { policyAsServed } from './mswServer';
import type { HeldConnection, LinkedInChoice, ServiceAnswer, ServiceCall, ServiceState } from './insightsServiceProtocol';

/**
 * The insights service for the pane's tests: the real one (dev/service/devApp.ts — its routes, token check, rules,
 * LinkedIn sign-in and database, with the local Entra issuer and the simulated LinkedIn), run in a worker thread of
 * the test's process over an in-memory PGlite, answering msw's requests through `app.inject`. There is no copy of the
 * service to drift from it.
 *
 * A test says what the service should hold and meet (its controls, read at every request): the connection (applied
 * when the controls change it; the pane's own connects and disconnects change it in between, for real), faults and
 * latency per endpoint (the development service's own fault layer; a dropped connection is msw's network error), the
 * profile source, and what Microsoft 365 reports of the tenant and the viewer's group — which the service detects as
 * the pane does. The policy file is the one the pane read (as msw served it): the service enforces the same file.
 */
export type InsightsEndpoint = 'lookup' | 'insights' | 'status';
export type InsightsFault = WorkbenchFault;
export const INSIGHTS_FAULTS: readonly InsightsFault[] = WORKBENCH_FAULTS;
export type { LinkedInChoice };

export interface InsightsControls {
  latencyMs: number;
  faults: Record<InsightsEndpoint, InsightsFault>;
  connection: HeldConnection;
  /** The fixture people, or only what LinkedIn's open APIs give (the `linkedin` source: nobody else can be looked up). */
  source?: 'fixtures' | 'linkedin';
  /** What Microsoft 365 reports (default: a worldwide tenant in NAM, US, the viewer in the pilot group). */
  environment?: DetectedEnvironment;
  /**
   * The policy file as the service reads it now, when an admin changed it since the pane read it (null: removed);
   * by default the service enforces exactly the file the pane read.
   */
  policyOnService?: string | null;
}

export const DEFAULT_INSIGHTS_CONTROLS: InsightsControls = {
  latencyMs: 0,
  faults: { lookup: 'none', insights: 'none', status: 'none' },
  connection: { status: 'notConnected' },
};

/**
 * The connection the service holds for a device whose consent record says `recordConsent`: connected (since 27
 * November 2026, with the service's own `consent`, which a test may make differ from the record) when the record is a
 * consent given, none otherwise.
 */
export function heldConnection(recordConsent: unknown, consent = recordConsent as GivenConsent): HeldConnection {
  return isConsentGiven(recordConsent)
    ? { status: 'connected', consent, connectedAt: '2026-11-27T10:00:00.000Z' }
    : { status: 'notConnected' };
}

const DEFAULT_ENVIRONMENT: DetectedEnvironment = { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' };
/** Where the pane's tests serve the sign-in dialog page (beside https://addins.contoso.com/linkedin/taskpane.html). */
export const DIALOG_PAGE = 'https://addins.contoso.com/linkedin/dialog.html';
const API = '/api/v1/';

/** Profile photos: LinkedIn's media host is out of reach here, so a drawn placeholder stands in for each photo. */
const photoPlaceholders = http.get('https://media.licdn.com/*', ({ request }) => {
  const seed = [...new URL(request.url).pathname].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) % 360, 7);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${seed} 45% 55%)"/></svg>`;
  return new HttpResponse(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
});

function endpointOf(path: string): InsightsEndpoint | undefined {
  if (path.endsWith('/profiles/lookup')) return 'lookup';
  if (path.endsWith('/profiles/insights') || path.endsWith('/suggestions')) return 'insights';
  return path.endsWith('/connection') ? 'status' : undefined;
}

/** The worker's code, bundled by jest's global set-up (test/globalSetup.cjs). */
const WORKER_BUNDLE = join(__dirname, '../../node_modules/.cache/insights-service-test/insightsServiceWorker.cjs');

export interface InsightsService {
  handlers: RequestHandler[];
  /**
   * The Office dialog's whole sign-in, for real: the dialog page's own logic opens the service's authorize page, the
   * simulated LinkedIn answers with the member's choice, the service's callback sends the dialog page its answer.
   * Resolves with the message the dialog page hands the pane.
   */
  signIn: (dialogUrl: string, choice?: LinkedInChoice) => Promise<string>;
}

/** The service for one test file: started before its tests, stopped after them. */
export function insightsService(getControls: () => InsightsControls = () => DEFAULT_INSIGHTS_CONTROLS): InsightsService {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, (answer: ServiceAnswer) => void>();
  const call = (message: DistributiveOmit<ServiceCall, 'id'>): Promise<ServiceAnswer> => {
    const id = nextId++;
    const running = worker ?? failNotStarted();
    return new Promise((resolve, reject) => {
      waiting.set(id, (answer) =>
        answer.status === -1 ? reject(new Error(`the insights service failed: ${answer.body}`)) : resolve(answer),
      );
      running.postMessage({ ...message, id });
    });
  };

  beforeAll(async () => {
    const started = new Worker(WORKER_BUNDLE, { workerData: { dialogPage: DIALOG_PAGE } });
    await new Promise<void>((resolve, reject) => {
      started.once('error', reject);
      started.on('message', (answer: ServiceAnswer) => {
        if (answer.id === 0) return answer.status === -1 ? reject(new Error(answer.body)) : resolve();
        waiting.get(answer.id)?.(answer);
        waiting.delete(answer.id);
      });
    });
    worker = started;
  }, 120_000);
  afterAll(async () => {
    if (!worker) return;
    await call({ type: 'close' });
    await worker.terminate();
  });

  let applied: HeldConnection | undefined;
  // Each test starts from what its controls say: their connection is applied at its first request.
  afterEach(() => (applied = undefined));
  /** What the service must hold and meet now: the connection only when the controls changed it. */
  async function stateFor(controls: InsightsControls): Promise<ServiceState> {
    const changed = applied !== controls.connection;
    applied = controls.connection;
    return {
      policyText: controls.policyOnService !== undefined ? controls.policyOnService : await policyAsServed(),
      environment: controls.environment ?? DEFAULT_ENVIRONMENT,
      latencyMs: controls.latencyMs,
      faults: { lookup: controls.faults.lookup, insights: controls.faults.insights, connection: controls.faults.status },
      source: controls.source ?? 'fixtures',
      ...(changed ? { connection: controls.connection } : {}),
    };
  }

  const forward = http.all(`*${API}*`, async ({ request }) => {
    const url = new URL(request.url);
    const controls = getControls();
    const endpoint = endpointOf(url.pathname);
    // A dropped connection is the network's doing: msw's network error, after the latency.
    if (endpoint && controls.faults[endpoint] === 'offline') {
      if (controls.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, controls.latencyMs));
      return HttpResponse.error();
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const answer = await call({
      type: 'request',
      state: await stateFor(controls),
      method: request.method,
      path: url.pathname.slice(url.pathname.indexOf(API)) + url.search,
      headers,
      ...(body ? { body } : {}),
    });
    return new HttpResponse(answer.body === '' ? null : answer.body, { status: answer.status, headers: answer.headers });
  });

  return {
    handlers: [photoPlaceholders, forward],
    async signIn(dialogUrl, choice = 'allow') {
      const state = await stateFor(getControls());
      return (await call({ type: 'signIn', state, dialogUrl, choice })).body;
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function failNotStarted(): never {
  throw new Error('the insights service is not started: call insightsService() at the top of the test file');
}

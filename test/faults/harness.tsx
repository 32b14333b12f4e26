import { render } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { CONSENT_SETTING } from '../../src/app/connect/consentRecord';
import { detectWithGraph } from '../../src/app/detectEnvironment';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import type { DetectedEnvironment } from '../../src/app/viewer';
import type { OfficeHost, RoamingSettings } from '../../src/office';
import { DialogError, type SignInDialog } from '../../src/office/signInDialog';
import type { InsightsService } from '../support/insightsService';
import { createGraphClient, GRAPH_BASE } from '../../src/services/graphClient';
import { createInsightsClient } from '../../src/services/insightsClient';
import { loadPolicyFile } from '../../src/services/policyFile';
import type { RetryOptions } from '../../src/services/retry';
import { App } from '../../src/taskpane/App';
import { createFakeHost, roamingWithConsent } from '../support/fakeHost';
import { memoryStorage } from '../support/memoryStorage';

export const T0 = Date.parse('2026-11-27T10:00:00Z');
export const GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
export const API = 'https://addins.contoso.com/linkedin/api/v1/';
const ORIGIN = 'https://addins.contoso.com';
/**
 * Short enough to keep the matrix fast, long enough for the real service (a worker thread) to answer on a busy
 * machine; the msw "hang" outlasts it.
 */
export const TIMEOUT_MS = 1500;

/** A clock that only moves when the code under test sleeps (retry backoff) or the test advances it. */
export function fakeClock() {
  const clock = {
    now: T0,
    waits: [] as number[],
    advance(ms: number) {
      clock.now += ms;
    },
    retry: {} as RetryOptions,
  };
  clock.retry = {
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.waits.push(ms);
      clock.now += ms;
    },
    random: () => 0.5,
  };
  return clock;
}

export type Fault =
  | 'offline'
  | 'timeout'
  | '401'
  | '401 invalidToken'
  | '401 notConnected'
  | '403'
  | '404'
  | '429'
  | '429 Retry-After 2 s'
  | '429 Retry-After HTTP date'
  | '429 Retry-After 120 s'
  | '500'
  | '503'
  | 'truncated JSON';

/** The answer a faulty endpoint gives; `now` dates an HTTP-date Retry-After. */
export async function faultResponse(fault: Fault, now: number): Promise<Response> {
  switch (fault) {
    case 'offline':
      return HttpResponse.error();
    case 'timeout':
      await delay(TIMEOUT_MS * 8);
      return HttpResponse.json({ error: 'late' }, { status: 500 });
    case '401 invalidToken':
      return HttpResponse.json({ error: 'invalidToken', message: 'A valid Microsoft Entra access token is required.' }, { status: 401 });
    case '401 notConnected':
      return HttpResponse.json(
        { error: 'notConnected', message: 'Connect LinkedIn to see connected insights.', reason: 'not-connected' },
        { status: 401 },
      );
    case '401':
    case '403':
    case '404':
    case '500':
    case '503':
      return HttpResponse.json({ error: fault }, { status: Number(fault) });
    case '429':
      return HttpResponse.json({ error: 'throttled' }, { status: 429 });
    case '429 Retry-After 2 s':
      return HttpResponse.json({ error: 'throttled' }, { status: 429, headers: { 'Retry-After': '2' } });
    case '429 Retry-After HTTP date':
      return HttpResponse.json({ error: 'throttled' }, { status: 429, headers: { 'Retry-After': new Date(now + 3000).toUTCString() } });
    case '429 Retry-After 120 s':
      return HttpResponse.json({ error: 'throttled' }, { status: 429, headers: { 'Retry-After': '120' } });
    case 'truncated JSON':
      return new HttpResponse('{"apiVersion":"1","resu', { headers: { 'Content-Type': 'application/json' } });
  }
}

/**
 * Roaming settings that remember every value the consent setting ever had — in memory and as saved — so a test can
 * prove it was only ever the old record or the new one, never something in between.
 */
export function watchedRoaming(consent: 'none' | 'twoWay') {
  const base = roamingWithConsent(consent);
  const seen: unknown[] = [];
  const tries = { saves: 0 };
  const snap = (): void => {
    seen.push(base.get(CONSENT_SETTING), base.saved[CONSENT_SETTING]);
  };
  const settings: RoamingSettings = {
    get: (name) => base.get(name),
    set: (name, value) => {
      base.set(name, value);
      snap();
    },
    remove: (name) => {
      base.remove(name);
      snap();
    },
    save: async () => {
      tries.saves++;
      try {
        await base.save();
      } finally {
        snap();
      }
    },
  };
  return { base, settings, seen, tries, initial: base.saved[CONSENT_SETTING] };
}

/** `times`: the open fails this many times, then the dialog allows (12007 while the previous one is still closing). */
export type DialogBehaviour = { answer: 'allow' } | { openError: number; times?: number } | { closed: number };

/**
 * The Office dialog as LinkedIn's sign-in would end: Allow (the real sign-in, through the service and the simulated
 * LinkedIn: `signIn`), a failure to open, or closed without an answer.
 */
export function scriptedDialog(behaviour: DialogBehaviour, signIn: InsightsService['signIn']): SignInDialog & { opens: number } {
  let failures = 'openError' in behaviour ? (behaviour.times ?? Infinity) : 0;
  return {
    opens: 0,
    async open(url, handlers) {
      this.opens++;
      if ('openError' in behaviour && failures-- > 0) throw new DialogError(behaviour.openError);
      if ('closed' in behaviour) setTimeout(() => handlers.onClosed(behaviour.closed), 1);
      else void signIn(url, 'allow').then((message) => handlers.onMessage(message, ORIGIN));
      return { close: () => undefined };
    },
  };
}

const DETECTED: DetectedEnvironment = { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' };

/** The insights service's token source: counts tokens, and which were forced fresh after the service refused one. */
export const insightsTokens = {
  tokens: { issued: 0, forced: 0 },
  source: async (options?: { forceRefresh?: boolean }): Promise<string> => {
    insightsTokens.tokens.issued++;
    if (options?.forceRefresh) insightsTokens.tokens.forced++;
    return `insights-token-${insightsTokens.tokens.issued}`;
  },
  reset(): void {
    insightsTokens.tokens = { issued: 0, forced: 0 };
  },
};

/** Graph's token source: counts tokens, and which were forced fresh after a 401. */
export function graphTokens() {
  const tokens = { issued: 0, forced: 0 };
  const source = async (_scopes: string[], options?: { forceRefresh?: boolean }) => {
    tokens.issued++;
    if (options?.forceRefresh) tokens.forced++;
    return `graph-token-${tokens.issued}`;
  };
  return { tokens, source };
}

/** The whole pane over msw, with the clock, retries, roaming settings and dialog under the test's control. */
export function renderPane(options: {
  clock: ReturnType<typeof fakeClock>;
  roaming: ReturnType<typeof watchedRoaming>;
  dialog?: SignInDialog;
  withGraph?: ReturnType<typeof graphTokens>;
  /** This device's storage, when a test needs it to refuse. */
  localStore?: OfficeHost['localStore'];
}) {
  const fake = createFakeHost();
  const host = { ...fake.host, roamingSettings: options.roaming.settings, localStore: options.localStore ?? memoryStorage() };
  const graph = options.withGraph
    ? createGraphClient(options.withGraph.source, GRAPH_BASE, { retry: options.clock.retry, timeoutMs: TIMEOUT_MS })
    : null;
  const deps: PaneDependencies = {
    host,
    loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal),
    detectEnvironment: graph ? (policy, user, signal) => detectWithGraph(graph, policy, user, signal) : async () => DETECTED,
    insights: createInsightsClient(API, insightsTokens.source, { retry: options.clock.retry, timeoutMs: TIMEOUT_MS }),
    cacheStorage: memoryStorage(),
    signInDialog: options.dialog,
    wait: options.clock.retry.sleep,
    now: () => options.clock.now,
  };
  return render(<App deps={deps} />);
}

/** An endpoint that answers with `fault` the first `times` times it is asked, then lets the request through. */
export function faultyEndpoint(method: 'get' | 'post' | 'delete', url: string, fault: Fault, clock: { now: number }, times = Infinity) {
  const endpoint = { calls: 0, failing: true };
  const handler = http[method](url, async () => {
    endpoint.calls++;
    if (!endpoint.failing || endpoint.calls > times) return undefined;
    return faultResponse(fault, clock.now);
  });
  return Object.assign(endpoint, { handler });
}

/** Local storage that holds a LinkedIn key and refuses to remove it (a locked-down browser, a storage error). */
export function refusingStorage(): NonNullable<OfficeHost['localStore']> {
  return {
    length: 1,
    key: (index) => (index === 0 ? 'linkedin.profileCache' : null),
    getItem: () => null,
    setItem: () => undefined,
    removeItem: () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  };
}

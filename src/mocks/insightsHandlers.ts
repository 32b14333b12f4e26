import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { insightsRequestSchema, lookupRequestSchema, suggestionsRequestSchema } from '../contract/requests';
import { fixturePerson } from './people';
import { WORKBENCH_FAULTS, type WorkbenchFault } from '../contract/workbenchControls';

/** A fault a test can inject per endpoint: the same list the workbench's controls offer the development service. */
export type MockFault = WorkbenchFault;
export const MOCK_FAULTS: readonly MockFault[] = WORKBENCH_FAULTS;

export type InsightsEndpoint = 'lookup' | 'insights' | 'status';

export interface InsightsMockControls {
  latencyMs: number;
  faults: Record<InsightsEndpoint, MockFault>;
  connection:
    { status: 'notConnected' } | { status: 'connected' | 'expired'; consent: 'linkedInToMicrosoft' | 'twoWay'; connectedAt: string };
  /**
   * Where the simulated service's profiles come from: the fixture people, or only what LinkedIn's open APIs give
   * (the `linkedin` source: nobody else can be looked up, so every address, insight and suggestion is `unavailable`).
   */
  source?: 'fixtures' | 'linkedin';
}

export const DEFAULT_MOCK_CONTROLS: InsightsMockControls = {
  latencyMs: 0,
  faults: { lookup: 'none', insights: 'none', status: 'none' },
  connection: { status: 'notConnected' },
};

function faultResponse(fault: MockFault): Response | undefined {
  switch (fault) {
    case 'none':
      return undefined;
    case 'offline':
      return HttpResponse.error();
    case 'unauthorized':
      return HttpResponse.json({ error: 'notConnected' }, { status: 401 });
    case 'forbidden':
      return HttpResponse.json({ error: 'forbidden' }, { status: 403 });
    case 'throttled':
      return HttpResponse.json({ error: 'throttled' }, { status: 429, headers: { 'Retry-After': '30' } });
    case 'server':
      return HttpResponse.json({ error: 'server' }, { status: 500 });
    case 'invalidPayload':
      return HttpResponse.json({ apiVersion: '1', results: 'not a list', recentActivity: 7 });
    case 'truncated':
      return new HttpResponse('{"apiVersion":"1","resu', { headers: { 'Content-Type': 'application/json' } });
  }
}

async function readJson(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Profile photos: LinkedIn's media host is out of reach here, so a drawn placeholder stands in for each photo. */
const photoPlaceholders = http.get('https://media.licdn.com/*', ({ request }) => {
  const seed = [...new URL(request.url).pathname].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) % 360, 7);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${seed} 45% 55%)"/><circle cx="32" cy="25" r="12" fill="#fff"/><ellipse cx="32" cy="58" rx="21" ry="17" fill="#fff"/></svg>`;
  return new HttpResponse(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
});

/** What the simulated service answers for one address. */
function lookupResult(email: string): unknown {
  const person = fixturePerson(email);
  if (!person) return { email, status: 'noMatch' };
  if (person.status === 'hidden') return { email, status: 'hidden' };
  return { email, status: 'match', profile: person.profile };
}

/** Completing a connection needs the code, the PKCE verifier, the state, the redirect URI and a consent. */
function isConnectBody(body: Record<string, unknown> | null): body is Record<string, unknown> & { consent: string } {
  return (
    typeof body?.code === 'string' &&
    typeof body.codeVerifier === 'string' &&
    /^[A-Za-z0-9_-]{43,128}$/.test(body.codeVerifier) &&
    typeof body.state === 'string' &&
    typeof body.redirectUri === 'string' &&
    (body.consent === 'twoWay' || body.consent === 'linkedInToMicrosoft')
  );
}

/** "People you work with": the known members among these addresses. */
function suggestionsFor(emails: readonly string[]): unknown[] {
  return emails
    .map((email) => fixturePerson(email))
    .flatMap((person) =>
      person?.status === 'match'
        ? [{ name: person.profile.name, headline: person.profile.headline, profileUrl: person.profile.profileUrl }]
        : [],
    );
}

/** The insights service (docs/insights-service.md) over the fixture people, with latency and faults. */
export function insightsHandlers(getControls: () => InsightsMockControls = () => DEFAULT_MOCK_CONTROLS): RequestHandler[] {
  const guard = async (request: Request, endpoint: InsightsEndpoint): Promise<Response | undefined> => {
    const controls = getControls();
    if (controls.latencyMs > 0) await delay(controls.latencyMs);
    if (!/^Bearer \S+/.test(request.headers.get('Authorization') ?? '')) return HttpResponse.json({ error: 'noToken' }, { status: 401 });
    return faultResponse(controls.faults[endpoint]);
  };
  return [
    photoPlaceholders,
    http.post('*/api/v1/profiles/lookup', async ({ request }) => {
      const failed = await guard(request, 'lookup');
      if (failed) return failed;
      const parsed = lookupRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return HttpResponse.json({ error: 'badRequest', message: 'emails: 1 to 20 addresses' }, { status: 400 });
      const { emails } = parsed.data;
      const unavailable = getControls().source === 'linkedin';
      return HttpResponse.json({
        apiVersion: '1',
        results: emails.map((email) => (unavailable ? { email, status: 'unavailable' } : lookupResult(email))),
      });
    }),
    http.post('*/api/v1/profiles/insights', async ({ request }) => {
      const failed = await guard(request, 'insights');
      if (failed) return failed;
      if (getControls().connection.status !== 'connected') return HttpResponse.json({ error: 'notConnected' }, { status: 401 });
      const parsed = insightsRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return HttpResponse.json({ error: 'badRequest', message: 'email: one address' }, { status: 400 });
      const { email } = parsed.data;
      if (getControls().source === 'linkedin') return HttpResponse.json({ apiVersion: '1', email, status: 'unavailable' });
      const person = fixturePerson(email);
      if (!person) return HttpResponse.json({ error: 'noMatch' }, { status: 404 });
      if (person.status === 'hidden') return HttpResponse.json({ error: 'memberHidden' }, { status: 404 });
      return HttpResponse.json({ apiVersion: '1', email, ...person.insights });
    }),
    http.post('*/api/v1/connection', async ({ request }) => {
      const failed = await guard(request, 'status');
      if (failed) return failed;
      const body = await readJson(request);
      if (!isConnectBody(body)) return HttpResponse.json({ error: 'badRequest' }, { status: 400 });
      return HttpResponse.json({ apiVersion: '1', status: 'connected', consent: body.consent, connectedAt: new Date().toISOString() });
    }),
    http.post('*/api/v1/suggestions', async ({ request }) => {
      const failed = await guard(request, 'insights');
      if (failed) return failed;
      const connection = getControls().connection;
      if (connection.status === 'expired') return HttpResponse.json({ error: 'notConnected' }, { status: 401 });
      if (connection.status !== 'connected' || connection.consent !== 'twoWay')
        return HttpResponse.json({ error: 'consentRequired' }, { status: 403 });
      const parsed = suggestionsRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return HttpResponse.json({ error: 'badRequest', message: 'emails: 1 to 20 addresses' }, { status: 400 });
      if (getControls().source === 'linkedin') return HttpResponse.json({ apiVersion: '1', status: 'unavailable' });
      return HttpResponse.json({ apiVersion: '1', suggestions: suggestionsFor(parsed.data.emails) });
    }),
    http.delete('*/api/v1/connection', async ({ request }) => {
      const failed = await guard(request, 'status');
      if (failed) return failed;
      return HttpResponse.json({ apiVersion: '1', status: 'notConnected' });
    }),
    http.get('*/api/v1/connection', async ({ request }) => {
      const failed = await guard(request, 'status');
      if (failed) return failed;
      return HttpResponse.json({ apiVersion: '1', ...getControls().connection });
    }),
  ];
}

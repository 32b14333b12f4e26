import { setupServer } from 'msw/node';
import type { RequestHandler } from 'msw';

export interface NetworkActivity {
  inFlight: number;
  sent: number;
}

let policyServed: Promise<string | null> = Promise.resolve(null);

/**
 * The policy file as the pane last read it (null: no file was served, or none was read yet): the insights service in
 * the tests (insightsService.ts) enforces the same file, as a deployment's service follows the file its panes read.
 */
export function policyAsServed(): Promise<string | null> {
  return policyServed;
}

/** An msw server that fails the test on any request no handler expects, and records every request. */
export function createTestServer(...handlers: RequestHandler[]) {
  const server = setupServer(...handlers);
  server.events.on('response:mocked', ({ request, response }) => {
    if (!new URL(request.url).pathname.endsWith('/linkedin-policy.json')) return;
    const copy = response.clone();
    policyServed = copy.status === 200 ? copy.text().catch(() => null) : Promise.resolve(null);
  });
  const requests: { method: string; url: string; body: Promise<string> }[] = [];
  // Requests being answered: until msw has answered them, or their sender gave up (a timeout aborts the request,
  // and msw then says nothing more about it).
  const inFlight = new Set<string>();
  server.events.on('request:start', ({ request, requestId }) => {
    inFlight.add(requestId);
    request.signal.addEventListener('abort', () => inFlight.delete(requestId), { once: true });
    requests.push({ method: request.method, url: request.url, body: request.clone().text() });
  });
  server.events.on('request:end', ({ requestId }) => {
    inFlight.delete(requestId);
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    policyServed = Promise.resolve(null);
    server.resetHandlers();
    requests.length = 0;
    inFlight.clear();
  });
  afterAll(() => server.close());
  /** The lookups sent so far: each one's list of addresses. */
  const lookups = async (): Promise<string[][]> => {
    const sent = requests.filter((r) => r.url.endsWith('/profiles/lookup'));
    return Promise.all(sent.map(async (r) => (JSON.parse(await r.body) as { emails: string[] }).emails));
  };
  const linkedInRequests = () => requests.filter((r) => r.url.includes('/api/v1/'));
  /** What settled.ts waits on: requests still being answered, and how many were sent. */
  const activity = (): NetworkActivity => ({ inFlight: inFlight.size, sent: requests.length });
  return { server, requests, lookups, linkedInRequests, activity };
}

import { setupServer } from 'msw/node';
import type { RequestHandler } from 'msw';

/** An msw server that fails the test on any request no handler expects, and records every request. */
export function createTestServer(...handlers: RequestHandler[]) {
  const server = setupServer(...handlers);
  const requests: { method: string; url: string; body: Promise<string> }[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push({ method: request.method, url: request.url, body: request.clone().text() });
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
  /** The lookups sent so far: each one's list of addresses. */
  const lookups = async (): Promise<string[][]> => {
    const sent = requests.filter((r) => r.url.endsWith('/profiles/lookup'));
    return Promise.all(sent.map(async (r) => (JSON.parse(await r.body) as { emails: string[] }).emails));
  };
  const linkedInRequests = () => requests.filter((r) => r.url.includes('/api/v1/'));
  return { server, requests, lookups, linkedInRequests };
}

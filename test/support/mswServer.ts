import { setupServer } from 'msw/node';
import type { RequestHandler } from 'msw';

/** An msw server that fails the test on any request no handler expects, and records every request. */
export function createTestServer(...handlers: RequestHandler[]) {
  const server = setupServer(...handlers);
  const requests: { method: string; url: string }[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push({ method: request.method, url: request.url });
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
  return { server, requests };
}

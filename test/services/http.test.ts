import { delay, http, HttpResponse } from 'msw';
import { parseRetryAfter } from '../../src/services/errors';
import { DEFAULT_TIMEOUT_MS, requestJson } from '../../src/services/http';
import { createInsightsClient } from '../../src/services/insightsClient';
import { insightsService } from '../support/insightsService';
import { z } from 'zod';
import { createTestServer } from '../support/mswServer';

const { server, requests } = createTestServer(...insightsService().handlers);
const URL_ = 'https://service.test/thing';
const schema = z.object({ ok: z.boolean() });

describe('every network failure becomes a typed error the pane can show', () => {
  test.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'notFound'],
    [429, 'throttled'],
    [500, 'server'],
    [503, 'server'],
  ])('HTTP %i → %s', async (status, kind) => {
    server.use(http.get(URL_, () => new HttpResponse(null, { status })));
    await expect(requestJson({ url: URL_, schema })).rejects.toMatchObject({ kind, status });
  });
  test('offline', async () => {
    server.use(http.get(URL_, () => HttpResponse.error()));
    await expect(requestJson({ url: URL_, schema })).rejects.toMatchObject({ kind: 'offline' });
  });
  test('no answer in time is a timeout (8 s unless told)', async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(8000);
    server.use(
      http.get(URL_, async () => {
        await delay(200);
        return HttpResponse.json({ ok: true });
      }),
    );
    await expect(requestJson({ url: URL_, schema, timeoutMs: 30 })).rejects.toMatchObject({ kind: 'timeout' });
  });
  test('truncated JSON and a wrong shape are invalid payloads naming the field', async () => {
    server.use(http.get(URL_, () => new HttpResponse('{"ok":', { headers: { 'Content-Type': 'application/json' } })));
    await expect(requestJson({ url: URL_, schema })).rejects.toMatchObject({ kind: 'invalidPayload' });
    server.use(http.get(URL_, () => HttpResponse.json({ ok: 'yes' })));
    await expect(requestJson({ url: URL_, schema })).rejects.toMatchObject({ kind: 'invalidPayload', field: 'ok' });
  });
  test('429 with Retry-After in seconds or as a date is readable; anything else is not', async () => {
    server.use(http.get(URL_, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '42' } })));
    await expect(requestJson({ url: URL_, schema })).rejects.toMatchObject({ kind: 'throttled', retryAfterSeconds: 42 });
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', Date.parse('Sat, 28 Nov 2026 10:00:00 GMT'))).toBe(30);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('the insights service client', () => {
  const client = createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 'token-1');
  test('sends e-mail addresses only in request bodies, never in URLs, with the bearer token', async () => {
    await client.lookup(['aiko.tanaka@fabrikam.com', 'billing@unknown-startup.io']);
    await client.insights('aiko.tanaka@fabrikam.com').catch(() => undefined);
    for (const request of requests) expect(decodeURIComponent(request.url)).not.toMatch(/@/);
    expect(requests.map((r) => r.method)).toEqual(['POST', 'POST']);
  });
  test('answers one result per address, in the order asked', async () => {
    const results = await client.lookup(['BILLING@unknown-startup.io', 'rafael.ortiz@northwind.com', 'aiko.tanaka@fabrikam.com']);
    expect(results.map((r) => r.status)).toEqual(['noMatch', 'hidden', 'match']);
    expect(results[0]?.email).toBe('BILLING@unknown-startup.io');
  });
  test('refuses more than 20 addresses in one lookup', async () => {
    await expect(client.lookup(Array.from({ length: 21 }, (_, i) => `p${i}@x.com`))).rejects.toThrow(RangeError);
  });
  test('a lookup answer that leaves an address out is invalid, not "no match"', async () => {
    server.use(http.post('*/api/v1/profiles/lookup', () => HttpResponse.json({ apiVersion: '1', results: [] })));
    await expect(client.lookup(['aiko.tanaka@fabrikam.com'])).rejects.toMatchObject({ kind: 'invalidPayload' });
  });
  test('links that are not https on LinkedIn hosts are dropped, never rendered', async () => {
    server.use(
      http.post('*/api/v1/profiles/lookup', () =>
        HttpResponse.json({
          apiVersion: '1',
          results: [
            {
              email: 'a@x.com',
              status: 'match',
              profile: { id: '1', name: 'A\u202eB', profileUrl: 'javascript:alert(1)', photoUrl: 'http://media.licdn.com/p.png' },
            },
            {
              email: 'b@x.com',
              status: 'match',
              profile: { id: '2', name: 'B', profileUrl: 'https://evil.example/in/b', photoUrl: 'data:image/png;base64,AA' },
            },
          ],
        }),
      ),
    );
    const [a, b] = await client.lookup(['a@x.com', 'b@x.com']);
    expect(a?.status === 'match' && [a.profile.profileUrl, a.profile.photoUrl, a.profile.name]).toEqual([undefined, undefined, 'AB']);
    expect(b?.status === 'match' && [b.profile.profileUrl, b.profile.photoUrl]).toEqual([undefined, undefined]);
  });
});

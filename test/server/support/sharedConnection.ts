/** One call to one of two service instances, whatever the transport (inject in process, fetch to a process). */
export type InstanceCall = (
  instance: 'first' | 'second',
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
) => Promise<{ status: number; json: Record<string, unknown> }>;

/**
 * After a both-ways connection was made through the first instance: the second sees it; the first answers a connected
 * call (so its caches are warm); a disconnect through the second is honoured by the first on its very next calls.
 */
export async function expectConnectionShared(call: InstanceCall): Promise<void> {
  const insights = () => call('first', 'POST', '/api/v1/profiles/insights', { email: 'aiko.tanaka@fabrikam.com' });
  expect((await call('second', 'GET', '/api/v1/connection')).json).toMatchObject({ status: 'connected', consent: 'twoWay' });
  expect((await insights()).status).toBe(200);

  expect((await call('second', 'DELETE', '/api/v1/connection')).json).toMatchObject({ status: 'notConnected' });
  expect((await call('first', 'GET', '/api/v1/connection')).json).toMatchObject({ status: 'notConnected' });
  const refused = await insights();
  expect([refused.status, refused.json.error]).toEqual([401, 'notConnected']);
}

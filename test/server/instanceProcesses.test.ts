import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/database';
import { startEntraStandIn, type EntraStandIn } from '../../dev/standins/entraIssuer';
import type { LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { answerAuthorizePage, startStandIn } from './support/linkedin';
import { bundle, startProcess, type RunningProcess } from './support/process';
import { expectConnectionShared, type InstanceCall } from './support/sharedConnection';
import { APP_ID, KEY, TENANT, USER } from './support/service';
import { authorizeQuery, completion, newAttempt, signInEnv } from './support/signIn';

/**
 * Two service processes on one PostgreSQL server, as an admin runs more instances behind a load balancer (.ci/run's
 * PostgreSQL step sets DATABASE_URL; `npm test` has no PostgreSQL server and skips this file — instances.test.ts runs
 * the same journey there on the embedded database). The whole LinkedIn sign-in goes through the first process; the
 * second sees the connection; a disconnect through the second is honoured by the first on its very next call.
 */
const databaseUrl = process.env.DATABASE_URL;
const describeOnPostgres = databaseUrl ? describe : describe.skip;

describeOnPostgres('two service processes on one PostgreSQL', () => {
  let entra: EntraStandIn;
  let standIn: LinkedInStandIn;
  const processes: RunningProcess[] = [];
  let first: string;
  let second: string;
  let policyDir: string;

  beforeAll(async () => {
    [entra, standIn] = await Promise.all([startEntraStandIn('test'), startStandIn()]);
    const cleanup = await openDatabase({ databaseUrl });
    for (const table of ['connections', 'audit_trail', 'pending_sign_ins'] as const) await cleanup.db.deleteFrom(table).execute();
    await cleanup.close();
    const main = bundle('main');
    // The rules let this tenant connect: LinkedIn on for everyone, in the worldwide cloud.
    policyDir = mkdtempSync(join(tmpdir(), 'instances-'));
    writeFileSync(
      join(policyDir, 'linkedin-policy.json'),
      JSON.stringify({
        version: 1,
        linkedInAccountConnections: 'yes',
        environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
      }),
    );
    const env = {
      SERVICE_ENV: 'test',
      ENTRA_APP_ID: APP_ID,
      ENTRA_ALLOWED_TENANTS: TENANT,
      ENTRA_AUTHORITY: entra.authority,
      TOKEN_ENCRYPTION_KEYS: `k1:${KEY}`,
      DATABASE_URL: databaseUrl ?? '',
      POLICY_FILE: join(policyDir, 'linkedin-policy.json'),
      HOST: '127.0.0.1',
      PORT: '0',
      ...signInEnv(standIn),
    };
    for (let i = 0; i < 2; i++) processes.push(startProcess(main, env));
    [first, second] = await Promise.all(processes.map((p) => p.listening(/listening on (http:\/\/127\.0\.0\.1:\d+)/)));
  }, 180_000);
  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await Promise.all([entra.close(), standIn.close()]);
    rmSync(policyDir, { recursive: true, force: true });
  });

  const call: InstanceCall = async (instance, method, path, body) => {
    const response = await fetch(`${instance === 'first' ? first : second}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await entra.issue({ tenantId: TENANT, objectId: USER, appId: APP_ID })}`,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  test('connected through one process, seen by the other; disconnected through the other, honoured by the first at once', async () => {
    // The dialog's part, against the first process: its authorize page, LinkedIn's page, its callback.
    const attempt = newAttempt('twoWay');
    const authorize = await fetch(`${first}/api/v1/connection/authorize/?${authorizeQuery(attempt)}`, { redirect: 'manual' });
    expect(authorize.status).toBe(302);
    const linkedInAnswer = await answerAuthorizePage(authorize.headers.get('location') ?? '', 'allow');
    const callback = await fetch(`${first}/api/v1/connection/callback${linkedInAnswer.search}`, { redirect: 'manual' });
    const code = new URL(callback.headers.get('location') ?? 'about:blank').searchParams.get('code') ?? '';
    // The pane's part: the one-time code redeemed with the verifier and the user's Entra token.
    expect((await call('first', 'POST', '/api/v1/connection', completion(attempt, code))).status).toBe(200);
    await expectConnectionShared(call);
  }, 120_000);
});

import type { LightMyRequestResponse } from 'fastify';
import type { IdTokenTampering, LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { answerAuthorizePage, DIALOG_URL } from './support/linkedin';
import { startStandIn } from './support/linkedin';
import type { PolicyFileReading } from '../../server/rules/policyFileSource';
import { createServiceRules } from '../../server/rules/serviceRules';
import type { AdminPolicy } from '../../src/contract/policyFile';
import { OPEN_POLICY, statedPolicy, TENANT, type TestService } from './support/service';
import {
  callback,
  complete,
  completion,
  newAttempt,
  runDialog,
  startAuthorize,
  startSignInService,
  storedState,
  type Attempt,
} from './support/signIn';

/**
 * Sign-in abuse: every row is an attack on the connection sign-in; each is refused, and the database keeps nothing
 * from it (connections, audit trail and pending sign-ins holding a token are exactly as before the attack).
 */
let standIn: LinkedInStandIn;
let service: TestService;
/** The policy file the service follows, swapped by a row that needs another (the open policy otherwise). */
let admin: AdminPolicy = OPEN_POLICY;
/** A reading of the file that is not a policy (unreadable, invalid), set by a row. */
let broken: PolicyFileReading | undefined;
const rules = createServiceRules({ read: () => broken ?? statedPolicy(admin).read(), origin: 'the row' }, () => ({}));
beforeAll(async () => {
  standIn = await startStandIn();
  service = await startSignInService(standIn, { rules });
});
const withRules = async <T>(next: AdminPolicy, run: () => Promise<T>): Promise<T> => {
  const before = admin;
  admin = next;
  try {
    return await run();
  } finally {
    admin = before;
  }
};
afterAll(async () => {
  await service.close();
  await standIn.close();
});

/** A dialog run LinkedIn allowed: the service's one-time code for the attempt. */
async function codeFor(attempt: Attempt): Promise<string> {
  const { dialog } = await runDialog(service, attempt);
  const code = dialog?.searchParams.get('code');
  if (!code) throw new Error(`no code: ${dialog?.href}`);
  return code;
}

const expectRefusedPage = (response: LightMyRequestResponse) => {
  expect(response.statusCode).toBe(400);
  expect(response.headers.location).toBeUndefined();
  expect(response.headers['content-type']).toMatch(/text\/html/);
};
const expectInvalidGrant = (response: LightMyRequestResponse) => {
  expect(response.statusCode).toBe(400);
  expect(response.json()).toMatchObject({ error: 'invalidGrant' });
};
const expectDialogError = (response: LightMyRequestResponse, attempt: Attempt, error: string) => {
  expect(response.statusCode).toBe(302);
  const back = new URL(String(response.headers.location));
  expect(`${back.origin}${back.pathname}`).toBe(DIALOG_URL);
  expect(back.searchParams.get('error')).toBe(error);
  expect(back.searchParams.get('state')).toBe(attempt.state);
  expect(back.searchParams.get('code')).toBeNull();
};

async function expireAllPending(): Promise<void> {
  await service.database.db
    .updateTable('pending_sign_ins')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .execute();
}

/** Each row: arranges what it needs, then `attack` — whose effect on the database must be nothing. */
const ROWS: [string, () => Promise<() => Promise<void>>][] = [
  [
    'a replayed LinkedIn state (the callback answered twice)',
    async () => {
      const attempt = newAttempt();
      const { linkedInAnswer } = await runDialog(service, attempt);
      return async () => {
        const requests = standIn.tokenRequests();
        expectRefusedPage(await callback(service, linkedInAnswer));
        expect(standIn.tokenRequests()).toBe(requests);
      };
    },
  ],
  [
    'a replayed one-time code (redeemed again, by another user)',
    async () => {
      const attempt = newAttempt();
      const code = await codeFor(attempt);
      expect((await complete(service, completion(attempt, code))).statusCode).toBe(200);
      return async () =>
        expectInvalidGrant(await complete(service, completion(attempt, code), await service.token({ objectId: OTHER_USER })));
    },
  ],
  [
    'a wrong PKCE verifier (and the code is burned: the right one fails after it)',
    async () => {
      const attempt = newAttempt();
      const code = await codeFor(attempt);
      return async () => {
        expectInvalidGrant(await complete(service, { ...completion(attempt, code), codeVerifier: newAttempt().verifier }));
        expectInvalidGrant(await complete(service, completion(attempt, code)));
      };
    },
  ],
  [
    'a state other than the dialog started with',
    async () => {
      const attempt = newAttempt();
      const code = await codeFor(attempt);
      return async () => expectInvalidGrant(await complete(service, { ...completion(attempt, code), state: newAttempt().state }));
    },
  ],
  [
    'a consent other than the dialog started with',
    async () => {
      const attempt = newAttempt('linkedInToMicrosoft');
      const code = await codeFor(attempt);
      return async () => expectInvalidGrant(await complete(service, { ...completion(attempt, code), consent: 'twoWay' }));
    },
  ],
  [
    'an expired pending sign-in (the one-time code redeemed after its 5 minutes)',
    async () => {
      const attempt = newAttempt();
      const code = await codeFor(attempt);
      await expireAllPending();
      return async () => expectInvalidGrant(await complete(service, completion(attempt, code)));
    },
  ],
  [
    'an expired pending sign-in (LinkedIn answering after the sign-in lapsed)',
    async () => {
      const attempt = newAttempt();
      const started = await startAuthorize(service, attempt);
      const linkedInAnswer = await answerAuthorizePage(String(started.headers.location), 'allow');
      await expireAllPending();
      return async () => {
        const requests = standIn.tokenRequests();
        expectDialogError(await callback(service, linkedInAnswer), attempt, 'server_error');
        expect(standIn.tokenRequests()).toBe(requests);
      };
    },
  ],
  [
    'an unregistered redirect_uri (never redirected to, nothing pending)',
    async () => {
      const attempt = { ...newAttempt(), redirectUri: 'https://evil.example/dialog.html' };
      return async () => {
        const pendingBefore = await countPending();
        expectRefusedPage(await startAuthorize(service, attempt));
        expectRefusedPage(await startAuthorize(service, newAttempt(), { redirect_uri: `${DIALOG_URL}?x=1` }));
        expect(await countPending()).toBe(pendingBefore);
      };
    },
  ],
  [
    'a redirect_uri at completion other than the registered one the dialog used',
    async () => {
      const attempt = newAttempt();
      const code = await codeFor(attempt);
      return async () =>
        expectInvalidGrant(await complete(service, { ...completion(attempt, code), redirectUri: 'https://evil.example/dialog.html' }));
    },
  ],
  ...(['cancel', 'cancelLogin', 'error'] as const).map((choice): [string, () => Promise<() => Promise<void>>] => [
    `LinkedIn ${choice === 'error' ? 'answering an error' : choice === 'cancel' ? 'Cancel' : 'Cancel sign-in'}`,
    async () => {
      const attempt = newAttempt();
      return async () => {
        const requests = standIn.tokenRequests();
        const { answered } = await runDialog(service, attempt, choice);
        const expected = { cancel: 'user_cancelled_authorize', cancelLogin: 'user_cancelled_login', error: 'server_error' }[choice];
        expectDialogError(answered, attempt, expected);
        expect(standIn.tokenRequests()).toBe(requests);
      };
    },
  ]),
  ...(
    [
      ['a wrong issuer', { issuer: 'https://login.evil.example/oauth' }],
      ['a wrong audience', { audience: 'someone-elses-client' }],
      ['a wrong nonce', { nonce: 'nonce-of-another-sign-in' }],
      ["a signature by a key not in LinkedIn's JWKS", { foreignKey: true }],
    ] as [string, IdTokenTampering][]
  ).map(([label, tampering]): [string, () => Promise<() => Promise<void>>] => [
    `an id_token with ${label}`,
    async () => {
      const attempt = newAttempt();
      return async () => {
        standIn.tamperNextIdToken(tampering);
        const { answered } = await runDialog(service, attempt);
        expectDialogError(answered, attempt, 'server_error');
      };
    },
  ]),
  [
    'a completion the rules refuse (organisation mode "no"): 403, and the token LinkedIn gave is revoked at once',
    async () => {
      const attempt = newAttempt();
      const code = await codeFor(attempt);
      return async () => {
        const token = standIn.issuedTokens().at(-1);
        const refused = await withRules({ ...OPEN_POLICY, tenantMode: 'no' }, async () => complete(service, completion(attempt, code)));
        expect([refused.statusCode, refused.json<{ reason: string }>().reason]).toEqual([403, 'tenant-off']);
        expect(standIn.revokedTokens()).toContain(token);
      };
    },
  ],
  ...(
    [
      ['the organisation mode "no"', { tenantMode: 'no' }, 'tenant-off'],
      ['an excluded cloud (GCC High)', { environment: { ...OPEN_POLICY.environment, cloud: 'gccHigh' } }, 'cloud-unavailable'],
      ['an unknown cloud', { environment: { mailboxGeo: 'NAM', tenantCountry: 'US' } }, 'environment-unknown'],
      ['an excluded data location (DEU)', { environment: { ...OPEN_POLICY.environment, mailboxGeo: 'DEU' } }, 'mailbox-geo-unavailable'],
      [
        'a tenant country off by default (DE, mode unset)',
        { tenantMode: 'unset', environment: { ...OPEN_POLICY.environment, tenantCountry: 'DE' } },
        'tenant-default-off',
      ],
    ] as [string, Partial<AdminPolicy>, string][]
  ).map(([label, rulesPatch, code]): [string, () => Promise<() => Promise<void>>] => [
    `authorize under ${label}: the reason on the page, nothing pending, no redirect to LinkedIn`,
    async () => async () => {
      const pendingBefore = await countPending();
      const page = await withRules({ ...OPEN_POLICY, ...rulesPatch }, () => startAuthorize(service, newAttempt()));
      expect([page.statusCode, page.headers.location]).toEqual([403, undefined]);
      expect(page.body).toContain(`(Reason: ${code})`);
      expect(await countPending()).toBe(pendingBefore);
    },
  ]),
  ...(
    [
      ['an unreadable policy file', { status: 'unreadable', cause: 'ENOENT' }, 'policy-file-unreadable'],
      ['an invalid policy file', { status: 'invalid', text: '{', problems: [] }, 'policy-file-invalid'],
    ] as [string, PolicyFileReading, string][]
  ).map(([label, reading, code]): [string, () => Promise<() => Promise<void>>] => [
    `authorize under ${label}: the reason on the page, nothing pending, no redirect to LinkedIn`,
    async () => async () => {
      const pendingBefore = await countPending();
      broken = reading;
      try {
        const page = await startAuthorize(service, newAttempt());
        expect([page.statusCode, page.headers.location]).toEqual([403, undefined]);
        expect(page.body).toContain(`(Reason: ${code})`);
      } finally {
        broken = undefined;
      }
      expect(await countPending()).toBe(pendingBefore);
    },
  ]),
  [
    'LinkedIn answering after the rules turned LinkedIn off: no code exchanged, the reason on the page',
    async () => {
      const started = await startAuthorize(service, newAttempt());
      const linkedInAnswer = await answerAuthorizePage(String(started.headers.location), 'allow');
      return async () => {
        const requests = standIn.tokenRequests();
        const page = await withRules({ ...OPEN_POLICY, tenantMode: 'no' }, () => callback(service, linkedInAnswer));
        expect([page.statusCode, page.headers.location]).toEqual([403, undefined]);
        expect(standIn.tokenRequests()).toBe(requests);
      };
    },
  ],
  [
    'authorize flooded from one address: at most 50 pending from it, its oldest swept first',
    async () => {
      const first = await startAuthorize(service, newAttempt(), {}, FLOODER);
      const firstAnswer = await answerAuthorizePage(String(first.headers.location), 'allow');
      return async () => {
        for (let i = 0; i < 60; i += 1) expect((await startAuthorize(service, newAttempt(), {}, FLOODER)).statusCode).toBe(302);
        const fromFlooder = await service.database.db
          .selectFrom('pending_sign_ins')
          .select('id')
          .where('client_key', '=', service.cipher.pseudonym(FLOODER, 'sign-in client'))
          .execute();
        expect(fromFlooder).toHaveLength(50);
        // The oldest went first: LinkedIn's answer to it finds nothing.
        expectRefusedPage(await callback(service, firstAnswer));
        // Another address is not crowded out.
        expect((await startAuthorize(service, newAttempt())).statusCode).toBe(302);
      };
    },
  ],
  [
    'a one-time code that was never issued',
    async () => {
      const attempt = newAttempt();
      return async () => expectInvalidGrant(await complete(service, completion(attempt, newAttempt().state)));
    },
  ],
];

const OTHER_USER = '7b7b7b7b-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
const FLOODER = '203.0.113.9';

/** Tokens LinkedIn issued that are neither revoked nor the token of a stored connection. */
async function unrevokedTokens(): Promise<string[]> {
  const rows = await service.database.db.selectFrom('connections').select('object_id').execute();
  const connected = await Promise.all(
    rows.map(async (row) => (await service.store.find({ tenantId: TENANT, objectId: row.object_id, groups: undefined }))?.accessToken()),
  );
  const revoked = new Set(standIn.revokedTokens());
  return standIn.issuedTokens().filter((token) => !revoked.has(token) && !connected.includes(token));
}
async function countPending(): Promise<number> {
  return (await service.database.db.selectFrom('pending_sign_ins').select('id').execute()).length;
}

describe('sign-in abuse: refused, and nothing stored', () => {
  test.each(ROWS)('%s', async (_name, arrange) => {
    const attack = await arrange();
    const before = await storedState(service);
    await attack();
    const after = await storedState(service);
    expect(after.connections).toEqual(before.connections);
    expect(after.audit).toEqual(before.audit);
    // A refused attempt may use up what it attacked, never leave a new LinkedIn token behind.
    expect(after.pendingWithToken).toBeLessThanOrEqual(before.pendingWithToken);
    // Every token LinkedIn gave is revoked, held by a connection, or held by a pending sign-in (revoked when swept).
    expect(after.revocationsWaiting).toBe(0);
    expect((await unrevokedTokens()).length).toBe(after.pendingWithToken);
  });

  test('once every pending sign-in is swept, each token LinkedIn gave is revoked or held by a connection', async () => {
    expect(standIn.issuedTokens().length).toBeGreaterThan(8);
    await expireAllPending();
    await startAuthorize(service, newAttempt());
    expect(await unrevokedTokens()).toEqual([]);
  });

  test('the table covers what the issue names', () => {
    const names = ROWS.map(([name]) => name).join('\n');
    for (const needed of [
      'replayed LinkedIn state',
      'replayed one-time code',
      'wrong PKCE verifier',
      'expired pending',
      'unregistered redirect_uri',
      'Cancel',
      'error',
      'wrong issuer',
      'wrong audience',
      'wrong nonce',
      'signature',
      'organisation mode "no"',
      'excluded cloud',
      'unknown cloud',
      'data location',
      'country off by default',
      'unreadable policy file',
      'invalid policy file',
      'rules turned LinkedIn off',
      'flooded from one address',
      'completion the rules refuse',
    ])
      expect(names).toContain(needed);
  });
});

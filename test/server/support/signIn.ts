import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { LinkedInStandIn } from '../../../dev/standins/linkedinProvider';
import { answerAuthorizePage, CALLBACK_URL, DIALOG_URL, LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET } from './linkedin';
import { startTestService, type TestService, type TestServiceOptions } from './service';

/** The service's environment for LinkedIn sign-in against the simulated provider. */
export function signInEnv(standIn: LinkedInStandIn): Record<string, string> {
  return {
    LINKEDIN_CLIENT_ID,
    LINKEDIN_CLIENT_SECRET,
    LINKEDIN_CALLBACK_URL: CALLBACK_URL,
    LINKEDIN_DIALOG_REDIRECT_URIS: DIALOG_URL,
    LINKEDIN_AUTHORIZATION_ENDPOINT: standIn.endpoints.authorization,
    LINKEDIN_TOKEN_ENDPOINT: standIn.endpoints.token,
    LINKEDIN_USERINFO_ENDPOINT: standIn.endpoints.userinfo,
    LINKEDIN_JWKS_URI: standIn.endpoints.jwks,
    LINKEDIN_REVOKE_ENDPOINT: standIn.endpoints.revoke,
  };
}

export async function startSignInService(standIn: LinkedInStandIn, options: TestServiceOptions = {}): Promise<TestService> {
  return startTestService({ ...options, env: { ...signInEnv(standIn), ...options.env } });
}

/** What the pane makes for one attempt: a state and a PKCE verifier with its S256 challenge. */
export interface Attempt {
  state: string;
  verifier: string;
  challenge: string;
  consent: 'twoWay' | 'linkedInToMicrosoft';
  redirectUri: string;
}

export function newAttempt(consent: Attempt['consent'] = 'twoWay'): Attempt {
  const verifier = randomBytes(32).toString('base64url');
  return {
    state: randomBytes(32).toString('base64url'),
    verifier,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
    consent,
    redirectUri: DIALOG_URL,
  };
}

export function authorizeQuery(attempt: Attempt, patch: Record<string, string> = {}): string {
  return new URLSearchParams({
    response_type: 'code',
    state: attempt.state,
    code_challenge: attempt.challenge,
    code_challenge_method: 'S256',
    consent: attempt.consent,
    redirect_uri: attempt.redirectUri,
    ...patch,
  }).toString();
}

/** The dialog page navigating to the service's authorize page (no bearer token). */
export async function startAuthorize(service: TestService, attempt: Attempt, patch: Record<string, string> = {}, remoteAddress?: string) {
  return service.app.inject({
    url: `/api/v1/connection/authorize/?${authorizeQuery(attempt, patch)}`,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

/** LinkedIn's redirect arriving at the service's callback. */
export async function callback(service: TestService, callbackUrl: URL) {
  return service.app.inject({ url: `/api/v1/connection/callback${callbackUrl.search}` });
}

/** The whole dialog part: authorize → LinkedIn page → choice → callback. Returns the service's redirect to the dialog. */
export async function runDialog(service: TestService, attempt: Attempt, choice: 'allow' | 'cancel' | 'cancelLogin' | 'error' = 'allow') {
  const started = await startAuthorize(service, attempt);
  if (started.statusCode !== 302) throw new Error(`authorize answered ${started.statusCode}: ${started.body}`);
  const linkedInAnswer = await answerAuthorizePage(String(started.headers.location), choice);
  const answered = await callback(service, linkedInAnswer);
  return { linkedInAnswer, answered, dialog: answered.headers.location ? new URL(String(answered.headers.location)) : undefined };
}

export async function complete(service: TestService, body: Record<string, unknown>, token?: string) {
  return service.app.inject({
    method: 'POST',
    url: '/api/v1/connection',
    headers: { authorization: `Bearer ${token ?? (await service.token())}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

export const completion = (attempt: Attempt, code: string) => ({
  code,
  codeVerifier: attempt.verifier,
  state: attempt.state,
  consent: attempt.consent,
  redirectUri: attempt.redirectUri,
});

/**
 * Everything the database keeps about connections: rows, audit trail, pending sign-ins holding a LinkedIn token, and
 * dropped tokens still waiting for LinkedIn to confirm their revoke.
 */
export async function storedState(service: TestService) {
  const { db } = service.database;
  const connections = await db.selectFrom('connections').selectAll().orderBy('object_id').execute();
  const audit = await db.selectFrom('audit_trail').selectAll().orderBy('id').execute();
  const withToken = await db
    .selectFrom('pending_sign_ins')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('token_ciphertext', 'is not', null)
    .executeTakeFirstOrThrow();
  const waiting = await db
    .selectFrom('revocations')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return { connections, audit, pendingWithToken: withToken.n, revocationsWaiting: waiting.n };
}

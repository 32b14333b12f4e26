import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RefusalReason } from '../../src/contract/errors';
import { connectionStatusSchema, type ConnectionStatusWire } from '../../src/contract/insights';
import { completeConnectionRequestSchema, type CompleteConnectionRequest, type DeviceStatement } from '../../src/contract/requests';
import { isChosenConsent, PKCE_CHALLENGE, SIGN_IN_STATE } from '../../src/contract/signIn';
import { authorizeQuerySchema, callbackQuerySchema, type AuthorizeQuery, type CallbackQuery } from '../../src/contract/signInPages';
import { userOf } from '../auth/authenticate';
import type { EntraUser } from '../auth/entraVerifier';
import type { ContractTypeProvider } from '../http/contractSchemas';
import { HttpError, refusedBy } from '../http/errors';
import { decisionFor, deviceOf, type ServiceRules } from '../rules/serviceRules';
import type { RevocationQueue } from '../store/revocationQueue';
import { LinkedInError, randomToken, type LinkedInClient, type LinkedInGrant } from './client';
import type { LinkedInConfig } from '../linkedinConfig';
import type { AnsweredSignIn, PendingSignIns, RedeemedSignIn, SignInRequest } from './pendingSignIns';
import type { TokenCipher } from '../crypto/tokenCipher';
import { renderSignInProblem, renderSignInRefusal } from './signInPages';

/**
 * The connection sign-in (docs/insights-service.md): the dialog page starts it without a bearer token, LinkedIn
 * answers the service's callback, and the dialog hands the service's own one-time code to the pane, which completes
 * it with its PKCE verifier and an Entra token. LinkedIn's web flow refuses PKCE, so PKCE stays between the pane and
 * the service; the LinkedIn exchange is a confidential client's.
 */
const LINKEDIN_VALUE = /^[\x21-\x7e]{1,2048}$/;

interface SignInParts {
  config: LinkedInConfig;
  linkedIn: LinkedInClient;
  pending: PendingSignIns;
  rules: ServiceRules;
  cipher: TokenCipher;
  revocations: RevocationQueue;
  now: () => Date;
}

/** What the sign-in needs, from the service's decorators; undefined when LinkedIn sign-in is not configured. */
function signInParts(app: FastifyInstance): SignInParts | undefined {
  const config = app.serviceConfig.linkedin;
  const { linkedIn } = app;
  if (!config || !linkedIn) return undefined;
  const { pendingSignIns: pending, rules, tokenCipher: cipher, revocations } = app;
  return { config, linkedIn, pending, rules, cipher, revocations, now: () => new Date() };
}

/**
 * Every answer of the dialog's navigations: never cached, no referrer, and no Cross-Origin-Opener-Policy isolation
 * (helmet's default `same-origin`): a redirect carrying it cuts the dialog window off from the window that opened it,
 * and the dialog could then never hand its answer back (Outlook on the web's dialog talks to its opener that way).
 */
function noStore(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'unsafe-none');
}

/** Back to the dialog page (a registered redirect_uri) with the answer; codes and states only ever in this redirect. */
function backToDialog(reply: FastifyReply, redirectUri: string, params: Record<string, string>): FastifyReply {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return noStore(reply).redirect(url.href, 302);
}

function htmlPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return noStore(reply)
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    .send(html);
}
const problemPage = (reply: FastifyReply, status: number, message: string) => htmlPage(reply, status, renderSignInProblem(message));
/** The rules refuse this sign-in: 403, with the reason as the pane would say it. */
const refusalPage = (reply: FastifyReply, reason: RefusalReason) => htmlPage(reply, 403, renderSignInRefusal(reason));

/**
 * What the rules refuse whoever signs in (the policy file, the mode, the cloud, the data location, the country):
 * decided before any pending sign-in is written and before anyone is sent to LinkedIn, or a code exchanged with it.
 */
function refusalForAnyone(rules: ServiceRules): RefusalReason | undefined {
  const verdict = rules.anyViewer();
  if (verdict.refusal) return verdict.refusal;
  const decision = decisionFor(verdict.viewer, 'unknown');
  return decision.canConnect ? undefined : (decision.reasons[0]?.code ?? 'tenant-mode-unknown');
}
/** PostgreSQL's SQLSTATE for a unique constraint refusing a row. */
const UNIQUE_VIOLATION = '23505';
const UNCONFIGURED = 'LinkedIn sign-in is not configured on this service. Ask your admin to set it up.';
const EXPIRED = 'This sign-in has expired or was already used. Close this window and connect again.';

/** The dialog's navigations: no bearer token (the dialog carries none). */
export async function signInPageRoutes(service: FastifyInstance): Promise<void> {
  const app = service.withTypeProvider<ContractTypeProvider>();
  const parts = signInParts(app);
  app.get('/connection/authorize/', { schema: { querystring: authorizeQuerySchema } }, async (request, reply) => {
    if (!parts) return problemPage(reply, 503, UNCONFIGURED);
    return authorize(parts, request, reply, request.query);
  });
  app.get('/connection/callback', { schema: { querystring: callbackQuerySchema } }, async (request, reply) => {
    if (!parts) return problemPage(reply, 503, UNCONFIGURED);
    return linkedInAnswered(parts, request, reply, request.query);
  });
}

/** The dialog page starts a sign-in: checked, kept as pending, and the member sent to LinkedIn's page. */
async function authorize(parts: SignInParts, request: FastifyRequest, reply: FastifyReply, query: AuthorizeQuery) {
  const { redirect_uri: redirectUri, state: paneState, consent, code_challenge: codeChallenge } = query;
  const refusal = refusalForAnyone(parts.rules);
  if (refusal) {
    request.log.info({ reason: refusal }, 'sign-in refused by the rules before LinkedIn');
    return refusalPage(reply, refusal);
  }
  // Never send anything to an address that is not registered, nor an answer the pane can't match to its state.
  if (!redirectUri || !parts.config.dialogRedirectUris.includes(redirectUri))
    return problemPage(reply, 400, 'This sign-in was not started from the add-in.');
  if (!paneState || !SIGN_IN_STATE.test(paneState)) return problemPage(reply, 400, 'This sign-in was not started from the add-in.');
  if (
    query.response_type !== 'code' ||
    query.code_challenge_method !== 'S256' ||
    !codeChallenge ||
    !PKCE_CHALLENGE.test(codeChallenge) ||
    !isChosenConsent(consent)
  )
    return backToDialog(reply, redirectUri, { error: 'server_error', state: paneState });
  const signIn: SignInRequest = { paneState, codeChallenge, consent, redirectUri };
  const linkedInState = randomToken();
  const nonce = randomToken();
  try {
    await parts.pending.begin(signIn, linkedInState, nonce, parts.now(), parts.cipher.pseudonym(request.ip, 'sign-in client'));
  } catch (error) {
    // A reused dialog state (unique) or a database fault: the pane hears "failed", nothing is pending.
    const reused = (error as { code?: unknown }).code === UNIQUE_VIOLATION;
    request.log.warn({ err: error, reason: reused ? 'the dialog state was already used' : 'database' }, 'sign-in could not start');
    return backToDialog(reply, redirectUri, { error: 'server_error', state: paneState });
  }
  return noStore(reply).redirect(parts.linkedIn.authorizationUrl({ state: linkedInState, nonce }), 302);
}

/** LinkedIn's answer at the service's callback: the dialog is sent the service's own one-time code, or why not. */
async function linkedInAnswered(parts: SignInParts, request: FastifyRequest, reply: FastifyReply, query: CallbackQuery) {
  const { state: linkedInState, error, code } = query;
  if (!linkedInState || !LINKEDIN_VALUE.test(linkedInState)) return problemPage(reply, 400, EXPIRED);
  const signIn = await parts.pending.claimLinkedInAnswer(linkedInState, parts.now());
  if (!signIn) return problemPage(reply, 400, EXPIRED);
  const answer = (params: Record<string, string>) => backToDialog(reply, signIn.redirectUri, { ...params, state: signIn.paneState });
  if (signIn.expired) return answer({ error: 'server_error' });
  // The rules may have changed while the member was on LinkedIn's page: then no code is exchanged.
  const refusal = refusalForAnyone(parts.rules);
  if (refusal) return refusalPage(reply, refusal);
  if (error !== undefined || !code || !LINKEDIN_VALUE.test(code)) {
    const cancelled = error === 'user_cancelled_authorize' || error === 'user_cancelled_login';
    request.log.info({ linkedInError: cancelled ? error : 'other' }, 'LinkedIn did not sign the member in');
    return answer({ error: cancelled ? error : 'server_error' });
  }
  return answer(await exchangeForServiceCode(parts, request, signIn, code));
}

/**
 * LinkedIn's code exchanged (server to server, with the client secret) and the token kept for the pane's one-time code:
 * the dialog's answer. A token LinkedIn issued that the service then refuses or cannot keep is revoked at once.
 */
async function exchangeForServiceCode(
  parts: SignInParts,
  request: FastifyRequest,
  signIn: AnsweredSignIn,
  code: string,
): Promise<Record<string, string>> {
  let grant: LinkedInGrant;
  try {
    grant = await parts.linkedIn.exchangeCode(code, signIn.nonce);
  } catch (failure) {
    request.log.warn({ linkedIn: failure instanceof LinkedInError ? failure.failure : 'exchange' }, 'LinkedIn sign-in failed');
    // An id_token the service refused came with a token: revoked, never left valid at LinkedIn.
    const unused = failure instanceof LinkedInError ? failure.unusedGrant : undefined;
    if (unused) await parts.revocations.drop({ ...unused, reason: 'failedSignIn' });
    return { error: 'server_error' };
  }
  try {
    const serviceCode = randomToken();
    await parts.pending.issueCode(signIn, serviceCode, grant.accessToken, grant.expiresAt, parts.now());
    return { code: serviceCode };
  } catch (error) {
    request.log.warn({ err: error }, 'LinkedIn sign-in could not be stored: its token is revoked');
    await parts.revocations.drop({ accessToken: grant.accessToken, expiresAt: grant.expiresAt, reason: 'failedSignIn' });
    return { error: 'server_error' };
  }
}

const sha256 = (value: string) => createHash('sha256').update(value, 'ascii').digest();

/** Completing the connection: behind the Entra token check. */
export async function completeConnectionRoutes(service: FastifyInstance): Promise<void> {
  const app = service.withTypeProvider<ContractTypeProvider>();
  const parts = signInParts(app);
  const schema = { body: completeConnectionRequestSchema, response: { 200: connectionStatusSchema } };
  app.post('/connection', { schema }, async (request): Promise<ConnectionStatusWire> => {
    const { body } = request;
    const user = userOf(request);
    if (!parts) throw new HttpError(503, 'signInUnavailable', UNCONFIGURED);
    // Single use: the code is claimed before anything is checked, so a wrong verifier burns it too. Its token is
    // queued for revocation as it is claimed: whatever refuses it below asks LinkedIn to revoke it at once.
    const signIn = await parts.pending.redeem(body.code, parts.now());
    const ruled = connectRefusal(app.rules, user, body.device);
    if (ruled) {
      await app.revocations.attempt([signIn?.revocation]);
      throw refusedBy(ruled);
    }
    const refusal = refusalOf(signIn, body);
    if (refusal || !signIn) {
      await app.revocations.attempt([signIn?.revocation]);
      request.log.info({ reason: refusal }, 'sign-in refused');
      throw new HttpError(400, 'invalidGrant', 'This sign-in is unknown, expired, already used or does not match. Connect again.');
    }
    const saved = await app.connections.save(user, {
      consent: signIn.consent,
      accessToken: signIn.accessToken,
      tokenExpiresAt: signIn.tokenExpiresAt,
      ...(signIn.revocation ? { queuedRevocation: signIn.revocation } : {}),
    });
    return { apiVersion: '1', status: 'connected', consent: saved.consent, connectedAt: saved.connectedAt.toISOString() };
  });
}

/** Why the rules do not let this user connect now (the rule's reason), if they do not: the pane's own decision. */
function connectRefusal(rules: ServiceRules, user: EntraUser, device: DeviceStatement | undefined): RefusalReason | undefined {
  const verdict = rules.viewer(user, deviceOf(device), 'none');
  if (verdict.refusal) return verdict.refusal;
  const decision = decisionFor(verdict.viewer, 'unknown');
  return decision.canConnect ? undefined : (decision.reasons[0]?.code ?? 'tenant-mode-unknown');
}

/** Why a redeemed code may not complete this connection (unknown, expired, or bound to another attempt), if it may not. */
function refusalOf(signIn: RedeemedSignIn | undefined, body: CompleteConnectionRequest): string | undefined {
  if (!signIn) return 'unknown or used code';
  if (signIn.expired) return 'expired';
  const verifierMatches = timingSafeEqual(sha256(body.codeVerifier), Buffer.from(signIn.codeChallenge, 'base64url'));
  const bound = signIn.paneState === body.state && signIn.consent === body.consent && signIn.redirectUri === body.redirectUri;
  return verifierMatches && bound ? undefined : 'binding mismatch';
}

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT, type JWK, type KeyLike } from 'jose';
import { LINKEDIN_ISSUER } from '../../server/linkedinConfig';
import type { IdTokenTampering, LinkedInStandInOptions, StandInMember } from './linkedinStandInTypes';
import { renderAuthorizePage, renderProblemPage } from './linkedinPages';

/** The simulated LinkedIn provider's endpoints (dev/standins/linkedinProvider.ts starts it), one function each. */

export const KID = 'standin-1';
const CODE_LIFETIME_MS = 30 * 60_000;

interface PendingAuthorization {
  redirectUri: string;
  state: string;
  nonce?: string;
}
interface IssuedCode extends PendingAuthorization {
  issuedAt: number;
}

/** What the stand-in knows (its keys, the sign-ins under way, the tokens it issued) and what the tests asked of it next. */
export interface StandInState {
  readonly options: LinkedInStandInOptions;
  readonly member: StandInMember;
  /** Access token lifetime in seconds. */
  readonly lifetime: number;
  readonly signingKey: KeyLike;
  /** Not in the JWKS: for the "signed with a foreign key" tampering. */
  readonly foreignKey: KeyLike;
  readonly publicJwk: JWK;
  /** The origins the consent form may submit to and be redirected through (its CSP's form-action). */
  readonly formTargets: string;
  readonly tickets: Map<string, PendingAuthorization>;
  readonly codes: Map<string, IssuedCode>;
  readonly accessTokens: Set<string>;
  readonly revoked: string[];
  readonly issuedAccessTokens: string[];
  revokeFailures: { count: number; status: number };
  revokeRequestCount: number;
  tampering: IdTokenTampering | undefined;
  nextTokenFailure: number | 'hang' | undefined;
  tokenRequestCount: number;
  readonly hanging: Set<ServerResponse>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function page(state: StandInState, res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${state.formTargets}`,
    'cache-control': 'no-store',
  });
  res.end(html);
}

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(302, { location: to, 'cache-control': 'no-store' });
  res.end();
}

function authorize(state: StandInState, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const redirectUri = q.get('redirect_uri') ?? '';
  if (q.get('client_id') !== state.options.clientId || !state.options.redirectUris.includes(redirectUri))
    return page(state, res, 400, renderProblemPage('The application or its redirect URL is not registered.'));
  const forwarded = q.get('state') ?? '';
  const scopes = (q.get('scope') ?? '').split(' ');
  if (q.get('response_type') !== 'code' || !forwarded || !scopes.includes('openid'))
    return redirect(
      res,
      withQuery(redirectUri, { error: 'invalid_request', error_description: 'The request is not valid.', state: forwarded }),
    );
  const ticket = randomBytes(16).toString('base64url');
  state.tickets.set(ticket, { redirectUri, state: forwarded, nonce: q.get('nonce') ?? undefined });
  return page(state, res, 200, renderAuthorizePage(ticket, state.member.name));
}

function answer(state: StandInState, url: URL, res: ServerResponse): void {
  const ticket = url.searchParams.get('ticket') ?? '';
  const pending = state.tickets.get(ticket);
  if (!pending) return page(state, res, 400, renderProblemPage('This sign-in page has expired. Start again.'));
  state.tickets.delete(ticket);
  const choice = url.searchParams.get('choice');
  const { redirectUri, state: forwarded } = pending;
  if (choice === 'allow') {
    const code = randomBytes(24).toString('base64url');
    state.codes.set(code, { ...pending, issuedAt: Date.now() });
    return redirect(res, withQuery(redirectUri, { code, state: forwarded }));
  }
  const error = choice === 'cancel' ? 'user_cancelled_authorize' : choice === 'cancelLogin' ? 'user_cancelled_login' : 'server_error';
  return redirect(res, withQuery(redirectUri, { error, error_description: 'The member did not sign in.', state: forwarded }));
}

/** The code a token request redeems, taken (single use), or why the request is refused. */
function redeemCode(state: StandInState, body: URLSearchParams): { issued: IssuedCode } | { status: number; error: object } {
  if (body.get('client_id') !== state.options.clientId || body.get('client_secret') !== state.options.clientSecret)
    return { status: 401, error: { error: 'invalid_client', error_description: 'Client authentication failed' } };
  const code = body.get('code') ?? '';
  const issued = state.codes.get(code);
  state.codes.delete(code);
  if (
    body.get('grant_type') !== 'authorization_code' ||
    !issued ||
    Date.now() - issued.issuedAt > CODE_LIFETIME_MS ||
    body.get('redirect_uri') !== issued.redirectUri
  )
    return {
      status: 400,
      error: {
        error: 'invalid_request',
        error_description:
          'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists',
      },
    };
  return { issued };
}

/** The id_token for a redeemed code, corrupted once if a test asked for it. */
async function signIdToken(state: StandInState, issued: IssuedCode): Promise<string> {
  const corrupt = state.tampering ?? {};
  state.tampering = undefined;
  const { member, options } = state;
  return new SignJWT({
    ...(issued.nonce !== undefined || corrupt.nonce !== undefined ? { nonce: corrupt.nonce ?? issued.nonce } : {}),
    email: member.email,
    email_verified: member.email_verified,
    name: member.name,
    picture: member.picture,
  })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .setIssuer(corrupt.issuer ?? LINKEDIN_ISSUER)
    .setAudience(corrupt.audience ?? options.clientId)
    .setSubject(member.sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(corrupt.foreignKey ? state.foreignKey : state.signingKey);
}

async function token(state: StandInState, body: URLSearchParams, res: ServerResponse): Promise<void> {
  state.tokenRequestCount += 1;
  const failure = state.nextTokenFailure;
  state.nextTokenFailure = undefined;
  if (failure === 'hang') {
    state.hanging.add(res);
    return;
  }
  if (failure !== undefined) return send(res, failure, { error: 'server_error' });
  const redeemed = redeemCode(state, body);
  if (!('issued' in redeemed)) return send(res, redeemed.status, redeemed.error);
  const accessToken = `standin-${randomBytes(32).toString('base64url')}`;
  state.accessTokens.add(accessToken);
  state.issuedAccessTokens.push(accessToken);
  const idToken = await signIdToken(state, redeemed.issued);
  return send(res, 200, {
    access_token: accessToken,
    expires_in: state.lifetime,
    scope: 'email,openid,profile',
    token_type: 'Bearer',
    id_token: idToken,
  });
}

function userinfo(state: StandInState, req: IncomingMessage, res: ServerResponse): void {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!bearer || !state.accessTokens.has(bearer))
    return send(res, 401, { serviceErrorCode: 65600, message: 'Invalid access token', status: 401 });
  return send(res, 200, { ...state.member, locale: { country: 'US', language: 'en' } });
}

function revoke(state: StandInState, body: URLSearchParams, res: ServerResponse): void {
  state.revokeRequestCount += 1;
  if (state.revokeFailures.count > 0) {
    state.revokeFailures.count -= 1;
    return send(res, state.revokeFailures.status, { error: 'server_error' });
  }
  if (body.get('client_id') !== state.options.clientId || body.get('client_secret') !== state.options.clientSecret)
    return send(res, 401, { error: 'invalid_client' });
  const value = body.get('token') ?? '';
  if (state.accessTokens.delete(value)) state.revoked.push(value);
  return send(res, 200, {});
}

/** One request to the stand-in, routed as LinkedIn's paths are. */
export function handleStandInRequest(state: StandInState, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /oauth/v2/authorization') return authorize(state, url, res);
  if (route === 'GET /oauth/v2/authorization/answer') return answer(state, url, res);
  if (route === 'GET /oauth/openid/jwks') return send(res, 200, { keys: [state.publicJwk] });
  if (route === 'GET /v2/userinfo') return userinfo(state, req, res);
  if (route === 'POST /oauth/v2/accessToken' || route === 'POST /oauth/v2/revoke') {
    readForm(req)
      .then((body) => (route === 'POST /oauth/v2/revoke' ? revoke(state, body, res) : token(state, body, res)))
      .catch(() => send(res, 400, { error: 'invalid_request' }));
    return;
  }
  return send(res, 404, { error: 'not_found' });
}

function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 16_384) throw new Error('too large');
  }
  return new URLSearchParams(body);
}

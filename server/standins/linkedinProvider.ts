import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { LINKEDIN_ISSUER, type LinkedInEndpoints, type SignInEnvironment } from '../linkedin/config';
import { StandInRefusedError } from './entraIssuer';
import { renderAuthorizePage, renderProblemPage } from './linkedinPages';

/**
 * A simulated LinkedIn OpenID provider, for the workbench and the tests only: an authorize page with Allow / Cancel /
 * error, the token endpoint (client secret checked, codes single use), `userinfo`, a JWKS and signed `id_token`s.
 * Served on 127.0.0.1, so the service's real sign-in code runs against it with other URLs. It refuses to start in
 * production configuration.
 */
export interface StandInMember {
  sub: string;
  name: string;
  given_name: string;
  family_name: string;
  picture: string;
  email: string;
  email_verified: boolean;
}

/** One-shot corruptions of the next id_token, so tests can prove the service refuses each. */
export interface IdTokenTampering {
  issuer?: string;
  audience?: string;
  nonce?: string;
  /** Signed with a key that is not in the JWKS (same `kid`). */
  foreignKey?: boolean;
}

export interface LinkedInStandInOptions {
  environment: SignInEnvironment;
  clientId: string;
  clientSecret: string;
  /** The redirect URLs registered for the client (the service's callback). */
  redirectUris: readonly string[];
  /**
   * Where the service's callback sends the browser next (its dialog pages, e.g. at http://localhost:3000 while the
   * callback is on 127.0.0.1): browsers hold a form's form-action to every redirect the submission leads through.
   */
  answerOrigins?: readonly string[];
  member?: StandInMember;
  /** Access token lifetime in seconds (LinkedIn: 60 days). */
  accessTokenLifetime?: number;
}

export interface LinkedInStandIn {
  readonly origin: string;
  readonly endpoints: LinkedInEndpoints;
  readonly member: StandInMember;
  tamperNextIdToken: (tampering: IdTokenTampering) => void;
  /** The next token request answers this status (or never answers, for timeouts). */
  failNextTokenRequest: (answer: number | 'hang') => void;
  /** Access tokens revoked through the revoke endpoint, in order. */
  revokedTokens: () => readonly string[];
  /** Every access token the token endpoint issued, in order. */
  issuedTokens: () => readonly string[];
  /** The next `count` revoke requests answer `status` (LinkedIn down or refusing); 0 ends it. */
  failRevokes: (count: number, status?: number) => void;
  /** How many revoke requests arrived (confirmed or not). */
  revokeRequests: () => number;
  /** How many token requests arrived (accepted or not). */
  tokenRequests: () => number;
  close: () => Promise<void>;
}

export { StandInRefusedError };

export const STAND_IN_MEMBER: StandInMember = {
  sub: 'li-standin-megan',
  name: 'Megan Bowen',
  given_name: 'Megan',
  family_name: 'Bowen',
  picture: 'https://media.licdn.com/dms/image/megan-bowen/profile-displayphoto-shrink_200_200/0',
  email: 'megan.bowen@contoso.com',
  email_verified: true,
};

const KID = 'standin-1';
const CODE_LIFETIME_MS = 30 * 60_000;

interface PendingAuthorization {
  redirectUri: string;
  state: string;
  nonce?: string;
}
interface IssuedCode extends PendingAuthorization {
  issuedAt: number;
}

export async function startLinkedInStandIn(options: LinkedInStandInOptions): Promise<LinkedInStandIn> {
  if (options.environment === 'production' || process.env.NODE_ENV === 'production')
    throw new StandInRefusedError(
      'The simulated LinkedIn provider is for the workbench and tests only: it refuses production configuration.',
    );
  const member = options.member ?? STAND_IN_MEMBER;
  const lifetime = options.accessTokenLifetime ?? 60 * 24 * 3600;
  const signing = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(signing.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };

  const tickets = new Map<string, PendingAuthorization>();
  const codes = new Map<string, IssuedCode>();
  const accessTokens = new Set<string>();
  const revoked: string[] = [];
  const issuedAccessTokens: string[] = [];
  let revokeFailures = { count: 0, status: 503 };
  let revokeRequestCount = 0;
  let tampering: IdTokenTampering | undefined;
  let nextTokenFailure: number | 'hang' | undefined;
  let tokenRequestCount = 0;
  const hanging = new Set<ServerResponse>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  };
  // The consent form answers here, and its answer redirects to a registered callback, which redirects to the dialog
  // page: browsers hold form-action to every redirect's target, so the callbacks' and the dialog pages' origins are allowed.
  const formTargets = [
    "'self'",
    ...new Set([...options.redirectUris, ...(options.answerOrigins ?? [])].map((uri) => new URL(uri).origin)),
  ].join(' ');
  const page = (res: ServerResponse, status: number, html: string) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formTargets}`,
      'cache-control': 'no-store',
    });
    res.end(html);
  };
  const redirect = (res: ServerResponse, to: string) => {
    res.writeHead(302, { location: to, 'cache-control': 'no-store' });
    res.end();
  };

  function authorize(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== options.clientId || !options.redirectUris.includes(redirectUri))
      return page(res, 400, renderProblemPage('The application or its redirect URL is not registered.'));
    const state = q.get('state') ?? '';
    const scopes = (q.get('scope') ?? '').split(' ');
    if (q.get('response_type') !== 'code' || !state || !scopes.includes('openid'))
      return redirect(res, withQuery(redirectUri, { error: 'invalid_request', error_description: 'The request is not valid.', state }));
    const ticket = randomBytes(16).toString('base64url');
    tickets.set(ticket, { redirectUri, state, nonce: q.get('nonce') ?? undefined });
    return page(res, 200, renderAuthorizePage(ticket, member.name));
  }

  function answer(url: URL, res: ServerResponse) {
    const ticket = url.searchParams.get('ticket') ?? '';
    const pending = tickets.get(ticket);
    if (!pending) return page(res, 400, renderProblemPage('This sign-in page has expired. Start again.'));
    tickets.delete(ticket);
    const choice = url.searchParams.get('choice');
    const { redirectUri, state } = pending;
    if (choice === 'allow') {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { ...pending, issuedAt: Date.now() });
      return redirect(res, withQuery(redirectUri, { code, state }));
    }
    const error = choice === 'cancel' ? 'user_cancelled_authorize' : choice === 'cancelLogin' ? 'user_cancelled_login' : 'server_error';
    return redirect(res, withQuery(redirectUri, { error, error_description: 'The member did not sign in.', state }));
  }

  async function token(body: URLSearchParams, res: ServerResponse) {
    tokenRequestCount += 1;
    const failure = nextTokenFailure;
    nextTokenFailure = undefined;
    if (failure === 'hang') {
      hanging.add(res);
      return;
    }
    if (failure !== undefined) return send(res, failure, { error: 'server_error' });
    if (body.get('client_id') !== options.clientId || body.get('client_secret') !== options.clientSecret)
      return send(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    const code = body.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code);
    if (
      body.get('grant_type') !== 'authorization_code' ||
      !issued ||
      Date.now() - issued.issuedAt > CODE_LIFETIME_MS ||
      body.get('redirect_uri') !== issued.redirectUri
    )
      return send(res, 400, {
        error: 'invalid_request',
        error_description:
          'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists',
      });
    const accessToken = `standin-${randomBytes(32).toString('base64url')}`;
    accessTokens.add(accessToken);
    issuedAccessTokens.push(accessToken);
    const corrupt = tampering ?? {};
    tampering = undefined;
    const key: KeyLike = corrupt.foreignKey ? foreign.privateKey : signing.privateKey;
    const idToken = await new SignJWT({
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
      .sign(key);
    return send(res, 200, {
      access_token: accessToken,
      expires_in: lifetime,
      scope: 'email,openid,profile',
      token_type: 'Bearer',
      id_token: idToken,
    });
  }

  function userinfo(req: IncomingMessage, res: ServerResponse) {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !accessTokens.has(bearer))
      return send(res, 401, { serviceErrorCode: 65600, message: 'Invalid access token', status: 401 });
    return send(res, 200, { ...member, locale: { country: 'US', language: 'en' } });
  }

  function revoke(body: URLSearchParams, res: ServerResponse) {
    revokeRequestCount += 1;
    if (revokeFailures.count > 0) {
      revokeFailures.count -= 1;
      return send(res, revokeFailures.status, { error: 'server_error' });
    }
    if (body.get('client_id') !== options.clientId || body.get('client_secret') !== options.clientSecret)
      return send(res, 401, { error: 'invalid_client' });
    const value = body.get('token') ?? '';
    if (accessTokens.delete(value)) revoked.push(value);
    return send(res, 200, {});
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /oauth/v2/authorization') return authorize(url, res);
    if (route === 'GET /oauth/v2/authorization/answer') return answer(url, res);
    if (route === 'GET /oauth/openid/jwks') return send(res, 200, { keys: [publicJwk] });
    if (route === 'GET /v2/userinfo') return userinfo(req, res);
    if (route === 'POST /oauth/v2/accessToken' || route === 'POST /oauth/v2/revoke') {
      readForm(req)
        .then((body) => (route === 'POST /oauth/v2/revoke' ? revoke(body, res) : token(body, res)))
        .catch(() => send(res, 400, { error: 'invalid_request' }));
      return;
    }
    return send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    member,
    endpoints: {
      authorization: `${origin}/oauth/v2/authorization`,
      token: `${origin}/oauth/v2/accessToken`,
      userinfo: `${origin}/v2/userinfo`,
      jwks: `${origin}/oauth/openid/jwks`,
      revoke: `${origin}/oauth/v2/revoke`,
    },
    tamperNextIdToken: (t) => {
      tampering = t;
    },
    failNextTokenRequest: (a) => {
      nextTokenFailure = a;
    },
    revokedTokens: () => [...revoked],
    issuedTokens: () => [...issuedAccessTokens],
    failRevokes: (count, status = 503) => {
      revokeFailures = { count, status };
    },
    revokeRequests: () => revokeRequestCount,
    tokenRequests: () => tokenRequestCount,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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

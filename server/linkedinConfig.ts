/**
 * The LinkedIn sign-in's configuration ("Sign In with LinkedIn using OpenID Connect", a confidential client), read
 * with the service's own (config.ts) and beside it: linkedin/, sources/ and the stand-ins build on it.
 * The client secret lives here only: it is sent to LinkedIn's token and revoke endpoints, never to a browser, never
 * logged. LinkedIn's endpoints are fixed in production; outside production they may point at the loopback stand-in,
 * so the code that runs in production runs in the tests too, with other URLs.
 */
export type SignInEnvironment = 'production' | 'development' | 'test';

/** Every `id_token` must carry exactly this issuer, whichever endpoints are configured. */
export const LINKEDIN_ISSUER = 'https://www.linkedin.com/oauth';
export const LINKEDIN_SCOPES = 'openid profile email';

export interface LinkedInEndpoints {
  authorization: string;
  token: string;
  userinfo: string;
  jwks: string;
  revoke: string;
}

/** LinkedIn's own addresses (its OpenID configuration at https://www.linkedin.com/oauth/.well-known/openid-configuration). */
export const LINKEDIN_ENDPOINTS: LinkedInEndpoints = {
  authorization: 'https://www.linkedin.com/oauth/v2/authorization',
  token: 'https://www.linkedin.com/oauth/v2/accessToken',
  userinfo: 'https://api.linkedin.com/v2/userinfo',
  jwks: 'https://www.linkedin.com/oauth/openid/jwks',
  revoke: 'https://www.linkedin.com/oauth/v2/revoke',
};

export interface LinkedInConfig {
  clientId: string;
  clientSecret: string;
  /** The service's own callback (`…/api/v1/connection/callback`), registered as a redirect URL of the LinkedIn app. */
  callbackUrl: string;
  /** The exact addresses of the add-in's `dialog.html` the service may send a sign-in's answer to. */
  dialogRedirectUris: readonly string[];
  endpoints: LinkedInEndpoints;
  /** Every call to LinkedIn is abandoned after this long (5 s). */
  timeoutMs: number;
}

const ENDPOINT_VARIABLES: Record<keyof LinkedInEndpoints, string> = {
  authorization: 'LINKEDIN_AUTHORIZATION_ENDPOINT',
  token: 'LINKEDIN_TOKEN_ENDPOINT',
  userinfo: 'LINKEDIN_USERINFO_ENDPOINT',
  jwks: 'LINKEDIN_JWKS_URI',
  revoke: 'LINKEDIN_REVOKE_ENDPOINT',
};

/** https://…, or http://127.0.0.1… outside production (the stand-ins); no credentials, no fragment. */
export function isServiceUrl(value: string, environment: SignInEnvironment): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return environment !== 'production' && url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

/**
 * Reads the LinkedIn variables. Returns undefined when none is set (the service then runs without LinkedIn sign-in:
 * connecting answers 503 and says so); otherwise every missing or bad value is added to `problems`, never its value.
 */
export function readLinkedInConfig(
  read: (name: string) => string | undefined,
  environment: SignInEnvironment,
  problems: string[],
): LinkedInConfig | undefined {
  const clientId = read('LINKEDIN_CLIENT_ID');
  const clientSecret = read('LINKEDIN_CLIENT_SECRET');
  const callbackUrl = read('LINKEDIN_CALLBACK_URL');
  const redirects = read('LINKEDIN_DIALOG_REDIRECT_URIS');
  if (!clientId && !clientSecret && !callbackUrl && !redirects) return undefined;

  if (!clientId || !/^[A-Za-z0-9_-]{1,100}$/.test(clientId)) problems.push("LINKEDIN_CLIENT_ID must be the LinkedIn app's client id");
  if (!clientSecret || clientSecret.length < 8)
    problems.push("LINKEDIN_CLIENT_SECRET must be the LinkedIn app's client secret (value not shown)");
  if (!callbackUrl || !isServiceUrl(callbackUrl, environment) || !new URL(callbackUrl).pathname.endsWith('/api/v1/connection/callback'))
    problems.push("LINKEDIN_CALLBACK_URL must be the https:// address of this service's …/api/v1/connection/callback");
  const dialogRedirectUris = (redirects ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);
  if (dialogRedirectUris.length === 0 || !dialogRedirectUris.every((uri) => isServiceUrl(uri, environment) && !new URL(uri).search))
    problems.push("LINKEDIN_DIALOG_REDIRECT_URIS must list the exact https:// addresses of the add-in's dialog.html, comma-separated");

  const endpoints = { ...LINKEDIN_ENDPOINTS };
  for (const [key, name] of Object.entries(ENDPOINT_VARIABLES) as [keyof LinkedInEndpoints, string][]) {
    const value = read(name);
    if (value === undefined) continue;
    if (environment === 'production') problems.push(`${name} cannot be changed in production (LinkedIn's own address is used)`);
    else if (!isServiceUrl(value, environment)) problems.push(`${name} must be an https:// URL or http://127.0.0.1…`);
    else endpoints[key] = value;
  }
  return {
    clientId: clientId ?? '',
    clientSecret: clientSecret ?? '',
    callbackUrl: callbackUrl ?? '',
    dialogRedirectUris,
    endpoints,
    timeoutMs: 5_000,
  };
}

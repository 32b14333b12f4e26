/**
 * The LinkedIn sign-in's configuration ("Sign In with LinkedIn using OpenID Connect", a confidential client), read
 * with the service's own (config.ts) and beside it: linkedin/, sources/ and the stand-ins build on it.
 * The client secret lives here only: it is sent to LinkedIn's token and revoke endpoints, never to a browser, never
 * logged. LinkedIn's endpoints are fixed in production; outside production they may point at the loopback stand-in,
 * so the code that runs in production runs in the tests too, with other URLs.
 */
import { LINKEDIN_ENDPOINT_SETTINGS, type ServiceEnvironment, type ServiceSettings } from './settings';

export type SignInEnvironment = ServiceEnvironment;

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

/**
 * The LinkedIn sign-in from the parsed settings (server/settings.ts holds their kinds and rules); undefined when none
 * of its settings is set (the service then runs without LinkedIn sign-in: connecting answers 503 and says so).
 */
export function linkedInConfigOf(settings: ServiceSettings): LinkedInConfig | undefined {
  const { LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET, LINKEDIN_CALLBACK_URL, LINKEDIN_DIALOG_REDIRECT_URIS } = settings;
  if (!LINKEDIN_CLIENT_ID || !LINKEDIN_CLIENT_SECRET || !LINKEDIN_CALLBACK_URL || !LINKEDIN_DIALOG_REDIRECT_URIS) return undefined;
  const endpoints = { ...LINKEDIN_ENDPOINTS };
  for (const [key, name] of Object.entries(LINKEDIN_ENDPOINT_SETTINGS) as [keyof LinkedInEndpoints, keyof ServiceSettings][]) {
    const url = settings[name];
    if (typeof url === 'string') endpoints[key] = url;
  }
  return {
    clientId: LINKEDIN_CLIENT_ID,
    clientSecret: LINKEDIN_CLIENT_SECRET,
    callbackUrl: LINKEDIN_CALLBACK_URL,
    dialogRedirectUris: LINKEDIN_DIALOG_REDIRECT_URIS,
    endpoints,
    timeoutMs: 5_000,
  };
}

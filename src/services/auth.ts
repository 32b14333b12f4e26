import { ServiceError } from './errors';
import { GRAPH_CALENDAR_SCOPE, GRAPH_USER_SCOPE } from '../contract/signIn';

/** Build-time configuration of the add-in's Microsoft Entra app (webpack DefinePlugin; empty when not configured). */
export interface AuthConfig {
  clientId: string;
  /** The insights service's own API scope, e.g. api://<service app id>/access_as_user. */
  insightsScope: string;
}

/**
 * The Microsoft Graph permission the add-in asks for at sign-in: `/me`, `/organization` and `POST /me/checkMemberGroups`
 * on the signed-in user all need no more than User.Read (Microsoft Graph's permission tables for those calls).
 */
export const GRAPH_SCOPE = GRAPH_USER_SCOPE;
/**
 * Today's calendar (`/me/calendarView`): the basic details of the user's own events, no body and no attachments.
 * Asked for only when Today reads the calendar; users cannot consent to Calendars.* themselves under Microsoft's
 * default consent policy, so the admin grants it (README).
 */
export const CALENDAR_SCOPE = GRAPH_CALENDAR_SCOPE;

/** The scopes the sign-in asks for at once (the dialog fallback signs in for these together). */
export function signInScopes(config: AuthConfig): string[] {
  return [GRAPH_SCOPE, config.insightsScope];
}

/** Every scope the add-in may ask a token for: User.Read, the calendar's basic details and the service's scope, nothing else. */
export function grantedScopes(config: AuthConfig): string[] {
  return [...signInScopes(config), CALENDAR_SCOPE];
}

/**
 * Gets an access token for the given scopes. `forceRefresh`: the cached token was refused (401), so a new one must be
 * acquired instead of handing the same one back.
 */
export type ScopedTokenSource = (scopes: string[], options?: { forceRefresh?: boolean }) => Promise<string>;

/**
 * Refuses, before any sign-in, a request for a scope the admin did not grant (least privilege is enforced here, not
 * just written in the README): one scope per request, and only one of `grantedScopes`.
 */
export function limitedToGrantedScopes(config: AuthConfig, source: ScopedTokenSource): ScopedTokenSource {
  const allowed = grantedScopes(config).filter(Boolean);
  return (scopes, options) => {
    if (scopes.length !== 1 || !allowed.includes(scopes[0] ?? ''))
      return Promise.reject(new ServiceError('unauthorized', `The add-in does not ask for the permission ${scopes.join(' ')}.`));
    return source(scopes, options);
  };
}

/**
 * Tokens through MSAL nested app authentication (Outlook supplies the user's identity): acquireTokenSilent first
 * (MSAL's own cache, in memory), acquireTokenPopup only when MSAL says interaction is required. MSAL is loaded on first
 * use, so the pane paints without it.
 */
export function createNestedAppAuth(clientId: string): ScopedTokenSource {
  let app: Promise<import('@azure/msal-browser').IPublicClientApplication> | undefined;
  return async (scopes, options) => {
    const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
    app ??= msal.createNestablePublicClientApplication({
      auth: { clientId, authority: 'https://login.microsoftonline.com/common' },
      cache: { cacheLocation: 'memoryStorage' },
    });
    const client = await app;
    const request = { scopes };
    try {
      return (await client.acquireTokenSilent({ ...request, forceRefresh: options?.forceRefresh === true })).accessToken;
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw new ServiceError('unauthorized', 'Signing in failed.');
      try {
        return (await client.acquireTokenPopup(request)).accessToken;
      } catch (popupError) {
        // Nobody granted this permission (and the user could not, or did not): an admin grants it, and the pane says so.
        const notGranted = CONSENT_MISSING.test(msalErrorText(error)) || CONSENT_MISSING.test(msalErrorText(popupError));
        throw new ServiceError('unauthorized', 'Sign-in was cancelled or failed.', notGranted ? { code: NOT_GRANTED } : {});
      }
    }
  };
}

/**
 * The code a token source's `unauthorized` error carries when the permission asked for has not been granted (the
 * calendar's, before the admin consents): the Today view then says the admin must grant it.
 */
export const NOT_GRANTED = 'permissionNotGranted';
/**
 * Microsoft Entra's ways of saying a permission was never granted: MSAL's `consent_required`, AADSTS65001 (no consent),
 * AADSTS65004 (the user declined), AADSTS90094 / AADSTS90095 (only an admin can grant it).
 */
const CONSENT_MISSING = /consent_required|AADSTS65001|AADSTS65004|AADSTS90094|AADSTS90095/;

function msalErrorText(error: unknown): string {
  const fields = error as { errorCode?: unknown; subError?: unknown; errorMessage?: unknown; message?: unknown } | null;
  return [fields?.errorCode, fields?.subError, fields?.errorMessage, fields?.message].filter((v) => typeof v === 'string').join(' ');
}

/**
 * How the pane gets its tokens in this Outlook: nested app authentication where Outlook supports NestedAppAuth 1.1,
 * otherwise Microsoft's documented fallback, MSAL in an Office dialog (`dialogFallback`). Either way only the granted
 * scopes, and every failure is the same `unauthorized` ServiceError the card shows. `nestedAppAuth`: the nested app
 * authentication already made for this pane (paneTokens.ts), used instead of a second one.
 */
export function createAddinAuth(
  config: AuthConfig,
  options: { nestedAppAuthSupported: boolean; dialogFallback?: ScopedTokenSource; nestedAppAuth?: ScopedTokenSource },
): ScopedTokenSource {
  if (!config.clientId || !config.insightsScope)
    return () => Promise.reject(new ServiceError('unauthorized', 'The add-in has no Microsoft Entra app configured.'));
  // The pane's first script's own (paneTokens.ts), where it made one: the same MSAL instance as the first lookup's.
  const source = options.nestedAppAuthSupported ? (options.nestedAppAuth ?? createNestedAppAuth(config.clientId)) : options.dialogFallback;
  if (!source)
    return () =>
      Promise.reject(
        new ServiceError('unauthorized', 'This version of Outlook supports neither nested app authentication nor the sign-in dialog.'),
      );
  return limitedToGrantedScopes(config, source);
}

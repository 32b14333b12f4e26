import { ServiceError } from './errors';

/** Build-time configuration of the add-in's Microsoft Entra app (webpack DefinePlugin; empty when not configured). */
export interface AuthConfig {
  clientId: string;
  /** The insights service's own API scope, e.g. api://<service app id>/access_as_user. */
  insightsScope: string;
}

/**
 * The only Microsoft Graph permission the add-in asks for: `/me`, `/organization` and `POST /me/checkMemberGroups` on
 * the signed-in user all need no more than User.Read (Microsoft Graph's permission tables for those calls).
 */
export const GRAPH_SCOPE = 'User.Read';

/** Every scope the add-in may ask a token for: User.Read and the insights service's own scope, nothing else. */
export function grantedScopes(config: AuthConfig): string[] {
  return [GRAPH_SCOPE, config.insightsScope];
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
      } catch {
        throw new ServiceError('unauthorized', 'Sign-in was cancelled or failed.');
      }
    }
  };
}

/**
 * How the pane gets its tokens in this Outlook: nested app authentication where Outlook supports NestedAppAuth 1.1,
 * otherwise Microsoft's documented fallback, MSAL in an Office dialog (`dialogFallback`). Either way only the granted
 * scopes, and every failure is the same `unauthorized` ServiceError the card shows.
 */
export function createAddinAuth(
  config: AuthConfig,
  options: { nestedAppAuthSupported: boolean; dialogFallback?: ScopedTokenSource },
): ScopedTokenSource {
  if (!config.clientId || !config.insightsScope)
    return () => Promise.reject(new ServiceError('unauthorized', 'The add-in has no Microsoft Entra app configured.'));
  const source = options.nestedAppAuthSupported ? createNestedAppAuth(config.clientId) : options.dialogFallback;
  if (!source)
    return () =>
      Promise.reject(
        new ServiceError('unauthorized', 'This version of Outlook supports neither nested app authentication nor the sign-in dialog.'),
      );
  return limitedToGrantedScopes(config, source);
}

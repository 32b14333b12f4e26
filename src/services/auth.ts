import { ServiceError } from './errors';

/** Build-time configuration of the add-in's Microsoft Entra app (webpack DefinePlugin; empty when not configured). */
export interface AuthConfig {
  clientId: string;
  /** The insights service's own API scope, e.g. api://<service app id>/access_as_user. */
  insightsScope: string;
}

/**
 * Gets an access token for the given scopes. `forceRefresh`: the cached token was refused (401), so MSAL must get a
 * new one silently instead of handing the same one back.
 */
export type ScopedTokenSource = (scopes: string[], options?: { forceRefresh?: boolean }) => Promise<string>;

/**
 * Tokens through MSAL nested app authentication (Outlook supplies the user's identity): acquireTokenSilent first,
 * acquireTokenPopup only when MSAL says interaction is required. MSAL is loaded on first use, so the pane paints
 * without it. Without NestedAppAuth 1.1 or a configured app, every call fails as unauthorized, and the card says so.
 */
export function createNestedAppAuth(clientId: string, nestedAppAuthSupported: boolean): ScopedTokenSource {
  let app: Promise<import('@azure/msal-browser').IPublicClientApplication> | undefined;
  return async (scopes, options) => {
    if (!nestedAppAuthSupported)
      throw new ServiceError('unauthorized', 'This version of Outlook does not support nested app authentication (NestedAppAuth 1.1).');
    if (!clientId || scopes.some((scope) => !scope))
      throw new ServiceError('unauthorized', 'The add-in has no Microsoft Entra app configured.');
    const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
    app ??= msal.createNestablePublicClientApplication({ auth: { clientId, authority: 'https://login.microsoftonline.com/common' } });
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

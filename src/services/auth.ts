import { ServiceError } from './errors';
import type { TokenProvider } from './insightsClient';

/** Build-time configuration of the add-in's Microsoft Entra app (webpack DefinePlugin; empty when not configured). */
export interface AuthConfig {
  clientId: string;
  /** The insights service's own API scope, e.g. api://<service app id>/access_as_user. */
  insightsScope: string;
}

/**
 * Tokens through MSAL nested app authentication (Outlook supplies the user's identity): acquireTokenSilent first,
 * acquireTokenPopup only when MSAL says interaction is required. MSAL is loaded on first use, so the pane paints
 * without it. Without NestedAppAuth 1.1 or a configured app, every call fails as unauthorized, and the card says so.
 */
export function createNestedAppAuthTokenProvider(config: AuthConfig, nestedAppAuthSupported: boolean): TokenProvider {
  let app: Promise<import('@azure/msal-browser').IPublicClientApplication> | undefined;
  return async () => {
    if (!nestedAppAuthSupported) throw new ServiceError('unauthorized', 'This version of Outlook does not support nested app authentication (NestedAppAuth 1.1).');
    if (!config.clientId || !config.insightsScope) throw new ServiceError('unauthorized', 'The add-in has no Microsoft Entra app configured.');
    const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
    app ??= msal.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: 'https://login.microsoftonline.com/common' } });
    const client = await app;
    const request = { scopes: [config.insightsScope] };
    try {
      return (await client.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw new ServiceError('unauthorized', 'Signing in to the insights service failed.');
      try {
        return (await client.acquireTokenPopup(request)).accessToken;
      } catch {
        throw new ServiceError('unauthorized', 'Sign-in was cancelled or failed.');
      }
    }
  };
}

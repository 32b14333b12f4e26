import type { ClientSupport } from '../office/boot';
import type { AuthConfig, ScopedTokenSource } from '../services/auth';

/**
 * MSAL nested app authentication for the whole pane, made by its first script so the first lookup can leave before
 * the pane's chunk has loaded: MSAL and the sign-in code load on first use, in their own chunk ("msal"). The pane's
 * services use this same source (productionDependencies: one MSAL instance, one token cache), limited to the granted
 * scopes as createAddinAuth limits any other.
 */
export function lazyNestedAppAuth(config: AuthConfig): ScopedTokenSource {
  let source: Promise<ScopedTokenSource> | undefined;
  return async (scopes, options) => {
    source ??= import(/* webpackChunkName: "msal" */ '../services/auth').then((auth) =>
      auth.limitedToGrantedScopes(config, auth.createNestedAppAuth(config.clientId)),
    );
    return (await source)(scopes, options);
  };
}

/**
 * The insights service's token for the first lookup the first script sends: from nested app authentication where this
 * Outlook has it and the add-in's Entra app is configured; none otherwise (the dialog fallback may need the user, so
 * the pane's own first lookup asks for it as before).
 */
export function firstLookupToken(
  config: AuthConfig,
  support: ClientSupport,
  nestedAppAuth: ScopedTokenSource,
): (() => Promise<string>) | undefined {
  if (!support.nestedAppAuth || !config.clientId || !config.insightsScope) return undefined;
  return () => nestedAppAuth([config.insightsScope]);
}

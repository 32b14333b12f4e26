import type { OfficeHost } from '../office';
import type { ClientSupport } from '../office/boot';
import { officeSignInDialog, retryOnceWhenStillOpen } from '../office/signInDialog';
import { CALENDAR_SCOPE, createAddinAuth, signInScopes, type AuthConfig, type ScopedTokenSource } from '../services/auth';
import { createDialogAuth } from '../services/dialogAuth';
import { createGraphClient } from '../services/graphClient';
import { createInsightsClient, insightsBaseUrl } from '../services/insightsClient';
import { deviceStatementOf } from './deviceStatement';
import { loadPolicyFile } from '../services/policyFile';
import { detectEnvironmentOf } from './detectEnvironment';
import type { PaneDependencies } from './pane/dependencies';
import type { EarlyHandOver } from './pane/earlyStart';

/**
 * Wires the pane to Outlook and the network: the policy file beside the pane, the tenant's OpenID configuration (its
 * cloud) and Microsoft Graph (User.Read) for what the policy file leaves out, today's calendar through Graph
 * (Calendars.ReadBasic, only when Today reads it), and the insights service. Tokens
 * come from MSAL nested app authentication where Outlook has NestedAppAuth 1.1, otherwise from MSAL in an Office dialog
 * (Microsoft's fallback). Without DialogOrigin 1.1 no dialog answer can be verified: neither that fallback nor
 * connecting LinkedIn is offered, and the pane says why.
 * Consent comes from the user's roaming settings and is reconciled with the insights service.
 * `early`: what the pane's first script sent (earlyStart.ts), each given once — the policy file's request for the
 * pane's first read of the file while the first script has not settled the policy itself (any later read asks again),
 * and the first lookup for the insights client's same request; `nestedAppAuth`: the first script's MSAL source
 * (paneTokens.ts), the one the first lookup's token came from. `insightsToken`: a fixed token in place of MSAL, for
 * the benchmark page only (it runs outside Outlook).
 */
export function productionDependencies(
  host: OfficeHost,
  auth: AuthConfig,
  support: ClientSupport,
  early: Partial<EarlyHandOver> & { nestedAppAuth?: ScopedTokenSource; insightsToken?: () => Promise<string> } = {},
): PaneDependencies {
  const { takePolicyRequest, takeLookup, nestedAppAuth, insightsToken } = early;
  const dialog = support.dialogOrigin ? officeSignInDialog() : undefined;
  const dialogFallback = dialog
    ? createDialogAuth({
        dialog: retryOnceWhenStillOpen(dialog),
        pageUrl: host.baseUrl,
        scopes: signInScopes(auth),
        laterScopes: [CALENDAR_SCOPE],
      })
    : undefined;
  const tokens = createAddinAuth(auth, { nestedAppAuthSupported: support.nestedAppAuth, dialogFallback, nestedAppAuth });
  // Without any way to sign in there is no Graph: membership stays unknown, and its reason says the check failed.
  const graph = support.nestedAppAuth || dialogFallback ? createGraphClient(tokens) : null;
  return {
    host,
    loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal, takePolicyRequest?.()),
    detectEnvironment: (policy, user, signal) =>
      detectEnvironmentOf({ graph, cloud: { storage: host.localStore, partitionKey: host.partitionKey } }, policy, user, signal),
    signInDialog: dialog,
    signInUnavailable: dialog ? undefined : 'noDialogOrigin',
    indexedDB: typeof indexedDB === 'undefined' ? undefined : indexedDB,
    insights: createInsightsClient(insightsBaseUrl(host.baseUrl), insightsToken ?? ((options) => tokens([auth.insightsScope], options)), {
      device: deviceStatementOf(host),
      takeSentLookup: takeLookup,
    }),
    cacheStorage: host.localStore,
    partitionKey: host.partitionKey,
    // Today's calendar, through the same sign-in (Calendars.ReadBasic, asked for only when Today reads it).
    ...(graph ? { calendar: (start: number, end: number, signal: AbortSignal) => graph.calendarView(start, end, signal) } : {}),
  };
}

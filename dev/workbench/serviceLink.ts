import {
  WORKBENCH_API,
  workbenchConnectionAnswerSchema,
  workbenchControlsAppliedSchema,
  workbenchTokenSchema,
  type WorkbenchConnectionAnswer,
  type WorkbenchControls,
} from '../workbenchControls';
import { requestJson } from '../../src/services/http';
import { NOT_GRANTED, type ScopedTokenSource } from '../../src/services/auth';
import { isServiceError, ServiceError } from '../../src/services/errors';
import type { Scenario } from './scenario';

/**
 * The workbench's side of the development service (dev/service/): it tells the service what the controls say, asks it
 * for the workbench user's token (the local Entra issuer in MSAL's place) and for the tenant's OpenID configuration.
 * Every answer is parsed, as every payload is.
 */
export const workbenchServiceUrl = (path: string): string => new URL(`${WORKBENCH_API}/${path}`, window.location.origin).toString();

export function controlsOf(scenario: Scenario): WorkbenchControls {
  return {
    policyText: scenario.policyText,
    cloud: scenario.cloud,
    mailboxGeo: scenario.mailboxGeo,
    tenantCountry: scenario.tenantCountry,
    groupMembership: scenario.groupMembership,
    latencyMs: Number(scenario.latencyMs) || 0,
    faults: { lookup: scenario.lookupFault, insights: scenario.insightsFault, calendar: scenario.calendarFault },
    calendarPermission: scenario.calendarPermission,
  };
}

/**
 * Tells the service the controls; with `connection`, also makes it hold the connection the Consent control states,
 * and answers what it holds (null when not asked).
 */
export async function tellService(scenario: Scenario, connection: boolean): Promise<WorkbenchConnectionAnswer | null> {
  await requestJson({
    url: workbenchServiceUrl('controls'),
    method: 'POST',
    body: controlsOf(scenario),
    schema: workbenchControlsAppliedSchema,
  });
  // 'unknown' is an unreadable record on this device: the service keeps whatever it holds.
  if (connection && scenario.consent !== 'unknown') {
    return requestJson({
      url: workbenchServiceUrl('connection'),
      method: 'POST',
      body: { consent: scenario.consent },
      schema: workbenchConnectionAnswerSchema,
    });
  }
  return null;
}

const TOKEN_REUSE_MS = 30 * 60 * 1000;

type TokenScope = 'service' | 'User.Read' | 'Calendars.ReadBasic';

/** A token from the local Entra issuer for `scope`; a permission the admin did not grant fails as MSAL's would. */
function askToken(scope: TokenScope): Promise<string> {
  return requestJson({
    url: workbenchServiceUrl('token'),
    method: 'POST',
    ...(scope === 'service' ? {} : { body: { scope } }),
    schema: workbenchTokenSchema,
  }).then(
    (answer) => answer.accessToken,
    (error: unknown) => {
      if (isServiceError(error) && error.status === 403)
        throw new ServiceError('unauthorized', 'The admin has not granted this permission.', { code: NOT_GRANTED });
      throw error;
    },
  );
}

/** Tokens per scope, each reused for half an hour as MSAL caches them (never after a refusal: forceRefresh). */
function tokenCache(): (scope: TokenScope, forceRefresh?: boolean) => Promise<string> {
  const cached = new Map<TokenScope, { token: Promise<string>; at: number }>();
  return (scope, forceRefresh = false) => {
    const held = cached.get(scope);
    if (held && !forceRefresh && Date.now() - held.at <= TOKEN_REUSE_MS) return held.token;
    const token = askToken(scope);
    cached.set(scope, { token, at: Date.now() });
    token.catch(() => cached.delete(scope));
    return token;
  };
}

/** The workbench user's access token for the service, from the local Entra issuer (MSAL's place). */
export function workbenchTokens(): () => Promise<string> {
  const tokens = tokenCache();
  return () => tokens('service');
}

/** The workbench user's tokens for Microsoft Graph (the Graph stand-in), one permission at a time, as the pane asks. */
export function workbenchGraphTokens(): ScopedTokenSource {
  const tokens = tokenCache();
  return (scopes, options) => {
    const [scope] = scopes;
    if (scopes.length !== 1 || (scope !== 'User.Read' && scope !== 'Calendars.ReadBasic'))
      return Promise.reject(new ServiceError('unauthorized', `The add-in does not ask for the permission ${scopes.join(' ')}.`));
    return tokens(scope, options?.forceRefresh === true);
  };
}

/** Where the development service's Microsoft Graph stand-in answers (dev/service/graphStandIn.ts). */
export const workbenchGraphBase = (): string => workbenchServiceUrl('graph/v1.0/');

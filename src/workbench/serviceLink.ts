import {
  WORKBENCH_API,
  workbenchConnectionAnswerSchema,
  workbenchControlsAppliedSchema,
  workbenchTokenSchema,
  type WorkbenchControls,
} from '../contract/workbenchControls';
import { requestJson } from '../services/http';
import type { Scenario } from './scenario';

/**
 * The workbench's side of the development service (server/dev/): it tells the service what the controls say, asks it
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
    faults: { lookup: scenario.lookupFault, insights: scenario.insightsFault },
  };
}

/** Tells the service the controls; with `connection`, also makes it hold the connection the Consent control states. */
export async function tellService(scenario: Scenario, connection: boolean): Promise<void> {
  await requestJson({
    url: workbenchServiceUrl('controls'),
    method: 'POST',
    body: controlsOf(scenario),
    schema: workbenchControlsAppliedSchema,
  });
  // 'unknown' is an unreadable record on this device: the service keeps whatever it holds.
  if (connection && scenario.consent !== 'unknown') {
    await requestJson({
      url: workbenchServiceUrl('connection'),
      method: 'POST',
      body: { consent: scenario.consent },
      schema: workbenchConnectionAnswerSchema,
    });
  }
}

const TOKEN_REUSE_MS = 30 * 60 * 1000;

/** The workbench user's access token for the service, from the local Entra issuer; reused for half an hour, as MSAL caches. */
export function workbenchTokens(): () => Promise<string> {
  let cached: { token: Promise<string>; at: number } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > TOKEN_REUSE_MS) {
      const token = requestJson({ url: workbenchServiceUrl('token'), method: 'POST', schema: workbenchTokenSchema }).then(
        (a) => a.accessToken,
      );
      cached = { token, at: Date.now() };
      token.catch(() => {
        cached = undefined;
      });
    }
    return cached.token;
  };
}

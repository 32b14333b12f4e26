import type { WorkbenchControls } from '../workbenchControls';
import type { PolicyFileListener } from '../../server/rules/policyFileSource';
import { policyTextSource } from '../../server/rules/policyFileSource';
import { createServiceRules, type ServiceRules } from '../../server/rules/serviceRules';

/**
 * Development mode only: the workbench's controls as the service last heard them, and the rules the service enforces
 * under them — the same rules as in production (server/rules/serviceRules.ts), over the workbench's policy text as
 * the file, with what the controls say Microsoft 365 reports as the service's detection. The policy text's own
 * statements win over those, by the one assembly both the pane and the service use. One workbench at a time: the last
 * tab to send its controls sets them.
 */
export const STARTING_POLICY_TEXT = JSON.stringify({ version: 1, linkedInAccountConnections: 'yes' }, null, 2);

export const STARTING_CONTROLS: WorkbenchControls = {
  policyText: STARTING_POLICY_TEXT,
  cloud: 'worldwide',
  mailboxGeo: 'NAM',
  tenantCountry: 'US',
  groupMembership: 'member',
  latencyMs: 0,
  faults: { lookup: 'none', insights: 'none', calendar: 'none' },
  calendarPermission: 'granted',
};

const known = <T extends string>(value: T): Exclude<T, 'unknown'> | undefined =>
  value === 'unknown' ? undefined : (value as Exclude<T, 'unknown'>);

export interface WorkbenchSettings {
  controls: () => WorkbenchControls;
  set: (controls: WorkbenchControls) => void;
  /** The rules as the controls set them now (every call reads the current controls). */
  rules: ServiceRules;
}

export function createWorkbenchSettings(
  initial: WorkbenchControls = STARTING_CONTROLS,
  onPolicyChange?: PolicyFileListener,
): WorkbenchSettings {
  let controls = initial;
  const file = policyTextSource(() => controls.policyText, onPolicyChange);
  return {
    controls: () => controls,
    set(next) {
      controls = next;
    },
    rules: createServiceRules(file, () => ({
      cloud: known(controls.cloud),
      mailboxGeo: known(controls.mailboxGeo),
      tenantCountry: known(controls.tenantCountry),
    })),
  };
}

/** Who the workbench's viewer is to the local Entra issuer: the tokens the workbench mints carry it. */
export interface WorkbenchIdentity {
  tenantId: string;
  objectId: string;
  /** The service's application id: the audience of the tokens. */
  appId: string;
}

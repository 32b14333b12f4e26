import { adminPolicyFromFile, DEFAULT_ADMIN_POLICY, policyFileSchema, type AdminPolicy } from '../../src/contract/policyFile';
import type { WorkbenchControls } from '../../src/contract/workbenchControls';
import type { Cloud } from '../config';
import { createServerPolicy, type ServerPolicy } from '../rules/serverPolicy';

/**
 * Development mode only: the workbench's controls as the service last heard them, and the rules the service enforces
 * under them — the workbench's policy file and what its controls say Microsoft 365 reports, exactly as the pane sees
 * them (a value the policy file states wins over a detected one, as in the pane). One workbench at a time: the last
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
  faults: { lookup: 'none', insights: 'none' },
};

/** A file the pane would refuse (not JSON, or not the schema) leaves the service refusing too: LinkedIn connections off. */
const REFUSE_ALL: AdminPolicy = { ...DEFAULT_ADMIN_POLICY, tenantMode: 'no' };

export function adminPolicyOfText(text: string | null): AdminPolicy {
  if (text === null) return DEFAULT_ADMIN_POLICY;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return REFUSE_ALL;
  }
  const parsed = policyFileSchema.safeParse(raw);
  return parsed.success ? adminPolicyFromFile(parsed.data) : REFUSE_ALL;
}

const known = <T extends string>(value: T): Exclude<T, 'unknown'> | undefined =>
  value === 'unknown' ? undefined : (value as Exclude<T, 'unknown'>);

export interface WorkbenchSettings {
  controls: () => WorkbenchControls;
  set: (controls: WorkbenchControls) => void;
  /** The rules as the controls set them now (a ServerPolicy whose every call reads the current controls). */
  policy: ServerPolicy;
}

export function createWorkbenchSettings(initial: WorkbenchControls = STARTING_CONTROLS): WorkbenchSettings {
  let controls = initial;
  let rules = rulesFor(controls);
  return {
    controls: () => controls,
    set(next) {
      controls = next;
      rules = rulesFor(next);
    },
    policy: {
      get admin() {
        return rules.admin;
      },
      decide: (user, consent, visibility) => rules.decide(user, consent, visibility),
    },
  };
}

function rulesFor(controls: WorkbenchControls): ServerPolicy {
  const admin = adminPolicyOfText(controls.policyText);
  return createServerPolicy(admin, {
    cloud: known<Cloud | 'unknown'>(admin.environment.cloud ?? controls.cloud),
    mailboxGeo: admin.environment.mailboxGeo ?? known(controls.mailboxGeo),
    tenantCountry: admin.environment.tenantCountry ?? known(controls.tenantCountry),
  });
}

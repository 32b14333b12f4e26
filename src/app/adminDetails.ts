import type { PolicyFileProblem } from '../contract/policyFile';
import type { OfficeThemeKind } from '../office/types';
import type { Consent, GroupMembership, ViewerDevice } from '../policy';
import { PLACEHOLDER_USER, policyTextWithProblem } from './policyProblemFile';
import type { ViewerInput } from './viewer';

export { PLACEHOLDER_USER };

/**
 * "Copy details for your admin": a workbench link that reproduces what this user sees and why. It carries every input
 * the decision used (cloud, mailbox location, tenant country, membership, platform, the policy file's rules, the
 * device option, consent) and how the pane looked (theme, language), and nothing personal: no name, address, tenant,
 * user or group id, no token. The admin opens it in their workbench (`npm start`) and gets the same decision and reasons.
 *
 * The parameter names are the workbench's (dev/workbench/scenario.ts); test/app/adminDetails.test.ts opens generated
 * links through the workbench's own reader and fails if the two drift.
 */

/** Where `npm start` serves the workbench on the admin's machine. */
export const WORKBENCH_URL = 'http://localhost:3000/';

/**
 * The group id written into a reproduced "selected" policy: a placeholder, never the tenant's group. Membership is
 * carried by the `membership` parameter, as the group check answered for this user.
 */
export const PLACEHOLDER_GROUP_ID = '00000000-0000-0000-0000-000000000000';

export interface PaneLook {
  theme: OfficeThemeKind;
  /** The pane's language (en-US, de-DE, ar-SA). */
  language: string;
}

/** The policy file that gives the workbench these rules: the mode, the Office policies, availability, the environment. */
function reproducedPolicy(viewer: ViewerInput): Record<string, unknown> {
  const policy: Record<string, unknown> = { version: 1 };
  if (viewer.tenantMode !== 'unset') policy.linkedInAccountConnections = viewer.tenantMode;
  if (viewer.tenantMode === 'selected') {
    if (viewer.membership === 'unverifiable') policy.selectedUsers = [PLACEHOLDER_USER];
    else policy.selectedGroupId = PLACEHOLDER_GROUP_ID;
  }
  const officePolicy = Object.fromEntries(Object.entries(viewer.officePolicy).filter(([, state]) => state !== 'notConfigured'));
  if (Object.keys(officePolicy).length > 0) policy.officePolicy = officePolicy;
  // Known environment values are stated in the file (the workbench then uses them whatever it would detect);
  // an unknown one is left to the workbench's controls, set to unknown below.
  const environment: Record<string, string> = {};
  if (viewer.cloud !== 'unknown') environment.cloud = viewer.cloud;
  if (viewer.mailboxGeo !== 'unknown') environment.mailboxGeo = viewer.mailboxGeo;
  if (viewer.tenantCountry !== 'unknown') environment.tenantCountry = viewer.tenantCountry;
  if (Object.keys(environment).length > 0) policy.environment = environment;
  if (viewer.availability) policy.availability = viewer.availability;
  return policy;
}

/**
 * What the link reproduces: the rules as the pane read them (the viewer's inputs, with what the group check answered,
 * which is what the workbench's membership control sets), or — when the policy file can't be used — this device, the
 * consent and a file with the same first problem (null: one the link cannot hold, e.g. a file that could not be read).
 */
export type AdminDetailsSubject =
  | { rules: 'read'; viewer: ViewerInput; groupMembership: GroupMembership }
  | { rules: 'unusable'; problem: PolicyFileProblem | null; device: ViewerDevice & { consent: Consent } };

/** The workbench query string for this subject and look. */
export function adminDetailsSearch(subject: AdminDetailsSubject, look: PaneLook): string {
  const params = new URLSearchParams();
  if (subject.rules === 'read') {
    const { viewer } = subject;
    if (viewer.cloud === 'unknown') params.set('cloud', 'unknown');
    if (viewer.mailboxGeo === 'unknown') params.set('geo', 'unknown');
    if (viewer.tenantCountry === 'unknown') params.set('country', 'unknown');
    params.set('membership', subject.groupMembership);
  }
  const device = subject.rules === 'read' ? subject.viewer : subject.device;
  params.set('platform', device.platform);
  params.set('option', device.userOption ? '1' : '0');
  params.set('consent', device.consent);
  params.set('theme', look.theme);
  params.set('lang', look.language);
  const policy =
    subject.rules === 'read' ? JSON.stringify(reproducedPolicy(subject.viewer)) : subject.problem && policyTextWithProblem(subject.problem);
  if (policy) params.set('policy', policy);
  return `?${params.toString()}`;
}

/** The link an admin opens in their workbench. */
export function adminDetailsLink(subject: AdminDetailsSubject, look: PaneLook): string {
  return `${WORKBENCH_URL}${adminDetailsSearch(subject, look)}`;
}

/**
 * The words of the rules, each list written once: the types below are derived from them, and every schema, form and
 * check elsewhere (the policy file's schema, the workbench's controls, the service's settings, the pane's detection)
 * is built from these lists, never restated.
 */

/** The Microsoft clouds a tenant can be in. */
export const KNOWN_CLOUDS = ['worldwide', 'gcc', 'gccHigh', 'dod', 'china', 'germany'] as const;
/** A cloud, or 'unknown' when it could not be detected. */
export const CLOUDS = [...KNOWN_CLOUDS, 'unknown'] as const;
export type KnownCloud = (typeof KNOWN_CLOUDS)[number];
export type Cloud = (typeof CLOUDS)[number];

/** The states of an Office policy (Group Policy or Cloud Policy). */
export const POLICY_STATES = ['enabled', 'disabled', 'notConfigured'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];

/** "LinkedIn account connections", as the admin sets it (Microsoft Entra's Yes / Selected group / No). */
export const STATED_TENANT_MODES = ['yes', 'selected', 'no'] as const;
/** The organisation mode the rules see: one the admin set, or 'unset'. */
export const TENANT_MODES = [...STATED_TENANT_MODES, 'unset'] as const;
export type TenantMode = (typeof TENANT_MODES)[number];

/** What a group check can answer: in the group, not in it, or it could not be checked. */
export const GROUP_MEMBERSHIPS = ['member', 'notMember', 'unknown'] as const;
export type GroupMembership = (typeof GROUP_MEMBERSHIPS)[number];
/**
 * The viewer's membership for mode "selected": a group's answer, or 'unverifiable' when the pilot is only a legacy
 * list of users, which nothing can check securely (see membershipOf in inputs.ts).
 */
export const MEMBERSHIPS = [...GROUP_MEMBERSHIPS, 'unverifiable'] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

/** Where Outlook runs. The desktop ones (windows, mac, and anything unrecognised) apply the Office policies. */
export const PLATFORMS = ['windows', 'mac', 'web', 'ios', 'android', 'unknown'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The user's choice when connecting LinkedIn. */
export const GIVEN_CONSENTS = ['linkedInToMicrosoft', 'twoWay'] as const;
export type GivenConsent = (typeof GIVEN_CONSENTS)[number];
/** The consent the rules see: a given one, none, or 'unknown' (a record this version cannot read; counts as none). */
export const CONSENTS = ['none', ...GIVEN_CONSENTS, 'unknown'] as const;
export type Consent = (typeof CONSENTS)[number];

/** Whether a consent lets connected insights be shown: only the two known choices count (anything else is none). */
export function isConsentGiven(consent: unknown): consent is GivenConsent {
  return consent === 'linkedInToMicrosoft' || consent === 'twoWay';
}

/** Whether `value` is one of `list` (for values from outside: storage, the network, settings). */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

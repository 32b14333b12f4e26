import { KNOWN_CLOUDS, POLICY_STATES, STATED_TENANT_MODES, isOneOf, type AdminPolicy } from '../policy';

/**
 * The policy file's check as the pane's first script runs it, without zod (which loads with the rest of the pane):
 * the same rules as policyFileSchema in policyFile.ts, written out by hand, and the same AdminPolicy for a valid file
 * (test/contract/policyFileQuickCheck.test.ts holds the two together on generated files). It says only whether the
 * file is valid: the problem of an invalid one is said by the full check, once the rest of the pane has loaded.
 * For parsed JSON (what a file can hold).
 */
export function quickCheckPolicyFile(data: unknown): AdminPolicy | null {
  if (!isRecord(data) || !onlyKnownFields(data, FILE_FIELDS)) return null;
  const { $schema, version, linkedInAccountConnections: mode, selectedGroupId, selectedUsers } = data;
  if ($schema !== undefined && typeof $schema !== 'string') return null;
  if (version !== undefined && version !== 1) return null;
  if (mode !== undefined && !isOneOf(STATED_TENANT_MODES, mode)) return null;
  if (selectedGroupId !== undefined && !(typeof selectedGroupId === 'string' && GROUP_ID.test(selectedGroupId))) return null;
  const users = selectedUsers === undefined ? [] : listOf(selectedUsers, 10000, userAddress);
  const officePolicy = sectionOf(data.officePolicy, OFFICE_FIELDS, (value) => (isOneOf(POLICY_STATES, value) ? value : null));
  const environment = environmentOf(data.environment);
  const availability = availabilityOf(data.availability);
  if (!users || !officePolicy || !environment || availability === null) return null;
  if (mode === 'selected' && !selectedGroupId && users.length === 0) return null;
  return {
    tenantMode: mode ?? 'unset',
    selectedGroupId,
    selectedUsers: users,
    officePolicy: {
      showLinkedInFeatures: officePolicy.showLinkedInFeatures ?? 'notConfigured',
      connectedExperiences: officePolicy.connectedExperiences ?? 'notConfigured',
      optionalConnectedExperiences: officePolicy.optionalConnectedExperiences ?? 'notConfigured',
    },
    environment,
    availability,
  };
}

const FILE_FIELDS = [
  '$schema',
  'version',
  'linkedInAccountConnections',
  'selectedGroupId',
  'selectedUsers',
  'officePolicy',
  'environment',
  'availability',
];
const OFFICE_FIELDS = ['showLinkedInFeatures', 'connectedExperiences', 'optionalConnectedExperiences'] as const;
const GROUP_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const USER_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strict, as the schema is: a field it does not name makes the file invalid. */
function onlyKnownFields(value: Record<string, unknown>, fields: readonly string[]): boolean {
  return Object.keys(value).every((key) => fields.includes(key));
}

/** An optional object of optional fields, each checked by `check`: its values, {} when absent, null when invalid. */
function sectionOf<K extends string, T>(
  value: unknown,
  fields: readonly K[],
  check: (value: unknown, field: K) => T | null,
): Partial<Record<K, T>> | null {
  if (value === undefined) return {};
  if (!isRecord(value) || !onlyKnownFields(value, fields)) return null;
  const checked: Partial<Record<K, T>> = {};
  for (const field of fields) {
    if (value[field] === undefined) continue;
    const one = check(value[field], field);
    if (one === null) return null;
    checked[field] = one;
  }
  return checked;
}

function listOf<T>(value: unknown, max: number, item: (value: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const items: T[] = [];
  for (const one of value) {
    const checked = item(one);
    if (checked === null) return null;
    items.push(checked);
  }
  return items.length <= max ? items : null;
}

const codeOf =
  (letters: number) =>
  (value: unknown): string | null =>
    typeof value === 'string' && new RegExp(`^[A-Za-z]{${letters}}$`).test(value) ? value.toUpperCase() : null;
const geoCode = codeOf(3);
const countryCode = codeOf(2);

function userAddress(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 320 && USER_ADDRESS.test(value) ? value.toLowerCase() : null;
}

function environmentOf(value: unknown): AdminPolicy['environment'] | null {
  return sectionOf(value, ['cloud', 'mailboxGeo', 'tenantCountry'] as const, (one, field) => {
    if (field === 'cloud') return isOneOf(KNOWN_CLOUDS, one) ? one : null;
    return field === 'mailboxGeo' ? geoCode(one) : countryCode(one);
  }) as AdminPolicy['environment'] | null;
}

/** The file's availability: undefined when absent (the defaults apply), null when invalid. */
function availabilityOf(value: unknown): AdminPolicy['availability'] | null {
  if (value === undefined) return undefined;
  return sectionOf(value, ['excludedClouds', 'excludedMailboxGeos'] as const, (one, field) =>
    field === 'excludedClouds' ? listOf(one, 10, (cloud) => (isOneOf(KNOWN_CLOUDS, cloud) ? cloud : null)) : listOf(one, 300, geoCode),
  ) as AdminPolicy['availability'] | null;
}

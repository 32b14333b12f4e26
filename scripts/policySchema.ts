import { toJSONSchema } from 'zod/mini';
import { policyFileSchema } from '../src/contract/policyFile';

/**
 * policy/linkedin-policy.schema.json, the policy file's contract for editors and admins' tools, generated from the
 * zod schema the add-in and the service validate the file with (src/contract/policyFile.ts), so the two cannot drift.
 * `npm run build` writes it (scripts/build-policy-schema.ts); a test regenerates it and compares it byte for byte.
 */
export const POLICY_SCHEMA_FILE = 'policy/linkedin-policy.schema.json';

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema> };

const ABOUT = {
  $id: 'linkedin-policy.schema.json',
  title: 'LinkedIn profile card for Outlook: admin policy file (linkedin-policy.json)',
  description:
    'Served beside taskpane.html. Every field is optional; a missing file means the documented defaults. Unknown fields are errors.',
};

/** What an admin reads in their editor beside each field (the zod schema carries no prose: the pane does not ship it). */
const FIELD_DESCRIPTIONS: Record<string, string> = {
  version: 'Format version of this file. Only 1 exists.',
  linkedInAccountConnections:
    'The organisation mode, as set in Microsoft Entra admin center > User settings > LinkedIn account connections. Omitted: not set (on, except tenants provisioned in DE or FR; nothing while the country is unknown).',
  selectedGroupId: 'Object id of the Microsoft Entra group allowed to use LinkedIn features when the mode is "selected".',
  selectedUsers: 'Legacy list of users (e-mail address or UPN) allowed when the mode is "selected".',
  officePolicy:
    'Mirror of the Office Group Policy settings for desktop Outlook (Windows, Mac). Add-ins cannot read the registry, so the admin states them here. Never applied to Outlook on the web or mobile.',
  'officePolicy.showLinkedInFeatures': 'Show LinkedIn features in Office applications.',
  'officePolicy.connectedExperiences': 'Allow the use of connected experiences in Office.',
  'officePolicy.optionalConnectedExperiences': 'Allow the use of additional optional connected experiences in Office.',
  environment: 'Overrides for what the add-in otherwise detects through Microsoft Graph.',
  'environment.cloud': 'Microsoft cloud the tenant lives in.',
  'environment.mailboxGeo': 'Microsoft 365 data location of the mailboxes, e.g. NAM, EUR.',
  'environment.tenantCountry': 'ISO 3166 alpha-2 country the tenant was provisioned in.',
  availability: 'Replaces the built-in availability table. Each list given replaces its built-in counterpart; an omitted one keeps it.',
  'availability.excludedClouds': 'Clouds where LinkedIn features are not available.',
  'availability.excludedMailboxGeos': 'Mailbox data locations where LinkedIn features are not available.',
};

/**
 * The one rule zod checks in code rather than in shape (the superRefine in policyFile.ts): mode "selected" names a
 * group or at least one user. Stated for editors here; the ajv test in test/services/policyFile.test.ts holds the two
 * to the same answers.
 */
const SELECTED_NEEDS_GROUP_OR_USERS = {
  if: { properties: { linkedInAccountConnections: { const: 'selected' } }, required: ['linkedInAccountConnections'] },
  then: {
    anyOf: [{ required: ['selectedGroupId'] }, { required: ['selectedUsers'], properties: { selectedUsers: { minItems: 1 } } }],
  },
};

function fieldAt(schema: JsonSchema, path: string): JsonSchema {
  let field = schema;
  for (const name of path.split('.')) {
    const next = field.properties?.[name];
    if (!next) throw new Error(`${POLICY_SCHEMA_FILE}: a description names "${path}", which the zod schema does not have`);
    field = next;
  }
  return field;
}

/** The JSON Schema, as an object (draft-07, the input side: what an admin writes, before codes are upper-cased). */
export function policyJsonSchema(): JsonSchema {
  const generated = toJSONSchema(policyFileSchema, { target: 'draft-07', io: 'input' }) as JsonSchema;
  for (const [path, description] of Object.entries(FIELD_DESCRIPTIONS)) {
    const field = fieldAt(generated, path);
    const rest = { ...field };
    for (const key of Object.keys(field)) delete field[key];
    Object.assign(field, { description }, rest);
  }
  const { $schema, ...shape } = generated;
  return { $schema, ...ABOUT, ...shape, ...SELECTED_NEEDS_GROUP_OR_USERS };
}

/** The file's bytes: two-space JSON and a final newline, the same on every run and every machine. */
export function policySchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}

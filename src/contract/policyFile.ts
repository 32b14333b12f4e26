import * as z from './zod';
import { cleanText } from './text';
import { WHOLE_FILE, formatIssuePath } from './issuePath';
import { DEFAULT_ADMIN_POLICY, KNOWN_CLOUDS, POLICY_STATES, STATED_TENANT_MODES, type AdminPolicy } from '../policy';

/**
 * The admin's policy file (linkedin-policy.json, served beside taskpane.html).
 * Strict: an unknown or misspelt field is an error, so an admin's typo never silently means "default".
 * policy/linkedin-policy.schema.json is the same contract as a JSON Schema for editors; a test keeps them in step.
 */
const policyState = z.enum(POLICY_STATES);
const knownCloud = z.enum(KNOWN_CLOUDS);
const upperCase = z.transform((s: string) => s.toUpperCase());
const geoCode = z.pipe(
  z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a 3-letter Microsoft 365 data location such as "NAM" or "EUR"')),
  upperCase,
);
const countryCode = z.pipe(
  z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be a 2-letter ISO 3166 country code such as "US" or "DE"')),
  upperCase,
);
const groupId = z
  .string()
  .check(
    z.regex(
      /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
      'must be a Microsoft Entra group object id (a GUID)',
    ),
  );
const userAddress = z.pipe(
  z.string().check(z.maxLength(320), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address or user principal name')),
  z.transform((s: string) => s.toLowerCase()),
);

export const policyFileSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    version: z.optional(z.literal(1)),
    linkedInAccountConnections: z.optional(z.enum(STATED_TENANT_MODES)),
    selectedGroupId: z.optional(groupId),
    selectedUsers: z.optional(z.array(userAddress).check(z.maxLength(10000))),
    officePolicy: z.optional(
      z.strictObject({
        showLinkedInFeatures: z.optional(policyState),
        connectedExperiences: z.optional(policyState),
        optionalConnectedExperiences: z.optional(policyState),
      }),
    ),
    environment: z.optional(
      z.strictObject({
        cloud: z.optional(knownCloud),
        mailboxGeo: z.optional(geoCode),
        tenantCountry: z.optional(countryCode),
      }),
    ),
    availability: z.optional(
      z.strictObject({
        excludedClouds: z.optional(z.array(knownCloud).check(z.maxLength(10))),
        excludedMailboxGeos: z.optional(z.array(geoCode).check(z.maxLength(300))),
      }),
    ),
  })
  .check(
    z.superRefine((file, ctx) => {
      if (file.linkedInAccountConnections === 'selected' && !file.selectedGroupId && !file.selectedUsers?.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['selectedGroupId'],
          message: 'mode "selected" needs a selectedGroupId or a non-empty selectedUsers list',
        });
      }
    }),
  );

export type PolicyFile = z.output<typeof policyFileSchema>;

export { DEFAULT_ADMIN_POLICY, type AdminPolicy };

export function adminPolicyFromFile(file: PolicyFile): AdminPolicy {
  return {
    tenantMode: file.linkedInAccountConnections ?? 'unset',
    selectedGroupId: file.selectedGroupId,
    selectedUsers: file.selectedUsers ?? [],
    officePolicy: { ...DEFAULT_ADMIN_POLICY.officePolicy, ...file.officePolicy },
    environment: { ...file.environment },
    availability: file.availability ? { ...file.availability } : undefined,
  };
}

/** One problem of a policy file: the field as written in the file ("officePolicy.showLinkedInFeatures") and what is wrong. */
export interface PolicyFileProblem {
  field: string;
  problem: string;
}

/** A policy file checked: what the rules work from, or every problem (the first is the one the pane shows). */
export type PolicyFileCheck =
  { status: 'valid'; policy: AdminPolicy } | ({ status: 'invalid'; problems: readonly PolicyFileProblem[] } & PolicyFileProblem);

/** A field from the file is shown verbatim, bounded, and cannot reorder the sentence it is put in. */
function problem(field: string, text: string): PolicyFileProblem {
  return { field: cleanText(field, 120) || '(a field with no visible name)', problem: cleanText(text, 200) };
}

function invalid(problems: PolicyFileProblem[]): PolicyFileCheck {
  const first = problems[0] ?? problem(WHOLE_FILE, 'has an unexpected shape');
  return { status: 'invalid', ...first, problems: problems.length > 0 ? problems : [first] };
}

/**
 * Checks parsed JSON that claims to be a policy file: the one check the pane and the service both run, so a file one
 * of them refuses the other refuses too. An unknown field is named itself (a typo is the likeliest cause).
 */
export function checkPolicyFile(data: unknown): PolicyFileCheck {
  const parsed = policyFileSchema.safeParse(data);
  if (parsed.success) return { status: 'valid', policy: adminPolicyFromFile(parsed.data) };
  return invalid(
    parsed.error.issues
      .slice(0, 20)
      .map((issue) =>
        issue.code === 'unrecognized_keys'
          ? problem(formatIssuePath([...issue.path, issue.keys[0] ?? '']), 'is not a known field')
          : problem(formatIssuePath(issue.path), issue.message),
      ),
  );
}

/** Checks the file's text as served: text that is not JSON is invalid as a whole. */
export function checkPolicyText(text: string): PolicyFileCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return invalid([problem(WHOLE_FILE, 'is not valid JSON')]);
  }
  return checkPolicyFile(data);
}

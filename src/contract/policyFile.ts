import * as z from './zod';
import { cleanText } from './text';
import { WHOLE_FILE, formatIssuePath } from './issuePath';
import { describePolicyIssue, formatMessage, formatOfMessage, type PolicyIssue } from './policyIssue';
import { DEFAULT_ADMIN_POLICY, KNOWN_CLOUDS, POLICY_STATES, STATED_TENANT_MODES, type AdminPolicy } from '../policy';

/**
 * The admin's policy file (linkedin-policy.json, served beside taskpane.html).
 * Strict: an unknown or misspelt field is an error, so an admin's typo never silently means "default".
 * policy/linkedin-policy.schema.json is the same contract as a JSON Schema for editors, generated from this schema
 * (scripts/policySchema.ts, run by `npm run build`); a test regenerates it and compares.
 */
const policyState = z.enum(POLICY_STATES);
const knownCloud = z.enum(KNOWN_CLOUDS);
const upperCase = z.transform((s: string) => s.toUpperCase());
const geoCode = z.pipe(z.string().check(z.regex(/^[A-Za-z]{3}$/, formatMessage('mailboxGeo'))), upperCase);
const countryCode = z.pipe(z.string().check(z.regex(/^[A-Za-z]{2}$/, formatMessage('countryCode'))), upperCase);
const groupId = z
  .string()
  .check(z.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, formatMessage('groupId')));
const userAddress = z.pipe(
  z.string().check(z.maxLength(320), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, formatMessage('userAddress'))),
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
          message: describePolicyIssue({ kind: 'selectedNeedsGroup' }),
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

/**
 * One problem of a policy file: the field as written in the file ("officePolicy.showLinkedInFeatures"), what is wrong
 * as data (`issue`, which the pane says in the user's language) and in English (`problem`, as the service logs it).
 */
export interface PolicyFileProblem {
  field: string;
  problem: string;
  issue: PolicyIssue;
}

/** A policy file checked: what the rules work from, or every problem (the first is the one the pane shows). */
export type PolicyFileCheck =
  { status: 'valid'; policy: AdminPolicy } | ({ status: 'invalid'; problems: readonly PolicyFileProblem[] } & PolicyFileProblem);

/** A field from the file is shown verbatim, bounded, and cannot reorder the sentence it is put in. */
export function policyProblem(field: string, issue: PolicyIssue): PolicyFileProblem {
  return {
    field: cleanText(field, 120) || '(a field with no visible name)',
    problem: cleanText(describePolicyIssue(issue), 200),
    issue,
  };
}

function invalid(problems: PolicyFileProblem[]): PolicyFileCheck {
  const first = problems[0] ?? policyProblem(WHOLE_FILE, { kind: 'shape' });
  return { status: 'invalid', ...first, problems: problems.length > 0 ? problems : [first] };
}

/** A schema issue as the add-in names it; values from the file are never carried (only the schema's own options). */
function issueOf(issue: z.core.$ZodIssue): PolicyIssue {
  switch (issue.code) {
    case 'unrecognized_keys':
      return { kind: 'unknownField' };
    case 'invalid_value':
      return { kind: 'notOneOf', options: issue.values.map(String) };
    case 'invalid_type':
      return { kind: 'wrongType', expected: issue.expected };
    case 'too_big':
      return issue.origin === 'array' ? { kind: 'tooMany', max: Number(issue.maximum) } : { kind: 'tooLong', max: Number(issue.maximum) };
    case 'invalid_format': {
      const format = formatOfMessage(issue.message);
      return format ? { kind: 'format', format } : { kind: 'shape' };
    }
    case 'custom':
      return { kind: 'selectedNeedsGroup' };
    default:
      return { kind: 'shape' };
  }
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
        policyProblem(
          formatIssuePath(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path),
          issueOf(issue),
        ),
      ),
  );
}

/** Checks the file's text as served: text that is not JSON is invalid as a whole. */
export function checkPolicyText(text: string): PolicyFileCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return invalid([policyProblem(WHOLE_FILE, { kind: 'notJson' })]);
  }
  return checkPolicyFile(data);
}

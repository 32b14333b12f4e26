import * as z from './zod';
import type { Cloud, PolicyState } from '../policy';

/**
 * The admin's policy file (linkedin-policy.json, served beside taskpane.html).
 * Strict: an unknown or misspelt field is an error, so an admin's typo never silently means "default".
 * policy/linkedin-policy.schema.json is the same contract as a JSON Schema for editors; a test keeps them in step.
 */
const policyState = z.enum(['enabled', 'disabled', 'notConfigured']);
const knownCloud = z.enum(['worldwide', 'gcc', 'gccHigh', 'dod', 'china', 'germany']);
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
    linkedInAccountConnections: z.optional(z.enum(['yes', 'selected', 'no'])),
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

/** What the add-in works from once the file is read: every field resolved to a value or to "not set". */
export interface AdminPolicy {
  tenantMode: 'yes' | 'selected' | 'no' | 'unset';
  selectedGroupId?: string;
  selectedUsers: string[];
  officePolicy: { showLinkedInFeatures: PolicyState; connectedExperiences: PolicyState; optionalConnectedExperiences: PolicyState };
  environment: { cloud?: Cloud; mailboxGeo?: string; tenantCountry?: string };
  availability?: { excludedClouds?: Cloud[]; excludedMailboxGeos?: string[] };
}

/** The documented defaults, used when no policy file is served. */
export const DEFAULT_ADMIN_POLICY: AdminPolicy = {
  tenantMode: 'unset',
  selectedUsers: [],
  officePolicy: {
    showLinkedInFeatures: 'notConfigured',
    connectedExperiences: 'notConfigured',
    optionalConnectedExperiences: 'notConfigured',
  },
  environment: {},
};

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

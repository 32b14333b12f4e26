import * as z from '../src/contract/zod';
import { CLOUDS, GIVEN_CONSENTS, GROUP_MEMBERSHIPS } from '../src/policy';

/**
 * Dev-only: what the workbench tells the insights service in development mode (`npm start`, dev/service/), so that the
 * real service answers as the workbench's controls say. The workbench sends it, the dev service parses it; no
 * production entry imports this file (scripts/check-bundle.mjs proves it of the deploy build).
 */

/**
 * A fault the development service injects per endpoint, as the workbench's controls offer them: `unauthorized` is the
 * add-in's token refused (401 invalidToken), `notConnected` the user's LinkedIn connection gone (401 notConnected).
 */
export const WORKBENCH_FAULTS = [
  'none',
  'offline',
  'unauthorized',
  'notConnected',
  'forbidden',
  'throttled',
  'server',
  'invalidPayload',
  'truncated',
] as const;
export type WorkbenchFault = (typeof WORKBENCH_FAULTS)[number];

/**
 * Microsoft Graph's faults the development service's Graph stand-in answers the calendar with: a refused token (401),
 * a permission not granted (403), its limit (429 with Retry-After) and being unavailable (503).
 */
export const GRAPH_FAULTS = ['none', 'unauthorized', 'forbidden', 'throttled', 'unavailable'] as const;
export type GraphFault = (typeof GRAPH_FAULTS)[number];

/** Whether the admin granted the add-in Calendars.ReadBasic (Today's calendar): without it no token carries it. */
export const CALENDAR_PERMISSIONS = ['granted', 'notGranted'] as const;
export type CalendarPermission = (typeof CALENDAR_PERMISSIONS)[number];

/** What the workbench's pane asks the local Entra issuer a token for: the service, or one Microsoft Graph permission. */
export const WORKBENCH_TOKEN_SCOPES = ['service', 'User.Read', 'Calendars.ReadBasic'] as const;
export const workbenchTokenRequestSchema = z.optional(z.strictObject({ scope: z.enum(WORKBENCH_TOKEN_SCOPES) }));

/**
 * The endpoints a fault can be aimed at: the lookup, the connected insights (insights and suggestions), and the
 * connection itself (its status, completing it and removing it; the pane's tests aim there, the workbench does not).
 */
export type FaultTarget = 'lookup' | 'insights' | 'connection';

export const workbenchControlsSchema = z.strictObject({
  /** The text served as linkedin-policy.json, or null for no file (404); the service's rules follow it too. */
  policyText: z.nullable(z.string().check(z.maxLength(64 * 1024))),
  /** What the tenant's OpenID configuration says (the cloud), Graph's data location and country, the group check. */
  cloud: z.enum(CLOUDS),
  mailboxGeo: z.string().check(z.regex(/^([A-Z]{3}|unknown)$/)),
  tenantCountry: z.string().check(z.regex(/^([A-Z]{2}|unknown)$/)),
  groupMembership: z.enum(GROUP_MEMBERSHIPS),
  /** Added before every answer of the API, in milliseconds. */
  latencyMs: z.number().check(z.int(), z.minimum(0), z.maximum(30_000)),
  faults: z.strictObject({
    lookup: z.enum(WORKBENCH_FAULTS),
    insights: z.enum(WORKBENCH_FAULTS),
    connection: z.optional(z.enum(WORKBENCH_FAULTS)),
    /** Microsoft Graph's answer to the calendar (the Graph stand-in); none unless said. */
    calendar: z.optional(z.enum(GRAPH_FAULTS)),
  }),
  /** Whether the admin granted Calendars.ReadBasic; granted unless said. */
  calendarPermission: z.optional(z.enum(CALENDAR_PERMISSIONS)),
});
export type WorkbenchControls = z.output<typeof workbenchControlsSchema>;

/** The workbench user's connection as a shared link or the Consent control states it. */
export const workbenchConnectionSchema = z.strictObject({ consent: z.enum(['none', ...GIVEN_CONSENTS]) });
export type WorkbenchConnection = z.output<typeof workbenchConnectionSchema>;

export const workbenchControlsAppliedSchema = z.strictObject({ applied: z.literal(true) });

/** What the service holds once told: `changed` when it had to connect or disconnect the workbench user to match. */
export const workbenchConnectionAnswerSchema = z.strictObject({
  status: z.enum(['connected', 'notConnected']),
  consent: z.optional(z.enum(GIVEN_CONSENTS)),
  connectedAt: z.optional(z.string().check(z.maxLength(40))),
  changed: z.boolean(),
});
export type WorkbenchConnectionAnswer = z.output<typeof workbenchConnectionAnswerSchema>;

/** What the dev service answers for a token: an access token from the local Entra issuer, for the workbench user. */
export const workbenchTokenSchema = z.strictObject({ accessToken: z.string().check(z.minLength(1), z.maxLength(8192)) });

/** Where the development service's own routes live (never in production). */
export const WORKBENCH_API = '/__workbench';

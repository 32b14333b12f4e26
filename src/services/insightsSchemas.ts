// First, so zod is configured (no `new Function` probe, see ./zod) before the schemas below are built.
import './zod';
import { z } from 'zod';
import { cleanText } from './text';

/**
 * The insights service's v1 contract as code (docs/insights-service.md). Every response is parsed here before
 * anything else sees it. Links are kept only when they are https: on LinkedIn's hosts; any other link is dropped,
 * never rendered. Strings are bounded so a hostile payload cannot flood the pane.
 */
export const LINKEDIN_HOSTS = ['linkedin.com', 'www.linkedin.com', 'media.licdn.com'] as const;

export function isAllowedLinkedInUrl(value: string): boolean {
  return allowedLinkedInUrl(value) !== undefined;
}

/**
 * The link as a browser reads it (URL-normalised: stray whitespace and control characters gone, the rest
 * percent-encoded), so what was checked is exactly what is rendered; undefined unless it is https: on LinkedIn's hosts.
 */
function allowedLinkedInUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    const allowed = url.protocol === 'https:' && (LINKEDIN_HOSTS as readonly string[]).includes(url.hostname) && !url.username && !url.password;
    return allowed && url.href.length <= 2048 ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Text from the network: bounded, with control, bidi-override and broken characters removed (rendered as text anyway). */
const text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => cleanText(s, max));

/** A link the add-in may render, or undefined. */
const safeLink = z
  .unknown()
  .transform((value) => (typeof value === 'string' && value.length <= 2048 ? allowedLinkedInUrl(value) : undefined));

const apiVersion = z.literal('1');

export const publicProfileSchema = z.object({
  id: text(100),
  name: text(200),
  headline: text(300).optional(),
  photoUrl: safeLink.optional(),
  currentPosition: z.object({ title: text(200), company: text(200) }).optional(),
  location: text(200).optional(),
  profileUrl: safeLink.optional(),
});
export type PublicProfile = z.output<typeof publicProfileSchema>;

export const lookupResultSchema = z.discriminatedUnion('status', [
  z.object({ email: z.string().max(320), status: z.literal('match'), profile: publicProfileSchema }),
  z.object({ email: z.string().max(320), status: z.literal('noMatch') }),
  z.object({ email: z.string().max(320), status: z.literal('hidden') }),
]);
export type LookupResult = z.output<typeof lookupResultSchema>;

export const lookupResponseSchema = z.object({
  apiVersion,
  results: z.array(lookupResultSchema).max(20),
});

const personLinkSchema = z.object({ name: text(200), photoUrl: safeLink.optional(), profileUrl: safeLink.optional() });

export const connectedInsightsSchema = z.object({
  apiVersion,
  email: z.string().max(320),
  isConnection: z.boolean(),
  mutualConnections: z.object({
    count: z.number().int().min(0).max(100_000),
    top: z.array(personLinkSchema).max(50).transform((list) => list.slice(0, 3)),
  }),
  sharedHistory: z
    .array(z.object({ kind: z.enum(['employer', 'school']), name: text(200), period: text(60).optional() }))
    .max(50)
    .transform((list) => list.slice(0, 10)),
  recentActivity: z
    .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}/).max(40), text: text(500), url: safeLink.optional() }))
    .max(50)
    .transform((list) => list.slice(0, 3)),
});
export type ConnectedInsights = z.output<typeof connectedInsightsSchema>;

export const connectionStatusSchema = z.discriminatedUnion('status', [
  z.object({
    apiVersion,
    status: z.literal('connected'),
    consent: z.enum(['linkedInToMicrosoft', 'twoWay']),
    connectedAt: z.string().max(40),
  }),
  z.object({ apiVersion, status: z.literal('notConnected') }),
]);
export type ConnectionStatus = z.output<typeof connectionStatusSchema>;

/** "People you work with on LinkedIn": sent the item's addresses (both-ways consent only), answers members to follow. */
export const suggestionsSchema = z.object({
  apiVersion,
  suggestions: z.array(personLinkSchema.extend({ headline: text(300).optional() })).max(50).transform((list) => list.slice(0, 5)),
});
export type Suggestions = z.output<typeof suggestionsSchema>;

export const revokedSchema = z.object({ apiVersion, status: z.literal('notConnected') });

export const MAX_LOOKUP_BATCH = 20;

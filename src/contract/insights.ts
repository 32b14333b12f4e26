import * as z from './zod';
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
    const allowed =
      url.protocol === 'https:' && (LINKEDIN_HOSTS as readonly string[]).includes(url.hostname) && !url.username && !url.password;
    return allowed && url.href.length <= 2048 ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Text from the network: bounded, with control, bidi-override and broken characters removed (rendered as text anyway). */
const text = (max: number) =>
  z.pipe(
    z.string().check(z.maxLength(max * 4)),
    z.transform((s: string) => cleanText(s, max)),
  );

/** A link the add-in may render, or undefined. */
const safeLink = z.pipe(
  z.unknown(),
  z.transform((value: unknown) => (typeof value === 'string' && value.length <= 2048 ? allowedLinkedInUrl(value) : undefined)),
);
const email = z.string().check(z.maxLength(320));
/** At most `max` items on the wire; the pane keeps the first `keep`. */
const list = <T extends z.core.SomeType>(item: T, max: number, keep: number) =>
  z.pipe(
    z.array(item).check(z.maxLength(max)),
    z.transform((items: z.output<T>[]) => items.slice(0, keep)),
  );

const apiVersion = z.literal('1');

export const publicProfileSchema = z.object({
  id: text(100),
  name: text(200),
  headline: z.optional(text(300)),
  photoUrl: z.optional(safeLink),
  currentPosition: z.optional(z.object({ title: text(200), company: text(200) })),
  location: z.optional(text(200)),
  profileUrl: z.optional(safeLink),
});
export type PublicProfile = z.output<typeof publicProfileSchema>;

export const lookupResultSchema = z.discriminatedUnion('status', [
  z.object({ email, status: z.literal('match'), profile: publicProfileSchema }),
  z.object({ email, status: z.literal('noMatch') }),
  z.object({ email, status: z.literal('hidden') }),
  // The service's source cannot look this address up (e.g. only the connected member's own profile is open to it):
  // "can't be looked up from here" — never a no-match, never invented data.
  z.object({ email, status: z.literal('unavailable') }),
]);
export type LookupResult = z.output<typeof lookupResultSchema>;

export const lookupResponseSchema = z.object({
  apiVersion,
  results: z.array(lookupResultSchema).check(z.maxLength(20)),
});

const personLinkSchema = z.object({ name: text(200), photoUrl: z.optional(safeLink), profileUrl: z.optional(safeLink) });

export const connectedInsightsSchema = z.object({
  apiVersion,
  email,
  isConnection: z.boolean(),
  mutualConnections: z.object({
    count: z.int().check(z.minimum(0), z.maximum(100_000)),
    top: list(personLinkSchema, 50, 3),
  }),
  sharedHistory: list(z.object({ kind: z.enum(['employer', 'school']), name: text(200), period: z.optional(text(60)) }), 50, 10),
  recentActivity: list(
    z.object({ date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}/), z.maxLength(40)), text: text(500), url: z.optional(safeLink) }),
    50,
    3,
  ),
});
export type ConnectedInsights = z.output<typeof connectedInsightsSchema>;

/** What `profiles/insights` answers: the insights, or that its source cannot give them ("can't be looked up from here"). */
export const insightsResponseSchema = z.union([z.object({ apiVersion, email, status: z.literal('unavailable') }), connectedInsightsSchema]);
export type InsightsResponse = z.output<typeof insightsResponseSchema>;

export const connectionStatusSchema = z.discriminatedUnion('status', [
  z.object({
    apiVersion,
    status: z.literal('connected'),
    consent: z.enum(['linkedInToMicrosoft', 'twoWay']),
    connectedAt: z.string().check(z.maxLength(40)),
  }),
  z.object({ apiVersion, status: z.literal('notConnected') }),
  // LinkedIn's 60-day token lapsed (it has no refresh): the choice is kept, connected calls answer 401, and the pane
  // offers Reconnect.
  z.object({
    apiVersion,
    status: z.literal('expired'),
    consent: z.enum(['linkedInToMicrosoft', 'twoWay']),
    connectedAt: z.string().check(z.maxLength(40)),
  }),
]);
export type ConnectionStatus = z.output<typeof connectionStatusSchema>;

/** "People you work with on LinkedIn": sent the item's addresses (both-ways consent only), answers members to follow. */
export const suggestionsSchema = z.object({
  apiVersion,
  suggestions: list(z.extend(personLinkSchema, { headline: z.optional(text(300)) }), 50, 5),
});
export type Suggestions = z.output<typeof suggestionsSchema>;

/** What `suggestions` answers: the suggestions, or that its source cannot give them. */
export const suggestionsResponseSchema = z.union([z.object({ apiVersion, status: z.literal('unavailable') }), suggestionsSchema]);
export type SuggestionsResponse = z.output<typeof suggestionsResponseSchema>;

export const revokedSchema = z.object({ apiVersion, status: z.literal('notConnected') });

export const MAX_LOOKUP_BATCH = 20;

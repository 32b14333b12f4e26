import * as z from './zod';
import { cleanText } from './text';
import linkedInHosts from './linkedInHosts.json';
import { GIVEN_CONSENTS } from '../policy';

/**
 * The insights service's v1 contract as code (docs/insights-service.md). Every response is parsed here before
 * anything else sees it. Links and photos are kept only when they are https: on LinkedIn's hosts for each; any other is dropped,
 * never rendered. Strings are bounded so a hostile payload cannot flood the pane.
 */
/**
 * Where LinkedIn's photos may come from, and where a profile link (or an activity's link) may point: two lists, so a
 * link is never to the photo host and a photo never from the site. One file for both the parser and the pages' CSP
 * (img-src is the photo hosts: scripts/pages.cjs).
 */
export const PHOTO_HOSTS: readonly string[] = linkedInHosts.photoHosts;
export const PROFILE_LINK_HOSTS: readonly string[] = linkedInHosts.profileLinkHosts;

/**
 * The URL as a browser reads it (URL-normalised: stray whitespace and control characters gone, the rest
 * percent-encoded), so what was checked is exactly what is rendered; undefined unless it is https: on one of `hosts`.
 */
function allowedUrl(value: unknown, hosts: readonly string[]): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    const allowed = url.protocol === 'https:' && hosts.includes(url.hostname) && !url.username && !url.password;
    return allowed && url.href.length <= 2048 ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A photo address the pane will show (https: on LinkedIn's photo host), normalised; undefined for any other. */
export const linkedInPhotoUrl = (value: unknown): string | undefined => allowedUrl(value, PHOTO_HOSTS);

/** Text from the network: bounded, with control, bidi-override and broken characters removed (rendered as text anyway). */
const text = (max: number) =>
  z.pipe(
    z.string().check(z.maxLength(max * 4)),
    z.transform((s: string) => cleanText(s, max)),
  );

/** A link to LinkedIn the add-in may render, or undefined. */
const safeLink = z.pipe(
  z.unknown(),
  z.transform((value: unknown) => allowedUrl(value, PROFILE_LINK_HOSTS)),
);
/** A LinkedIn photo the add-in may show, or undefined. */
const safePhoto = z.pipe(
  z.unknown(),
  z.transform((value: unknown) => allowedUrl(value, PHOTO_HOSTS)),
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
  photoUrl: z.optional(safePhoto),
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

const personLinkSchema = z.object({ name: text(200), photoUrl: z.optional(safePhoto), profileUrl: z.optional(safeLink) });

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
    consent: z.enum(GIVEN_CONSENTS),
    connectedAt: z.string().check(z.maxLength(40)),
  }),
  z.object({ apiVersion, status: z.literal('notConnected') }),
  // LinkedIn's 60-day token lapsed (it has no refresh): the choice is kept, connected calls answer 401, and the pane
  // offers Reconnect.
  z.object({
    apiVersion,
    status: z.literal('expired'),
    consent: z.enum(GIVEN_CONSENTS),
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

// The most addresses one lookup takes (src/contract/address.ts, where the pane's first script reads it without zod).
export { MAX_LOOKUP_BATCH } from './address';

/**
 * The answers as the service writes them (the schemas' input side): the service's routes are typed by these, so an
 * answer that drifts from the contract fails the type check, before any test runs.
 */
export type LookupResponseWire = z.input<typeof lookupResponseSchema>;
export type InsightsResponseWire = z.input<typeof insightsResponseSchema>;
export type SuggestionsResponseWire = z.input<typeof suggestionsResponseSchema>;
export type ConnectionStatusWire = z.input<typeof connectionStatusSchema>;
export type RevokedWire = z.input<typeof revokedSchema>;

import * as z from '../contract/zod';
import { isServiceError } from './errors';
import { tokenSender, type RetryOptions } from './retry';
import { CALENDAR_SCOPE, GRAPH_SCOPE, type ScopedTokenSource } from './auth';
import { calendarViewQuery, calendarViewSchema, type CalendarEvent } from './graphCalendar';

export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0/';
/**
 * User.Read for everything about the signed-in user (`/me`, `/me/checkMemberGroups`) and their tenant; the calendar
 * alone needs Calendars.ReadBasic, asked for only when Today reads it.
 */
export const GRAPH_SCOPES = [GRAPH_SCOPE];
export const CALENDAR_SCOPES = [CALENDAR_SCOPE];
/** Microsoft Graph accepts at most 20 group ids per checkMemberGroups call. */
export const MAX_GROUPS_PER_CHECK = 20;

const meSchema = z.object({
  id: z.string().check(z.maxLength(100)),
  userPrincipalName: z.string().check(z.maxLength(320)),
  mail: z.optional(z.nullable(z.string().check(z.maxLength(320)))),
  // Graph reports a data location only for users of multi-geo tenants; null elsewhere.
  preferredDataLocation: z.optional(z.nullable(z.string().check(z.maxLength(20)))),
});
export type GraphMe = z.output<typeof meSchema>;

const organizationSchema = z.object({
  value: z.array(z.object({ countryLetterCode: z.optional(z.nullable(z.string().check(z.maxLength(10)))) })).check(z.maxLength(5)),
});
const memberGroupsSchema = z.object({ value: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(MAX_GROUPS_PER_CHECK)) });

export interface GraphClient {
  me: (signal?: AbortSignal) => Promise<GraphMe>;
  /** The tenant's country (ISO alpha-2), or null when Graph does not say. */
  organizationCountry: (signal?: AbortSignal) => Promise<string | null>;
  /** Which of these groups the signed-in user is a member of (transitively). */
  checkMemberGroups: (groupIds: readonly string[], signal?: AbortSignal) => Promise<string[]>;
  /** The meetings on the user's calendar between two instants (Calendars.ReadBasic), earliest first. */
  calendarView: (start: number, end: number, signal?: AbortSignal) => Promise<CalendarEvent[]>;
}

export interface GraphClientOptions {
  /** Retry policy and its clock, sleep and dice (src/services/retry.ts); tests inject them. */
  retry?: RetryOptions;
  timeoutMs?: number;
}

export function createGraphClient(getToken: ScopedTokenSource, base = GRAPH_BASE, options: GraphClientOptions = {}): GraphClient {
  /**
   * 429 and 502/503/504 are tried again (≤ 3 tries, src/services/retry.ts). A 401 means the token was refused (expired
   * or revoked): a new one is acquired silently and the call tried once more; a second 401 is the caller's error, and
   * what it asked stays unknown (fail closed).
   */
  const send = tokenSender<{ scopes?: string[] }>(
    (request, forceRefresh) => getToken(request.scopes ?? GRAPH_SCOPES, { forceRefresh }),
    (error) => isServiceError(error) && error.kind === 'unauthorized' && error.status === 401,
    options,
  );
  return {
    async me(signal) {
      return send({ url: `${base}me?$select=id,userPrincipalName,mail,preferredDataLocation`, schema: meSchema, signal });
    },
    async organizationCountry(signal) {
      const answer = await send({ url: `${base}organization?$select=countryLetterCode`, schema: organizationSchema, signal });
      const code = answer.value[0]?.countryLetterCode;
      return code && /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : null;
    },
    async checkMemberGroups(groupIds, signal) {
      const found: string[] = [];
      for (let i = 0; i < groupIds.length; i += MAX_GROUPS_PER_CHECK) {
        const answer = await send({
          url: `${base}me/checkMemberGroups`,
          method: 'POST',
          body: { groupIds: groupIds.slice(i, i + MAX_GROUPS_PER_CHECK) },
          schema: memberGroupsSchema,
          signal,
        });
        found.push(...answer.value);
      }
      return found;
    },
    async calendarView(start, end, signal) {
      const answer = await send({
        url: `${base}${calendarViewQuery(start, end)}`,
        schema: calendarViewSchema,
        signal,
        scopes: CALENDAR_SCOPES,
      });
      return answer.value;
    },
  };
}

import { z } from 'zod';
import { requestJson } from './http';
import type { ScopedTokenSource } from './auth';

export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0/';
export const GRAPH_SCOPES = ['User.Read', 'GroupMember.Read.All'];
/** Microsoft Graph accepts at most 20 group ids per checkMemberGroups call. */
export const MAX_GROUPS_PER_CHECK = 20;

const meSchema = z.object({
  id: z.string().max(100),
  userPrincipalName: z.string().max(320),
  mail: z.string().max(320).nullable().optional(),
  // Graph reports a data location only for users of multi-geo tenants; null elsewhere.
  preferredDataLocation: z.string().max(20).nullable().optional(),
});
export type GraphMe = z.output<typeof meSchema>;

const organizationSchema = z.object({
  value: z.array(z.object({ countryLetterCode: z.string().max(10).nullable().optional() })).max(5),
});
const memberGroupsSchema = z.object({ value: z.array(z.string().max(100)).max(MAX_GROUPS_PER_CHECK) });

export interface GraphClient {
  me(signal?: AbortSignal): Promise<GraphMe>;
  /** The tenant's country (ISO alpha-2), or null when Graph does not say. */
  organizationCountry(signal?: AbortSignal): Promise<string | null>;
  /** Which of these groups the signed-in user is a member of (transitively). */
  checkMemberGroups(groupIds: readonly string[], signal?: AbortSignal): Promise<string[]>;
}

export function createGraphClient(getToken: ScopedTokenSource, base = GRAPH_BASE): GraphClient {
  const token = () => getToken(GRAPH_SCOPES);
  return {
    async me(signal) {
      return requestJson({
        url: `${base}me?$select=id,userPrincipalName,mail,preferredDataLocation`,
        bearerToken: await token(),
        schema: meSchema,
        signal,
      });
    },
    async organizationCountry(signal) {
      const answer = await requestJson({ url: `${base}organization?$select=countryLetterCode`, bearerToken: await token(), schema: organizationSchema, signal });
      const code = answer.value[0]?.countryLetterCode;
      return code && /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : null;
    },
    async checkMemberGroups(groupIds, signal) {
      const found: string[] = [];
      for (let i = 0; i < groupIds.length; i += MAX_GROUPS_PER_CHECK) {
        const answer = await requestJson({
          url: `${base}me/checkMemberGroups`,
          method: 'POST',
          body: { groupIds: groupIds.slice(i, i + MAX_GROUPS_PER_CHECK) },
          bearerToken: await token(),
          schema: memberGroupsSchema,
          signal,
        });
        found.push(...answer.value);
      }
      return found;
    },
  };
}

import { linkedInPhotoUrl, type PublicProfile } from '../../src/contract/insights';
import { HttpError } from '../http/errors';
import { LinkedInError, type LinkedInClient, type LinkedInMember } from '../linkedin/client';
import { isExpired } from '../store/expiry';
import type { MemberVisibility, ProfileSource, SourceLookupResult, SourceViewer } from './types';

/**
 * The `linkedin` source: only what LinkedIn's open APIs give a "Sign In with LinkedIn using OpenID Connect" app —
 * the connected member's own profile, from `userinfo`. Every other address is `unavailable` (can't be looked up from
 * here), never `noMatch` and never invented; connected insights and suggestions need a LinkedIn partner API, so they
 * are `unavailable` too. A partner source implements the same ProfileSource interface (see sources/types.ts).
 */
const MEMBER_CACHE_MS = 5 * 60_000;
const MEMBER_CACHE_MAX = 1000;

export function createLinkedInSource(linkedIn: LinkedInClient, now: () => number = Date.now): ProfileSource {
  /** userinfo per connected user, briefly: a lookup batch must not cost a LinkedIn call per address. */
  const members = new Map<string, { member: LinkedInMember | null; at: number; token: string }>();

  async function ownProfile(viewer: SourceViewer): Promise<LinkedInMember | null> {
    const { connection, user } = viewer;
    if (!connection || isExpired(connection)) return null;
    const token = connection.accessToken();
    const key = `${user.tenantId}:${user.objectId}`;
    const cached = members.get(key);
    if (cached && cached.token === token && now() - cached.at < MEMBER_CACHE_MS) return cached.member;
    let member: LinkedInMember | null;
    try {
      member = await linkedIn.userinfo(token);
    } catch (error) {
      // LinkedIn refused the token (revoked there): the member's own profile can't be looked up from here either.
      if (error instanceof LinkedInError && error.failure === 'refused') member = null;
      else throw new HttpError(502, 'linkedInUnavailable', 'LinkedIn did not answer in time. Try again later.');
    }
    members.delete(key);
    members.set(key, { member, at: now(), token });
    if (members.size > MEMBER_CACHE_MAX) members.delete(members.keys().next().value as string);
    return member;
  }

  const isOwn = (member: LinkedInMember | null, email: string): member is LinkedInMember =>
    member !== null && member.email !== undefined && member.emailVerified !== false && member.email.toLowerCase() === email.toLowerCase();

  return {
    name: 'linkedin',
    capabilities: { publicProfiles: false, connectedInsights: false, suggestions: false },

    async memberVisibility(email, viewer): Promise<MemberVisibility> {
      return isOwn(await ownProfile(viewer), email) ? 'visible' : 'unavailable';
    },

    async lookup(emails, viewer): Promise<SourceLookupResult[]> {
      const member = await ownProfile(viewer);
      return emails.map((email) => (isOwn(member, email) ? { status: 'match', profile: profileOf(member) } : { status: 'unavailable' }));
    },

    async insights() {
      return 'unavailable';
    },

    async suggestions() {
      return 'unavailable';
    },
  };
}

/** What userinfo gives, as the contract's profile: name and photo only (no headline, position or profile URL there). */
function profileOf(member: LinkedInMember): PublicProfile {
  const name = member.name ?? [member.givenName, member.familyName].filter(Boolean).join(' ');
  return {
    id: member.sub.slice(0, 100),
    name: name.slice(0, 200) || member.sub.slice(0, 100),
    ...(linkedInPhotoUrl(member.picture) ? { photoUrl: linkedInPhotoUrl(member.picture) } : {}),
  };
}

import type { LinkedInClient } from './client';
import type { Revoke } from './revocations';

/**
 * How the service asks LinkedIn to revoke a token (its revoke endpoint, with the client secret, within 5 s): resolves
 * when LinkedIn confirmed, throws a LinkedInError otherwise (the revocation queue tries again). Without LinkedIn
 * configured no token ever came from LinkedIn (the fixtures' and the workbench's are made up): nothing to ask.
 */
export function createLinkedInRevoker(linkedIn: LinkedInClient | undefined): Revoke {
  if (!linkedIn) return async () => undefined;
  return async (accessToken) => linkedIn.revoke(accessToken);
}

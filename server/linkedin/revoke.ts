import type { LinkedInRevoker } from '../context';
import { createLinkedInClient } from './client';
import type { LinkedInConfig } from './config';

/**
 * Disconnect's best-effort revoke at LinkedIn: the stored token and consent are already deleted when this runs, so a
 * LinkedIn that refuses or does not answer (within 5 s) changes nothing here; the failure is logged without the token.
 * Without LinkedIn configured there is nothing to revoke.
 */
export function createLinkedInRevoker(config: LinkedInConfig | undefined): LinkedInRevoker {
  if (!config) return async () => undefined;
  const client = createLinkedInClient(config);
  return async (accessToken) => client.revoke(accessToken);
}

/**
 * The settings the process tests start the service with, where they are the same for every test; each test adds its
 * own token key, folders, mode and what it is about.
 */

/** The service's Entra app, and the one tenant it lets in. */
export const ENTRA_APP = {
  ENTRA_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  ENTRA_ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
};

/** A LinkedIn app: production's profile source needs one configured (nothing is asked of LinkedIn at start). */
export const LINKEDIN_APP = {
  LINKEDIN_CLIENT_ID: 'contoso-linkedin-app',
  LINKEDIN_CLIENT_SECRET: 'linkedin-client-secret-value',
  LINKEDIN_CALLBACK_URL: 'https://addins.contoso.com/linkedin/api/v1/connection/callback',
  LINKEDIN_DIALOG_REDIRECT_URIS: 'https://addins.contoso.com/linkedin/dialog.html',
};

/** Listening on the loopback address only, on a port the system picks. */
export const LOOPBACK = { HOST: '127.0.0.1', PORT: '0' };

/** TOKEN_ENCRYPTION_KEYS holding one key, every byte `byte` (each test file its own). */
export const oneTokenKey = (byte: number): string => `k1:${Buffer.alloc(32, byte).toString('base64')}`;

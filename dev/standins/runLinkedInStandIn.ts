import { startLinkedInStandIn } from './linkedinProvider';

/**
 * `npm run standin:linkedin`: the simulated LinkedIn provider on 127.0.0.1 for trying the sign-in without LinkedIn.
 * Prints the LINKEDIN_* variables to start the service with. Refuses SERVICE_ENV=production (the default there).
 */
async function run(): Promise<void> {
  const environment = process.env.SERVICE_ENV === 'test' ? 'test' : process.env.SERVICE_ENV === 'production' ? 'production' : 'development';
  const clientId = process.env.LINKEDIN_CLIENT_ID ?? 'standin-client';
  const clientSecret = process.env.LINKEDIN_CLIENT_SECRET ?? 'standin-secret-for-development';
  const callbackUrl = process.env.LINKEDIN_CALLBACK_URL ?? 'http://127.0.0.1:3001/api/v1/connection/callback';
  const standIn = await startLinkedInStandIn({ environment, clientId, clientSecret, redirectUris: [callbackUrl] });
  const lines = {
    SERVICE_ENV: environment,
    LINKEDIN_CLIENT_ID: clientId,
    LINKEDIN_CLIENT_SECRET: clientSecret,
    LINKEDIN_CALLBACK_URL: callbackUrl,
    LINKEDIN_DIALOG_REDIRECT_URIS: process.env.LINKEDIN_DIALOG_REDIRECT_URIS ?? 'https://localhost:3000/dialog.html',
    LINKEDIN_AUTHORIZATION_ENDPOINT: standIn.endpoints.authorization,
    LINKEDIN_TOKEN_ENDPOINT: standIn.endpoints.token,
    LINKEDIN_USERINFO_ENDPOINT: standIn.endpoints.userinfo,
    LINKEDIN_JWKS_URI: standIn.endpoints.jwks,
    LINKEDIN_REVOKE_ENDPOINT: standIn.endpoints.revoke,
  };
  console.log(`Simulated LinkedIn on ${standIn.origin} (signs in as ${standIn.member.name}). Start the service with:`);
  for (const [name, value] of Object.entries(lines)) console.log(`${name}=${value}`);
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

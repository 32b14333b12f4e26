import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { StandInRefusedError } from './entraIssuer';
import { handleStandInRequest, KID, type StandInState } from './linkedinProviderRoutes';
import type { LinkedInStandIn, LinkedInStandInOptions, StandInMember } from './linkedinStandInTypes';

export type { IdTokenTampering, LinkedInStandIn, LinkedInStandInOptions, StandInMember } from './linkedinStandInTypes';

export { StandInRefusedError };

export const STAND_IN_MEMBER: StandInMember = {
  sub: 'li-standin-megan',
  name: 'Megan Bowen',
  given_name: 'Megan',
  family_name: 'Bowen',
  picture: 'https://media.licdn.com/dms/image/megan-bowen/profile-displayphoto-shrink_200_200/0',
  email: 'megan.bowen@contoso.com',
  email_verified: true,
};

/** The stand-in's keys and empty books, for one run. */
async function createState(options: LinkedInStandInOptions): Promise<StandInState> {
  const signing = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  // The consent form answers here, and its answer redirects to a registered callback, which redirects to the dialog
  // page: browsers hold form-action to every redirect's target, so the callbacks' and the dialog pages' origins are allowed.
  const formTargets = [
    "'self'",
    ...new Set([...options.redirectUris, ...(options.answerOrigins ?? [])].map((uri) => new URL(uri).origin)),
  ].join(' ');
  return {
    options,
    member: options.member ?? STAND_IN_MEMBER,
    lifetime: options.accessTokenLifetime ?? 60 * 24 * 3600,
    signingKey: signing.privateKey,
    foreignKey: foreign.privateKey,
    publicJwk: { ...(await exportJWK(signing.publicKey)), kid: KID, alg: 'RS256', use: 'sig' },
    formTargets,
    tickets: new Map(),
    codes: new Map(),
    accessTokens: new Set(),
    revoked: [],
    issuedAccessTokens: [],
    revokeFailures: { count: 0, status: 503 },
    revokeRequestCount: 0,
    tampering: undefined,
    nextTokenFailure: undefined,
    tokenRequestCount: 0,
    hanging: new Set(),
  };
}

/** What the tests and the workbench hold: the provider's addresses, and its books and switches. */
function standInHandle(state: StandInState, server: Server, origin: string): LinkedInStandIn {
  return {
    origin,
    member: state.member,
    endpoints: {
      authorization: `${origin}/oauth/v2/authorization`,
      token: `${origin}/oauth/v2/accessToken`,
      userinfo: `${origin}/v2/userinfo`,
      jwks: `${origin}/oauth/openid/jwks`,
      revoke: `${origin}/oauth/v2/revoke`,
    },
    tamperNextIdToken: (t) => {
      state.tampering = t;
    },
    failNextTokenRequest: (a) => {
      state.nextTokenFailure = a;
    },
    revokedTokens: () => [...state.revoked],
    issuedTokens: () => [...state.issuedAccessTokens],
    failRevokes: (count, status = 503) => {
      state.revokeFailures = { count, status };
    },
    revokeRequests: () => state.revokeRequestCount,
    tokenRequests: () => state.tokenRequestCount,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of state.hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A simulated LinkedIn OpenID provider, for the workbench and the tests only: an authorize page with Allow / Cancel /
 * error, the token endpoint (client secret checked, codes single use), `userinfo`, a JWKS and signed `id_token`s.
 * Served on 127.0.0.1, so the service's real sign-in code runs against it with other URLs. It refuses to start in
 * production configuration.
 */
export async function startLinkedInStandIn(options: LinkedInStandInOptions): Promise<LinkedInStandIn> {
  if (options.environment === 'production' || process.env.NODE_ENV === 'production')
    throw new StandInRefusedError(
      'The simulated LinkedIn provider is for the workbench and tests only: it refuses production configuration.',
    );
  const state = await createState(options);
  const server = createServer((req, res) => handleStandInRequest(state, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return standInHandle(state, server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

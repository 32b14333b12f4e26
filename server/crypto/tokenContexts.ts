/**
 * The owner each sealed LinkedIn token is bound to: the additional data it is sealed with (crypto/tokenCipher.ts), so a
 * ciphertext copied onto another row does not open. One place for the connections, the pending sign-ins and the
 * revocation queue that seal tokens, and for the key check and rotation that re-seal them (crypto/sealedTokens.ts).
 */

/** A connection's token is sealed for its Entra user. */
export const connectionContext = (user: { tenantId: string; objectId: string }) => `${user.tenantId}:${user.objectId}`;

/** A pending sign-in's token is sealed for its own row. */
export const pendingSignInContext = (id: string) => `pending-sign-in:${id}`;

/** A queued revocation's token is sealed for its own row. */
export const revocationContext = (id: string) => `revocation:${id}`;

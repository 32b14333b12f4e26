import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { decryptOrUndefined, type TokenCipher } from '../crypto/tokenCipher';
import { pendingSignInContext } from '../crypto/tokenContexts';
import type { Database } from '../db/schema';
import type { ConnectionConsent } from '../store/connections';
import type { RevocationQueue } from '../store/revocationQueue';

/** While the member is on LinkedIn's pages. */
export const LINKEDIN_STEP_MS = 10 * 60_000;
/** The service's own one-time code is redeemable this long after LinkedIn's answer. */
export const CODE_LIFETIME_MS = 5 * 60_000;

/** What the dialog page asked for when it started the sign-in. */
export interface SignInRequest {
  paneState: string;
  codeChallenge: string;
  consent: ConnectionConsent;
  redirectUri: string;
}

/** A sign-in LinkedIn has just answered (claimed: its LinkedIn state can never be answered again). */
export interface AnsweredSignIn extends SignInRequest {
  id: string;
  nonce: string;
  expired: boolean;
  /** Carried into the code's row: the sign-in keeps its place among its client's and in the total bound. */
  clientKey: string | null;
  createdAt: Date;
}

/**
 * How many sign-ins may be pending from one client address and in all: unauthenticated authorize calls cannot grow the
 * table without limit. Past a bound the oldest go first (a token one held is revoked): a company behind one address
 * keeps working, its oldest abandoned attempts making room.
 */
export interface PendingBounds {
  perClient: number;
  total: number;
}
export const PENDING_BOUNDS: PendingBounds = { perClient: 50, total: 10_000 };

/**
 * A redeemed one-time code (claimed: the code can never be redeemed again, whatever the outcome). Its token is already
 * queued for revocation (`revocation`, due in 2 minutes): completing the connection withdraws that, a refusal asks
 * LinkedIn at once, and a crash in between leaves it to the queue.
 */
export interface RedeemedSignIn extends SignInRequest {
  expired: boolean;
  accessToken: string;
  tokenExpiresAt: Date;
  revocation: string | undefined;
}

/**
 * Pending sign-ins in the database, so any instance can answer any step. Every step CLAIMS its row in one statement
 * (delete … returning) before anything else happens, so a replayed state or code finds nothing, even when two
 * requests race. Expired rows are swept on each new sign-in.
 */
export interface PendingSignIns {
  /** Deletes every pending sign-in past its time; a token one held (never redeemed) is revoked at LinkedIn. */
  sweep: (now: Date) => Promise<void>;
  /** Starts a sign-in for a client (a keyed pseudonym of its address), within the bounds (see PendingBounds). */
  begin: (request: SignInRequest, linkedInState: string, nonce: string, now: Date, clientKey: string) => Promise<void>;
  /** Claims the sign-in LinkedIn answered for `linkedInState`; undefined when unknown or already answered. */
  claimLinkedInAnswer: (linkedInState: string, now: Date) => Promise<AnsweredSignIn | undefined>;
  /** Stores LinkedIn's token (encrypted) for the service's one-time code; returns nothing of either. */
  issueCode: (signIn: AnsweredSignIn, code: string, accessToken: string, tokenExpiresAt: Date, now: Date) => Promise<void>;
  /** Claims the sign-in a one-time code stands for; undefined when unknown or already used. */
  redeem: (code: string, now: Date) => Promise<RedeemedSignIn | undefined>;
}

export const hashCode = (code: string): string => createHash('sha256').update(code, 'utf8').digest('base64url');

/** A redeemed token waits this long for its completion before the queue revokes it by itself. */
const COMPLETION_GRACE_MS = 2 * 60_000;

export function createPendingSignIns(
  db: Kysely<Database>,
  cipher: TokenCipher,
  revocations: RevocationQueue,
  bounds: PendingBounds = PENDING_BOUNDS,
): PendingSignIns {
  const sweep = (now: Date) => sweepExpired(db, cipher, revocations, now);
  return {
    sweep,
    async begin(request, linkedInState, nonce, now, clientKey) {
      await sweep(now);
      const evicted = await db.transaction().execute(async (tx) => {
        const ids = [
          ...(await evictOldest(tx, cipher, revocations, bounds.perClient - 1, clientKey)),
          ...(await evictOldest(tx, cipher, revocations, bounds.total - 1)),
        ];
        await tx
          .insertInto('pending_sign_ins')
          .values(newSignIn(request, linkedInState, nonce, now, clientKey))
          .execute();
        return ids;
      });
      await revocations.attempt(evicted);
    },

    async claimLinkedInAnswer(linkedInState, now) {
      const row = await db
        .deleteFrom('pending_sign_ins')
        .where('linkedin_state', '=', linkedInState)
        .returning(['id', 'nonce', 'pane_state', 'code_challenge', 'consent', 'redirect_uri', 'expires_at', 'client_key', 'created_at'])
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        clientKey: row.client_key,
        createdAt: new Date(row.created_at),
        nonce: row.nonce,
        paneState: row.pane_state,
        codeChallenge: row.code_challenge,
        consent: row.consent,
        redirectUri: row.redirect_uri,
        expired: new Date(row.expires_at).getTime() <= now.getTime(),
      };
    },

    async issueCode(signIn, code, accessToken, tokenExpiresAt, now) {
      await db
        .insertInto('pending_sign_ins')
        .values({
          id: signIn.id,
          linkedin_state: null,
          nonce: signIn.nonce,
          pane_state: signIn.paneState,
          code_challenge: signIn.codeChallenge,
          consent: signIn.consent,
          redirect_uri: signIn.redirectUri,
          code_hash: hashCode(code),
          token_ciphertext: cipher.encrypt(accessToken, pendingSignInContext(signIn.id)),
          token_expires_at: tokenExpiresAt,
          expires_at: new Date(now.getTime() + CODE_LIFETIME_MS),
          client_key: signIn.clientKey,
          created_at: signIn.createdAt,
        })
        .execute();
    },

    redeem: (code, now) => redeemCode(db, cipher, revocations, code, now),
  };
}

/** A new sign-in's row: waiting for LinkedIn's answer (its state), nothing of LinkedIn's yet. */
function newSignIn(request: SignInRequest, linkedInState: string, nonce: string, now: Date, clientKey: string) {
  return {
    id: randomUUID(),
    linkedin_state: linkedInState,
    nonce,
    pane_state: request.paneState,
    code_challenge: request.codeChallenge,
    consent: request.consent,
    redirect_uri: request.redirectUri,
    code_hash: null,
    token_ciphertext: null,
    token_expires_at: null,
    expires_at: new Date(now.getTime() + LINKEDIN_STEP_MS),
    client_key: clientKey,
    created_at: now,
  };
}

/** Deletes every pending sign-in past its time, queueing (and asking LinkedIn for) the revoke of each token one held. */
async function sweepExpired(db: Kysely<Database>, cipher: TokenCipher, revocations: RevocationQueue, now: Date): Promise<void> {
  const queued = await db.transaction().execute(async (tx) => {
    return deleteQueuingTokens(tx, cipher, revocations, (pending) => pending.where('expires_at', '<', now));
  });
  await revocations.attempt(queued);
}

/** Deletes all but the newest `keep` pending sign-ins (of one client, or in all), in the caller's transaction. */
async function evictOldest(
  tx: Kysely<Database>,
  cipher: TokenCipher,
  revocations: RevocationQueue,
  keep: number,
  clientKey?: string,
): Promise<(string | undefined)[]> {
  let beyond = tx.selectFrom('pending_sign_ins').select('id').orderBy('created_at', 'desc').orderBy('id').offset(Math.max(0, keep));
  if (clientKey !== undefined) beyond = beyond.where('client_key', '=', clientKey);
  return deleteQueuingTokens(tx, cipher, revocations, (pending) => pending.where('id', 'in', beyond));
}

/** The deletion of pending sign-ins, before `which` narrows it to some. */
const deletionOfPending = (tx: Kysely<Database>) => tx.deleteFrom('pending_sign_ins');
type PendingDeletion = ReturnType<typeof deletionOfPending>;

/**
 * Deletes the pending sign-ins `which` picks and queues the revoke of every token they held (one never redeemed is still
 * valid at LinkedIn), in the caller's transaction.
 */
async function deleteQueuingTokens(
  tx: Kysely<Database>,
  cipher: TokenCipher,
  revocations: RevocationQueue,
  which: (pending: PendingDeletion) => PendingDeletion,
): Promise<(string | undefined)[]> {
  const rows = await which(deletionOfPending(tx)).returning(['id', 'token_ciphertext', 'token_expires_at']).execute();
  const ids: (string | undefined)[] = [];
  for (const row of rows) {
    const accessToken = row.token_ciphertext ? decryptOrUndefined(cipher, row.token_ciphertext, pendingSignInContext(row.id)) : undefined;
    if (accessToken === undefined || !row.token_expires_at) continue;
    ids.push(await revocations.queue(tx, { accessToken, expiresAt: new Date(row.token_expires_at), reason: 'abandonedSignIn' }));
  }
  return ids;
}

/** Claims the sign-in a code stands for and, in the same transaction, queues its token's revoke (see RedeemedSignIn). */
async function redeemCode(
  db: Kysely<Database>,
  cipher: TokenCipher,
  revocations: RevocationQueue,
  code: string,
  now: Date,
): Promise<RedeemedSignIn | undefined> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.deleteFrom('pending_sign_ins').where('code_hash', '=', hashCode(code)).returningAll().executeTakeFirst();
    const accessToken = row?.token_ciphertext ? decryptOrUndefined(cipher, row.token_ciphertext, pendingSignInContext(row.id)) : undefined;
    if (!row || accessToken === undefined || !row.token_expires_at) return undefined;
    const tokenExpiresAt = new Date(row.token_expires_at);
    const notBefore = new Date(now.getTime() + COMPLETION_GRACE_MS);
    const revocation = await revocations.queue(tx, { accessToken, expiresAt: tokenExpiresAt, reason: 'refusedCompletion' }, { notBefore });
    return {
      paneState: row.pane_state,
      codeChallenge: row.code_challenge,
      consent: row.consent,
      redirectUri: row.redirect_uri,
      expired: new Date(row.expires_at).getTime() <= now.getTime(),
      tokenExpiresAt,
      accessToken,
      revocation,
    };
  });
}

import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { decryptOrUndefined, type TokenCipher } from '../crypto/tokenCipher';
import type { Database } from '../db/schema';
import type { ConnectionConsent } from '../store/connections';
import type { RevocationQueue } from './revocations';

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
}

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
  begin: (request: SignInRequest, linkedInState: string, nonce: string, now: Date) => Promise<void>;
  /** Claims the sign-in LinkedIn answered for `linkedInState`; undefined when unknown or already answered. */
  claimLinkedInAnswer: (linkedInState: string, now: Date) => Promise<AnsweredSignIn | undefined>;
  /** Stores LinkedIn's token (encrypted) for the service's one-time code; returns nothing of either. */
  issueCode: (signIn: AnsweredSignIn, code: string, accessToken: string, tokenExpiresAt: Date, now: Date) => Promise<void>;
  /** Claims the sign-in a one-time code stands for; undefined when unknown or already used. */
  redeem: (code: string, now: Date) => Promise<RedeemedSignIn | undefined>;
}

export const hashCode = (code: string): string => createHash('sha256').update(code, 'utf8').digest('base64url');
/** The owner a pending sign-in's token is sealed for. */
export const tokenContext = (id: string) => `pending-sign-in:${id}`;

/** A redeemed token waits this long for its completion before the queue revokes it by itself. */
const COMPLETION_GRACE_MS = 2 * 60_000;

export function createPendingSignIns(db: Kysely<Database>, cipher: TokenCipher, revocations: RevocationQueue): PendingSignIns {
  const sweep = (now: Date) => sweepExpired(db, cipher, revocations, now);
  return {
    sweep,
    async begin(request, linkedInState, nonce, now) {
      await sweep(now);
      await db
        .insertInto('pending_sign_ins')
        .values({
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
        })
        .execute();
    },

    async claimLinkedInAnswer(linkedInState, now) {
      const row = await db
        .deleteFrom('pending_sign_ins')
        .where('linkedin_state', '=', linkedInState)
        .returning(['id', 'nonce', 'pane_state', 'code_challenge', 'consent', 'redirect_uri', 'expires_at'])
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
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
          token_ciphertext: cipher.encrypt(accessToken, tokenContext(signIn.id)),
          token_expires_at: tokenExpiresAt,
          expires_at: new Date(now.getTime() + CODE_LIFETIME_MS),
        })
        .execute();
    },

    redeem: (code, now) => redeemCode(db, cipher, revocations, code, now),
  };
}

/** Deletes every pending sign-in past its time, queueing (and asking LinkedIn for) the revoke of each token one held. */
async function sweepExpired(db: Kysely<Database>, cipher: TokenCipher, revocations: RevocationQueue, now: Date): Promise<void> {
  const queued = await db.transaction().execute(async (tx) => {
    const swept = await tx
      .deleteFrom('pending_sign_ins')
      .where('expires_at', '<', now)
      .returning(['id', 'token_ciphertext', 'token_expires_at'])
      .execute();
    const ids: (string | undefined)[] = [];
    for (const row of swept) {
      const accessToken = row.token_ciphertext ? decryptOrUndefined(cipher, row.token_ciphertext, tokenContext(row.id)) : undefined;
      if (accessToken === undefined || !row.token_expires_at) continue;
      ids.push(await revocations.queue(tx, { accessToken, expiresAt: new Date(row.token_expires_at), reason: 'abandonedSignIn' }));
    }
    return ids;
  });
  await revocations.attempt(queued);
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
    const accessToken = row?.token_ciphertext ? decryptOrUndefined(cipher, row.token_ciphertext, tokenContext(row.id)) : undefined;
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

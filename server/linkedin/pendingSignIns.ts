import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TokenCipher } from '../crypto/tokenCipher';
import type { Database } from '../db/schema';
import type { ConnectionConsent } from '../store/connections';

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

/** A redeemed one-time code (claimed: the code can never be redeemed again, whatever the outcome). */
export interface RedeemedSignIn extends SignInRequest {
  expired: boolean;
  accessToken: () => string;
  tokenExpiresAt: Date;
}

/**
 * Pending sign-ins in the database, so any instance can answer any step. Every step CLAIMS its row in one statement
 * (delete … returning) before anything else happens, so a replayed state or code finds nothing, even when two
 * requests race. Expired rows are swept on each new sign-in.
 */
export interface PendingSignIns {
  /** Deletes every pending sign-in past its time (abandoned ones included, with their encrypted token). */
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
const tokenContext = (id: string) => `pending-sign-in:${id}`;

export function createPendingSignIns(db: Kysely<Database>, cipher: TokenCipher): PendingSignIns {
  const sweep = async (now: Date): Promise<void> => {
    await db.deleteFrom('pending_sign_ins').where('expires_at', '<', now).execute();
  };
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

    async redeem(code, now) {
      const row = await db.deleteFrom('pending_sign_ins').where('code_hash', '=', hashCode(code)).returningAll().executeTakeFirst();
      if (!row || !row.token_ciphertext || !row.token_expires_at) return undefined;
      const ciphertext = row.token_ciphertext;
      return {
        paneState: row.pane_state,
        codeChallenge: row.code_challenge,
        consent: row.consent,
        redirectUri: row.redirect_uri,
        expired: new Date(row.expires_at).getTime() <= now.getTime(),
        tokenExpiresAt: new Date(row.token_expires_at),
        accessToken: () => cipher.decrypt(ciphertext, tokenContext(row.id)),
      };
    },
  };
}

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../config';

/**
 * LinkedIn tokens at rest: AES-256-GCM, a fresh 96-bit IV per value, the key id stored beside the ciphertext so keys
 * can rotate (the first configured key encrypts, any configured key decrypts). `context` (the owner, e.g. tid:oid) is
 * bound as additional data, so a ciphertext copied to another user's row does not decrypt.
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url).
 */
export interface TokenCipher {
  encrypt: (plaintext: string, context: string) => string;
  /** Throws TokenDecryptError for a value it cannot open (unknown key, tampered, other context). */
  decrypt: (stored: string, context: string) => string;
  /** True when the value was sealed with a key other than the current one (re-encrypt on next write). */
  needsRotation: (stored: string) => boolean;
  /**
   * A keyed pseudonym of a value (HMAC-SHA256 under a key derived from the current one for this purpose): equal values
   * give equal pseudonyms on every instance, and without the key none leads back to its value (e.g. a client address).
   */
  pseudonym: (value: string, purpose: string) => string;
}

export class TokenDecryptError extends Error {
  constructor(reason: string) {
    super(`stored token cannot be decrypted: ${reason}`);
    this.name = 'TokenDecryptError';
  }
}

export function createTokenCipher(keys: readonly EncryptionKey[]): TokenCipher {
  const current = keys[0];
  if (!current) throw new Error('createTokenCipher needs at least one key');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(
        '.',
      );
    },
    decrypt(stored, context) {
      const [version, keyId, iv, tag, ciphertext] = stored.split('.');
      if (version !== 'v1' || !keyId || !iv || !tag || ciphertext === undefined) throw new TokenDecryptError('unknown format');
      const key = byId.get(keyId);
      if (!key) throw new TokenDecryptError(`key "${keyId}" is not configured`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenDecryptError('authentication failed');
      }
    },
    needsRotation(stored) {
      return stored.split('.')[1] !== current.id;
    },
    pseudonym(value, purpose) {
      const key = Buffer.from(hkdfSync('sha256', current.key, Buffer.alloc(0), `pseudonym:${purpose}`, 32));
      return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
    },
  };
}

/** A stored token, or undefined when it cannot be opened (e.g. its key removed): then it cannot be revoked either. */
export function decryptOrUndefined(cipher: TokenCipher, stored: string, context: string): string | undefined {
  try {
    return cipher.decrypt(stored, context);
  } catch {
    return undefined;
  }
}

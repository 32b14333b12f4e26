/** One-time values for the LinkedIn sign-in: an unguessable state and a PKCE (S256) verifier with its challenge. */

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

/** 256 random bits (the issue asks for at least 128), URL-safe. */
export function createState(): string {
  return base64Url(randomBytes(32));
}

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** RFC 7636: a 43-character verifier from 32 random bytes, and base64url(SHA-256(verifier)) as the challenge. */
export async function createPkcePair(): Promise<PkcePair> {
  const verifier = base64Url(randomBytes(32));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)), method: 'S256' };
}

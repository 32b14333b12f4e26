/**
 * What the service's logs may say of a string or a URL: no e-mail address, no JWT, no bearer credential, and (in a
 * URL) no code, state or other opaque value. Every function here is one left-to-right scan (plus a bounded number of
 * `indexOf`s over each piece it has already cut out), never a backtracking pattern: a hostile 100 KB URL costs
 * about a millisecond, not seconds of CPU (the patterns this replaced were quadratic: 15,000 characters, 0.6 s).
 */

/** Where a word of free text ends: whitespace, control characters, quotes, brackets and list punctuation. */
function isBreak(code: number): boolean {
  if (code <= 0x20 || (code >= 0x7f && code <= 0xa0)) return true;
  switch (code) {
    case 0x22: // "
    case 0x27: // '
    case 0x60: // `
    case 0x3c: // <
    case 0x3e: // >
    case 0x28: // (
    case 0x29: // )
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x2028:
    case 0x2029:
    case 0x3000:
    case 0xfeff:
      return true;
    default:
      return code >= 0x2000 && code <= 0x200b;
  }
}

/** `local@domain.tld` somewhere in the piece (the `@` may be percent-encoded). */
function holdsAddress(piece: string): boolean {
  const lower = piece.toLowerCase();
  for (const at of ['@', '%40']) {
    const index = lower.indexOf(at, 1);
    if (index < 0) continue;
    const dot = lower.indexOf('.', index + at.length + 1);
    if (dot >= 0 && dot < lower.length - 1) return true;
  }
  return false;
}

/** A JWT (header `eyJ…`, then two dots) somewhere in the piece. */
function holdsJwt(piece: string): boolean {
  const start = piece.indexOf('eyJ');
  if (start < 0) return false;
  const first = piece.indexOf('.', start);
  return first >= 0 && piece.indexOf('.', first + 1) >= 0;
}

/** A long opaque value (a code, state, token or key): 32 or more base64url-ish characters in a row, letters and digits. */
function holdsOpaqueValue(piece: string): boolean {
  let run = 0;
  let letters = false;
  let digits = false;
  for (let i = 0; i < piece.length; i += 1) {
    const c = piece.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39;
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (digit || letter || c === 0x2d || c === 0x5f || c === 0x7e || c === 0x2b || c === 0x3d || c === 0x25) {
      run += 1;
      letters ||= letter;
      digits ||= digit;
      if (run >= 32 && letters && digits) return true;
    } else {
      run = 0;
      letters = false;
      digits = false;
    }
  }
  return false;
}

const CREDENTIAL_SCHEME = /^(bearer|basic)$/i;

/** Free text (a message, an error, a logged value): addresses, JWTs and the credential after Bearer/Basic replaced. */
export function scrubText(value: string): string {
  let out = '';
  let credentialNext = false;
  let i = 0;
  while (i < value.length) {
    let j = i;
    const breaking = isBreak(value.charCodeAt(i));
    while (j < value.length && isBreak(value.charCodeAt(j)) === breaking) j += 1;
    const piece = value.slice(i, j);
    if (breaking) out += piece;
    else {
      out += credentialNext ? '[redacted]' : holdsAddress(piece) ? '[email]' : holdsJwt(piece) ? '[token]' : piece;
      credentialNext = piece.length <= 6 && CREDENTIAL_SCHEME.test(piece);
    }
    i = j;
  }
  return out;
}

/** Percent-decoding that never throws (a stray `%` or invalid UTF-8 stays as it is read), applied up to three times. */
function decoded(value: string): string {
  let text = value;
  for (let pass = 0; pass < 3 && text.includes('%'); pass += 1) {
    const next = text.replace(/%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    if (next === text) break;
    text = next;
  }
  return text;
}

/** One path segment or query value as logged: itself, or what it held. Judged on its decoded form. */
function scrubPiece(piece: string): string {
  const text = decoded(piece);
  if (holdsAddress(text)) return '[email]';
  if (holdsJwt(text)) return '[token]';
  if (holdsOpaqueValue(text) || holdsOpaqueValue(piece)) return '[redacted]';
  return piece;
}

/** Query parameters whose values say nothing of a person or a secret (the sign-in's fixed vocabulary). */
const PLAIN_QUERY_VALUES = new Set(['response_type', 'code_challenge_method', 'consent', 'error']);
export const MAX_LOGGED_URL = 1024;

/**
 * A request's URL as logged: each path segment and each query parameter's name kept unless it holds an address, a
 * JWT or an opaque value; query values redacted except those of the sign-in's fixed vocabulary; at most
 * MAX_LOGGED_URL characters. Matched route or not: an address in a 404's path is scrubbed like any other.
 */
export function scrubUrl(url: string): string {
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  let out = path.split('/').map(scrubPiece).join('/');
  if (mark >= 0) {
    const params = url
      .slice(mark + 1)
      .split('&')
      .map((pair) => {
        const equals = pair.indexOf('=');
        const name = scrubPiece(equals < 0 ? pair : pair.slice(0, equals));
        if (equals < 0) return name;
        return `${name}=${PLAIN_QUERY_VALUES.has(name) ? scrubPiece(pair.slice(equals + 1)) : '[redacted]'}`;
      });
    out += `?${params.join('&')}`;
  }
  return out.length > MAX_LOGGED_URL ? `${out.slice(0, MAX_LOGGED_URL)}…` : out;
}

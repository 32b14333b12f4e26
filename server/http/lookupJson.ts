import type { LookupResponseWire } from '../../src/contract/insights';

type Profile = Extract<LookupResponseWire['results'][number], { status: 'match' }>['profile'];

/** The content type Fastify gives JSON it serializes: the lookup's answer carries the same. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * What follows a match's address, as UTF-8 bytes (`,"status":"match","profile":{…}}`), kept for profiles that can
 * never change: frozen, with their one nested object frozen too.
 */
const written = new WeakMap<Profile, Buffer>();
const unchangeable = (profile: Profile): boolean =>
  Object.isFrozen(profile) && (profile.currentPosition === undefined || Object.isFrozen(profile.currentPosition));
const matchTailOf = (profile: Profile): string => `,"status":"match","profile":${JSON.stringify(profile)}}`;

function matchTail(profile: Profile): string | Buffer {
  if (!unchangeable(profile)) return matchTailOf(profile);
  let bytes = written.get(profile);
  if (bytes === undefined) {
    bytes = Buffer.from(matchTailOf(profile), 'utf8');
    written.set(profile, bytes);
  }
  return bytes;
}

/**
 * A lookup's answer as the UTF-8 bytes of its JSON, byte for byte what JSON.stringify writes, encoded
 * (test/server/lookupJson.test.ts holds the two together), with each profile a source hands out frozen (the fixtures',
 * a source's own cache) written and encoded once and reused: writing twenty profiles per lookup was the largest single
 * entry of the service's CPU profile under load, and an answer built as a string was copied again and again on its way
 * out (joined, flattened, measured, encoded for the socket: profiles with non-ASCII text make it a two-byte string).
 * JSON.stringify escapes lone surrogates, so the string written is well-formed and its UTF-8 is exact.
 */
export function lookupJson(answer: LookupResponseWire): Buffer {
  const pieces: (string | Buffer)[] = [];
  let room = 0;
  const add = (piece: string | Buffer) => {
    pieces.push(piece);
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
    room += typeof piece === 'string' ? piece.length * 3 : piece.length;
  };
  add(`{"apiVersion":${JSON.stringify(answer.apiVersion)},"results":[`);
  answer.results.forEach((result, index) => {
    if (index > 0) add(',');
    if (result.status !== 'match') return add(JSON.stringify(result));
    add(`{"email":${JSON.stringify(result.email)}`);
    add(matchTail(result.profile));
  });
  add(']}');
  // Zero-filled, and only what was written handed on.
  const bytes = Buffer.alloc(room);
  let length = 0;
  for (const piece of pieces) length += typeof piece === 'string' ? bytes.write(piece, length, 'utf8') : piece.copy(bytes, length);
  return bytes.subarray(0, length);
}

import type { LookupResponseWire } from '../../src/contract/insights';

type Result = LookupResponseWire['results'][number];
type Profile = Extract<Result, { status: 'match' }>['profile'];

/** The content type Fastify gives JSON it serializes: the lookup's answer carries the same. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A match as UTF-8 bytes, with the comma that separates it from the one before (`,{"email":…,"status":"match",
 * "profile":{…}}`), kept for profiles that can never change (frozen, with their one nested object frozen too):
 * the profile's part for good, the whole for the last address it was asked by (the same people are asked about again
 * and again, each by the address the pane read).
 */
interface Written {
  profile: Buffer;
  email?: string;
  match?: Buffer;
}
const written = new WeakMap<Profile, Written>();
const unchangeable = (profile: Profile): boolean =>
  Object.isFrozen(profile) && (profile.currentPosition === undefined || Object.isFrozen(profile.currentPosition));
const emailPart = (email: string) => `,{"email":${JSON.stringify(email)}`;
const profilePart = (profile: Profile) => `,"status":"match","profile":${JSON.stringify(profile)}}`;

function matchBytes(email: string, profile: Profile): Buffer {
  if (!unchangeable(profile)) return Buffer.from(emailPart(email) + profilePart(profile), 'utf8');
  let kept = written.get(profile);
  if (kept === undefined) {
    kept = { profile: Buffer.from(profilePart(profile), 'utf8') };
    written.set(profile, kept);
  }
  if (kept.match === undefined || kept.email !== email) {
    kept.match = Buffer.concat([Buffer.from(emailPart(email), 'utf8'), kept.profile]);
    kept.email = email;
  }
  return kept.match;
}

const resultBytes = (result: Result): Buffer =>
  result.status === 'match' ? matchBytes(result.email, result.profile) : Buffer.from(`,${JSON.stringify(result)}`, 'utf8');

/**
 * A lookup's answer as the UTF-8 bytes of its JSON, byte for byte what JSON.stringify writes, encoded
 * (test/server/lookupJson.test.ts holds the two together), with each profile a source hands out frozen (the fixtures',
 * a source's own cache) written and encoded once and reused: writing twenty profiles per lookup was the largest single
 * entry of the service's CPU profile under load, and an answer built as a string was copied again and again on its way
 * out (joined, flattened, measured, encoded for the socket: profiles with non-ASCII text make it a two-byte string).
 * JSON.stringify escapes lone surrogates, so the strings written are well-formed and their UTF-8 exact.
 */
export function lookupJson(answer: LookupResponseWire): Buffer {
  const pieces: Buffer[] = [Buffer.from(`{"apiVersion":${JSON.stringify(answer.apiVersion)},"results":[`, 'utf8')];
  let length = pieces[0]?.length ?? 0;
  for (let index = 0; index < answer.results.length; index++) {
    const result = answer.results[index];
    // Each result's bytes start with the comma before it; the first has none.
    const bytes = index === 0 ? resultBytes(result).subarray(1) : resultBytes(result);
    pieces.push(bytes);
    length += bytes.length;
  }
  pieces.push(CLOSE);
  return Buffer.concat(pieces, length + CLOSE.length);
}

const CLOSE = Buffer.from(']}', 'utf8');

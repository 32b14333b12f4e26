import type { LookupResponseWire } from '../../src/contract/insights';

type Profile = Extract<LookupResponseWire['results'][number], { status: 'match' }>['profile'];

/** Profiles' JSON, kept for profiles that can never change: frozen, with their one nested object frozen too. */
const written = new WeakMap<Profile, string>();
const unchangeable = (profile: Profile): boolean =>
  Object.isFrozen(profile) && (profile.currentPosition === undefined || Object.isFrozen(profile.currentPosition));

function profileJson(profile: Profile): string {
  if (!unchangeable(profile)) return JSON.stringify(profile);
  let json = written.get(profile);
  if (json === undefined) {
    json = JSON.stringify(profile);
    written.set(profile, json);
  }
  return json;
}

/**
 * A lookup's answer as JSON, byte for byte what JSON.stringify writes (test/server/lookupJson.test.ts holds the two
 * together), with each profile a source hands out frozen (the fixtures', a source's own cache) written once and
 * reused: writing twenty profiles per lookup was the largest single entry of the service's CPU profile under load.
 */
export function lookupJson(answer: LookupResponseWire): string {
  const results = answer.results.map((result) =>
    result.status === 'match'
      ? `{"email":${JSON.stringify(result.email)},"status":"match","profile":${profileJson(result.profile)}}`
      : JSON.stringify(result),
  );
  return `{"apiVersion":${JSON.stringify(answer.apiVersion)},"results":[${results.join(',')}]}`;
}

import { readFileSync } from 'node:fs';
import * as z from '../src/contract/zod';

/**
 * The kinds of value a setting can hold, as zod schemas, and the machinery that turns the environment into settings
 * and zod's issues into what an admin reads. The settings themselves are declared with these in server/settings.ts
 * (the service's) and server/hosting/settings.ts (npm run serve's).
 */

/** The environment's settings as read: trimmed, an empty value being unset. */
export type Settings = Partial<Record<string, string>>;
type Env = Record<string, string | undefined>;

/**
 * What an admin reads when a setting is not of its kind: `got` is its text as given, `issue` zod's (its path names an
 * entry of a list). A sentence never quotes a secret's value.
 */
export type Problem = (got: string | undefined, issue: z.core.$ZodRawIssue, name: string) => string;

const PROBLEMS = new WeakMap<object, Problem>();

/** A setting: its kind (type, default, allowed values) and the one sentence an admin reads when it is not of it. */
export function setting<T extends z.ZodMiniType>(kind: T, problem: Problem | string): T {
  PROBLEMS.set(kind, typeof problem === 'string' ? () => problem : problem);
  return kind;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A whole number from `min` to `max`, as Number() reads the text. */
export const wholeNumber = (min: number, max: number) => z.pipe(z.coerce.number(), z.int().check(z.gte(min), z.lte(max)));

/** One of `values`, as given. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/** `true` or `false`, exactly. */
export const trueOrFalse = z.pipe(
  z.enum(['true', 'false']),
  z.transform((value) => value === 'true'),
);

/** A list written as text: `separator` between items; blank items (by default: spaces only) left out. */
export function listOf<T extends z.ZodMiniType<unknown, string>>(
  item: T,
  separator: string | RegExp = ',',
  isBlank: (item: string) => boolean = (entry) => entry.trim() === '',
) {
  return z.pipe(
    z.pipe(
      z.string(),
      z.transform((text) => text.split(separator).filter((entry) => !isBlank(entry))),
    ),
    z.array(item),
  );
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** https://…, or http:// to 127.0.0.1 (a stand-in on this machine; a rule refuses it in production). */
export function isHttpsOrLoopback(text: string): boolean {
  const url = parsedUrl(text);
  return url?.protocol === 'https:' || (url?.protocol === 'http:' && url.hostname === '127.0.0.1');
}

/** An address the service sends a browser or a request to: https:// or loopback, no credentials, no fragment. */
export function isServiceUrl(text: string): boolean {
  const url = parsedUrl(text);
  return !!url && isHttpsOrLoopback(text) && !url.username && !url.password && !url.hash;
}

/** Whether a URL's path ends so, or it has a query. */
export const urlPathEndsWith = (text: string, end: string): boolean => !!parsedUrl(text)?.pathname.endsWith(end);
export const urlHasQuery = (text: string): boolean => !!parsedUrl(text)?.search;

/** Whether a URL setting's value is plain HTTP (allowed to loopback outside production only). */
export const isPlainHttp = (text: unknown): boolean => typeof text === 'string' && parsedUrl(text)?.protocol === 'http:';

/** A file the process can read, as its contents (an unreadable one is marked so, for its setting's sentence). */
export const readableFile = z.pipe(
  z.string(),
  z.transform((path, payload) => {
    try {
      return readFileSync(path);
    } catch {
      payload.issues.push({ code: 'custom', input: path, path: [], params: { unreadable: true } });
      return z.NEVER;
    }
  }),
);

/** A file the process can read, kept as its path. */
export const readablePath = z.string().check(
  z.refine((path) => {
    try {
      readFileSync(path);
      return true;
    } catch {
      return false;
    }
  }),
);

/** The environment's settings of `shape`, trimmed, an empty one left out (so it counts as unset). */
export function settingsOf(env: Env, shape: z.core.$ZodShape): Settings {
  const settings: Settings = {};
  for (const name of Object.keys(shape)) {
    const value = env[name]?.trim();
    if (value) settings[name] = value;
  }
  return settings;
}

/** What the rules between settings see: a setting's value, or (when it has a problem of its own) its default. */
export interface RuleContext {
  value: <T = unknown>(name: string) => T | undefined;
  /** Whether the environment sets it at all (right or wrong). */
  given: (name: string) => boolean;
  /** An issue with `name`: in the rule's own words, or (none given) in the setting's sentence. */
  refuse: (name: string, message?: string) => void;
}
export type Rule = (context: RuleContext) => void;

/** What a setting is when it is not set: its default, or undefined. */
function unsetValue(kind: z.core.$ZodType | undefined): unknown {
  const result = kind ? z.safeParse(kind, undefined) : undefined;
  return result?.success ? result.data : undefined;
}

/**
 * The settings of `shape` and the `rules` between them, as one schema. The rules run even when a setting is wrong
 * (that setting counting as unset), so an admin reads every problem in one pass.
 */
export function settingsSchema<S extends z.core.$ZodShape>(shape: S, rules: readonly Rule[]) {
  return z.object(shape).check(
    z.check<Record<string, unknown>>(
      (payload) => {
        const hasProblem = (name: string) => payload.issues.some((issue) => issue.path?.[0] === name);
        const context: RuleContext = {
          value: <T>(name: string) => (hasProblem(name) ? unsetValue(shape[name]) : payload.value[name]) as T | undefined,
          given: (name) => payload.value[name] !== undefined,
          refuse: (name, message) =>
            payload.issues.push({ code: 'custom', input: payload.value[name], path: [name], ...(message ? { message } : {}) }),
        };
        for (const rule of rules) rule(context);
      },
      { when: () => true },
    ),
  );
}

/**
 * The admin's sentences for zod's issues, in the order of the settings (a list's entries in their order), each said
 * once. An issue a rule gave its own words keeps them; any other says its setting's sentence.
 */
export function problemsOf(issues: readonly z.core.$ZodIssue[], shape: z.core.$ZodShape): string[] {
  const names = Object.keys(shape);
  const rank = (issue: z.core.$ZodIssue) => names.indexOf(String(issue.path[0]));
  // An entry's issue before its setting's others (a rule about the whole list comes after its entries).
  const entry = (issue: z.core.$ZodIssue) => (typeof issue.path[1] === 'number' ? issue.path[1] : Infinity);
  const ordered = [...issues].sort((a, b) => rank(a) - rank(b) || entry(a) - entry(b) || 0);
  return [...new Set(ordered.map((issue) => issue.message))];
}

/** The parse's error map: each issue without words of its own says its setting's sentence. */
export function sentencesFor(settings: Settings, shape: z.core.$ZodShape): z.core.$ZodErrorMap {
  return (issue) => {
    const name = String(issue.path?.[0]);
    const problem = PROBLEMS.get(shape[name] ?? {});
    return problem ? problem(settings[name], issue, name) : `${name} is not valid`;
  };
}

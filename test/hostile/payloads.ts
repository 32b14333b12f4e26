/**
 * Hostile payloads for every response the add-in parses (insights service, Microsoft Graph, the admin's policy file).
 * Most start from a valid payload and mutate it — so that many get past the schema and reach rendering — and some
 * are fully random JSON. Nesting deeper than JSON.stringify can write, and text that is not JSON, are produced at
 * serialisation time (`serialize`).
 */
import fc from 'fast-check';
import { FIXTURE_PEOPLE } from '../../server/sources/fixtures/people';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ── Oracles, written independently of src/ so that widening a guard there fails here ───────────────────────────────

/** The only hosts a rendered image may come from. */
export const PHOTO_HOSTS: readonly string[] = ['media.licdn.com'];
/** The only hosts a rendered link may point at. */
export const LINK_HOSTS: readonly string[] = ['linkedin.com', 'www.linkedin.com'];

/** An absolute https: URL on one of `hosts`, without user name or password (resolved without any base). */
export function isLinkedInHttps(value: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && hosts.includes(url.hostname) && url.username === '' && url.password === '';
}

/** C0 and C1 controls, and the bidi embedding, override and isolate characters (Trojan Source, CVE-2021-42574). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: none may reach the pane.
export const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// ── Hostile strings and links ─────────────────────────────────────────────────────────────────────────────────────

const SPECIAL_CHARS = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  '\ud800',
  '\udfff',
  '\udc00',
  '😀',
  '👩‍👩‍👧',
  'ﷺ',
  'e\u0301',
  'ليلى',
  '\u0000\u202e',
];

const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)></iframe>",
  '<a href="javascript:alert(1)">click</a>',
  '<style>*{display:none}</style>',
  '</section><form action="https://evil.example/">',
  '<base href="https://evil.example/">',
  '&lt;b&gt;bold&lt;/b&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '<!--',
  ']]>',
  '\\u003cscript\\u003e',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '__proto__',
];

/** Links that must never be rendered (plus a few allowed ones, so both branches run). */
export const HOSTILE_LINKS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript://www.linkedin.com/%0aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'http://www.linkedin.com/in/plain-http',
  'http://media.licdn.com/dms/image/x/0',
  'ftp://www.linkedin.com/',
  'blob:https://www.linkedin.com/0c6c1b3e',
  'file:///etc/passwd',
  '//www.linkedin.com/in/protocol-relative',
  '/in/relative',
  'in/relative',
  '',
  ' ',
  '#',
  'https://www.linkedin.com.evil.example/in/x',
  'https://evil.example/?u=https://www.linkedin.com/',
  'https://evil.example/#https://www.linkedin.com',
  'https://user:pass@www.linkedin.com/in/x',
  'https://www.linkedin.com@evil.example/',
  'https://www.linkedin.com%2eevil.example/',
  'https://www.linkedin.com./in/trailing-dot',
  'https://xn--linkedn-yxa.com/',
  'https://www.lìnkedin.com/',
  'https://linkedin.evil.example/',
  'https://127.0.0.1/',
  'https://[::1]/',
  'https:\\\\evil.example',
  'https:/\\evil.example',
  'https://evil.example\\@www.linkedin.com',
  'https://www.linkedin.com\t.evil.example/',
  'https://www.linkedin.com\u202e.evil.example/',
  'HTTPS://WWW.LINKEDIN.COM/in/upper-case',
  'https://www.linkedin.com:8443/in/port',
  'https://www.linkedin.com/in/x?q=<script>alert(1)</script>',
  'https://www.linkedin.com/in/"><script>alert(1)</script>',
  'https://media.licdn.com/dms/image/x.svg',
  'https://linkedin.com/in/bare-domain',
  `https://www.linkedin.com/in/${'a'.repeat(2100)}`,
];

/** Built once: strings of 1 MB (and a little over), used in only a few runs. */
const HUGE_STRINGS = [
  'A'.repeat(1 << 20),
  '\u202e'.repeat(1 << 20),
  '<script>alert(1)</script>'.repeat(42_000),
  `https://www.linkedin.com/in/${'x'.repeat(1 << 20)}`,
];

/** Text right at, and just over, the schema's length bounds (x4 before cleaning, then the kept length). */
const boundaryString = fc
  .tuple(
    fc.constantFrom(60, 100, 200, 240, 300, 320, 400, 500, 800, 801, 1200, 1201, 2000, 2001, 2048, 2049),
    fc.constantFrom('a', '\u202e', '😀', 'é', '\u0000', '<'),
  )
  .map(([length, unit]) => unit.repeat(Math.max(1, Math.floor(length / unit.length))));

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
  { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_LINKS) },
);

/** Text a hostile service might send: markup, script, control and bidi characters, lone surrogates, long runs. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 300, arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 60, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 40, arbitrary: boundaryString },
  // 1 MB strings: about 1 leaf in 400.
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
);

/** A link: mostly hostile, sometimes allowed, sometimes a random URL of any scheme. */
export const hostileLink: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...HOSTILE_LINKS) },
  {
    weight: 2,
    arbitrary: fc.webUrl({ validSchemes: ['https', 'http', 'javascript', 'data', 'ftp'], withQueryParameters: true, withFragments: true }),
  },
  { weight: 2, arbitrary: fc.webPath().map((path) => `https://www.linkedin.com${path}`) },
  { weight: 1, arbitrary: hostileText.map((text) => `https://www.linkedin.com/in/${text}`) },
);

// ── Valid payloads (from the fixtures the mocks serve) ───────────────────────────────────────────────────────────

const matches = Object.entries(FIXTURE_PEOPLE).flatMap(([email, person]) => (person.status === 'match' ? [{ email, person }] : []));
const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

export const VALID = {
  lookup: matches.slice(0, 6).map(({ email, person }, i) =>
    asJson({
      apiVersion: '1',
      results: [
        { email, status: 'match', profile: person.profile },
        { email: `nobody${i}@example.com`, status: 'noMatch' },
        { email: 'rafael.ortiz@northwind.com', status: 'hidden' },
      ],
    }),
  ),
  insights: matches.slice(0, 10).map(({ email, person }) => asJson({ apiVersion: '1', email, ...person.insights })),
  suggestions: [
    asJson({
      apiVersion: '1',
      suggestions: matches.slice(0, 5).map(({ person }) => ({
        name: person.profile.name,
        headline: person.profile.headline,
        profileUrl: person.profile.profileUrl,
        photoUrl: person.profile.photoUrl,
      })),
    }),
  ],
  connection: [
    asJson({ apiVersion: '1', status: 'connected', consent: 'twoWay', connectedAt: '2026-11-27T10:00:00.000Z' }),
    asJson({ apiVersion: '1', status: 'connected', consent: 'linkedInToMicrosoft', connectedAt: '2026-11-27T10:00:00.000Z' }),
    asJson({ apiVersion: '1', status: 'notConnected' }),
  ],
  revoked: [asJson({ apiVersion: '1', status: 'notConnected' })],
  graphMe: [
    asJson({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,mail,preferredDataLocation)/$entity',
      id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
      userPrincipalName: 'megan.bowen@contoso.com',
      mail: 'megan.bowen@contoso.com',
      preferredDataLocation: 'EUR',
    }),
    asJson({
      id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
      userPrincipalName: 'megan.bowen@contoso.com',
      mail: null,
      preferredDataLocation: null,
    }),
  ],
  graphOrganization: [
    asJson({ value: [{ countryLetterCode: 'US' }] }),
    asJson({ value: [{ countryLetterCode: null }] }),
    asJson({ value: [] }),
  ],
  graphMemberGroups: [asJson({ value: ['6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b'] }), asJson({ value: [] })],
  policy: [
    asJson({
      $schema: './linkedin-policy.schema.json',
      version: 1,
      linkedInAccountConnections: 'selected',
      selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
      selectedUsers: ['megan.bowen@contoso.com', 'alex.wilber@contoso.com'],
      officePolicy: { showLinkedInFeatures: 'notConfigured', connectedExperiences: 'enabled', optionalConnectedExperiences: 'disabled' },
      environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
      availability: { excludedClouds: ['gcc', 'dod'], excludedMailboxGeos: ['DEU', 'fra'] },
    }),
    asJson({ linkedInAccountConnections: 'yes' }),
    asJson({}),
  ],
} satisfies Record<string, Json[]>;

// ── Mutations ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** A marker string that `serialize` replaces with nesting this deep. */
const DEEP_MARK = '\u0001deep:';

type Op =
  | { kind: 'text'; value: string }
  | { kind: 'link'; value: string }
  | { kind: 'wrongType'; value: Json }
  | { kind: 'delete' }
  | { kind: 'extraField'; key: string; value: Json }
  | { kind: 'grow'; length: number }
  | { kind: 'deep'; depth: number };

interface Mutation {
  at: number;
  op: Op;
}

const wrongTypeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, '', '1', [], {}, [null], { '': null }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

const extraKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'then',
    'dangerouslySetInnerHTML',
    'onerror',
    'href',
    'style',
    'status',
    'email',
  ),
  fc.string({ unit: 'binary', maxLength: 10 }),
);

/** `structural` (0–2) weighs the mutations that usually break the schema against those that mostly keep it valid. */
const opArb = (structural: number): fc.Arbitrary<Op> => {
  const w = (weight: number) => Math.max(0, Math.round(weight * 20));
  return fc.oneof(
    { weight: w(8), arbitrary: hostileText.map((value): Op => ({ kind: 'text', value })) },
    { weight: w(5), arbitrary: hostileLink.map((value): Op => ({ kind: 'link', value })) },
    { weight: w(2), arbitrary: fc.tuple(extraKey, wrongTypeValue).map(([key, value]): Op => ({ kind: 'extraField', key, value })) },
    { weight: w(2 * structural), arbitrary: wrongTypeValue.map((value): Op => ({ kind: 'wrongType', value })) },
    { weight: w(1 * structural), arbitrary: fc.constant<Op>({ kind: 'delete' }) },
    { weight: w(2), arbitrary: fc.constantFrom(2, 4, 21, 51, 300).map((length): Op => ({ kind: 'grow', length })) },
    // Huge arrays and deep nesting: rarer, as they are slow to build and to parse.
    { weight: w(0.15 * structural), arbitrary: fc.constantFrom(20_000, 100_000).map((length): Op => ({ kind: 'grow', length })) },
    { weight: w(0.6 * structural), arbitrary: fc.constantFrom(64, 1_000, 100_000).map((depth): Op => ({ kind: 'deep', depth })) },
  );
};

type Path = (string | number)[];

function nodes(value: Json, path: Path = [], out: { path: Path; value: Json; key: string | number | null }[] = []) {
  out.push({ path, value, key: path.length ? path[path.length - 1] : null });
  if (Array.isArray(value)) value.forEach((child, i) => nodes(child, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, child] of Object.entries(value)) nodes(child, [...path, k], out);
  return out;
}

function setAt(root: Json, path: Path, next: Json | undefined): Json {
  if (path.length === 0) return next === undefined ? null : next;
  let parent = root as Record<string | number, Json> | Json[];
  for (const part of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[part] as Record<string, Json>;
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    if (next === undefined) parent.splice(last as number, 1);
    else parent[last as number] = next;
  } else if (next === undefined) delete parent[last];
  else Object.defineProperty(parent, last, { value: next, enumerable: true, writable: true, configurable: true });
  return root;
}

const LINK_KEY = /url$/i;

/** Keys whose strings are free text the card shows (as opposed to identifiers, enums and dates). */
const FREE_TEXT_KEY = /^(name|headline|title|company|location|period|text)$/;

function apply(root: Json, { at, op: generated }: Mutation, freeTextOnly: boolean): Json {
  // Generated values may be shared between runs (constants): never let one run's mutation reach another's payload.
  const op = structuredClone(generated);
  const all = nodes(root);
  const pick = <T>(list: T[]): T | undefined => (list.length ? list[at % list.length] : undefined);
  switch (op.kind) {
    case 'text': {
      const texts = all.filter((n) => typeof n.value === 'string' && !(typeof n.key === 'string' && LINK_KEY.test(n.key)));
      const target = pick(freeTextOnly ? texts.filter((n) => typeof n.key === 'string' && FREE_TEXT_KEY.test(n.key)) : texts);
      return target ? setAt(root, target.path, op.value) : root;
    }
    case 'link': {
      const links = all.filter((n) => typeof n.key === 'string' && LINK_KEY.test(n.key));
      const target = pick(links.length ? links : all.filter((n) => typeof n.value === 'string'));
      return target ? setAt(root, target.path, op.value) : root;
    }
    case 'wrongType': {
      const target = pick(all);
      return target ? setAt(root, target.path, op.value) : root;
    }
    case 'delete': {
      const target = pick(all.filter((n) => n.path.length > 0));
      return target ? setAt(root, target.path, undefined) : root;
    }
    case 'extraField': {
      const target = pick(all.filter((n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value)));
      return target ? setAt(root, [...target.path, op.key], op.value) : root;
    }
    case 'grow': {
      const arrays = all.filter((n) => Array.isArray(n.value));
      const target = pick(arrays);
      if (!target) return root;
      const list = target.value as Json[];
      // Up to ~1 MB more JSON (100,000 small items, or fewer big ones), and the whole payload under ~2 MB however
      // mutations stack: a grown list inside a grown list, or a 1 MB string copied 60 times, would otherwise make
      // gigabytes and exhaust the test's memory (the test's problem: answers that big are refused unparsed).
      const itemSize = list.length ? Math.max(...list.map((item) => JSON.stringify(item).length)) : 1;
      const room = Math.max(0, 2_000_000 - JSON.stringify(root).length);
      const length = Math.min(op.length, Math.max(list.length, Math.floor(Math.min(1_000_000, room) / Math.max(1, itemSize))));
      // Each copy is its own value: shared references would let a later mutation (a 1 MB string) land in every copy
      // at once, past the size bound above (seed 211162032 built a 'gigabyte' payload that way).
      const grown =
        list.length === 0 ? Array.from({ length }, (_, i) => i) : Array.from({ length }, (_, i) => structuredClone(list[i % list.length]));
      return setAt(root, target.path, grown);
    }
    case 'deep': {
      const target = pick(all);
      return target ? setAt(root, target.path, `${DEEP_MARK}${op.depth}`) : root;
    }
  }
}

/**
 * A valid payload with 0–5 mutations. `structural` weighs the mutations that usually break the schema; `freeTextOnly`
 * aims hostile text at the fields shown as text (so that more payloads pass the schema and reach rendering).
 */
export function mutated(
  bases: Json[],
  options: { structural?: number; maxMutations?: number; freeTextOnly?: boolean } = {},
): fc.Arbitrary<Json> {
  const mutation = fc.record({ at: fc.nat(), op: opArb(options.structural ?? 1) });
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(mutation, { maxLength: options.maxMutations ?? 5 }))
    .map(([base, mutations]) =>
      mutations.reduce<Json>((value, m) => apply(value, m, options.freeTextOnly ?? false), structuredClone(base)),
    );
}

/** Fully random JSON, including hostile text in its strings. */
export const randomJson: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
  fc.letrec<{ node: Json }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileText,
      fc.constantFrom<Json>(null, true, 0, -0, 1e308),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(extraKey, tie('node'), { maxKeys: 4 }),
    ),
  })).node,
);

/** A payload as the body of an HTTP answer: mostly its JSON, sometimes truncated or not JSON at all. */
export function asBody(payload: fc.Arbitrary<Json>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 20, arbitrary: payload.map(serialize) },
    {
      weight: 1,
      arbitrary: fc.tuple(payload, fc.nat()).map(([value, cut]) => {
        const text = serialize(value);
        return text.slice(0, cut % Math.max(1, text.length));
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        'null',
        'undefined',
        'NaN',
        '<html><script>alert(1)</script></html>',
        '{"apiVersion":"1",',
        '\ufeff{}',
        '{"a":1}{"b":2}',
        '['.repeat(200_000),
      ),
    },
  );
}

/**
 * JSON text, with deep-nesting markers expanded (deeper than JSON.stringify could write). At most 200,000 levels in
 * all per payload: a marker copied into a grown list would otherwise make gigabytes (the test's problem, not the
 * add-in's — answers that big are refused unparsed, see parsing.test.ts).
 */
export function serialize(value: Json): string {
  let budget = 200_000;
  return JSON.stringify(value).replace(/"\\u0001deep:(\d+)"/g, (_, depth: string) => {
    const levels = Math.min(Number(depth), budget);
    budget -= levels;
    return '['.repeat(levels) + ']'.repeat(levels);
  });
}

/** What a network client would hand over: the JSON parsed back (or the text, when it is not JSON). */
export function roundTrip(value: Json): unknown {
  const text = serialize(value);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Issue 6, item 1 (rendering half): hostile insights answers, parsed by the add-in's schemas, rendered by the card's
 * own components (public profile, connected insights, "people you work with"). Whatever the payload: nothing thrown
 * or logged, no element or attribute the card does not render itself, every link and image https: on LinkedIn's
 * hosts, every text from the payload rendered verbatim as text (so never as markup), and no control or bidi
 * character in what is shown. 2,000 generated runs (with the 8,000 parsing runs: 10,000).
 */
import { positionLine } from '../../src/taskpane/card/PublicSection';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import type { ItemPerson } from '../../src/office';
import {
  connectedInsightsSchema,
  lookupResponseSchema,
  suggestionsSchema,
  type ConnectedInsights,
  type PublicProfile,
  type Suggestions,
} from '../../src/contract/insights';
import { ConnectedSection } from '../../src/taskpane/card/ConnectedSection';
import { PublicSection } from '../../src/taskpane/card/PublicSection';
import { SuggestionsSection } from '../../src/taskpane/card/SuggestionsSection';
import { CONTROL_OR_BIDI, isLinkedInHttps, LINK_HOSTS, PHOTO_HOSTS, mutated, randomJson, roundTrip, VALID, type Json } from './payloads';
import { LONG_TEST_TIMEOUT_MS } from '../timeouts.cjs';

const PERSON: ItemPerson = { displayName: 'Aiko Tanaka', address: 'aiko.tanaka@fabrikam.com', role: 'from' };
const noop = (): void => undefined;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What the card's components render themselves (Fluent UI v9 markup); anything else was injected. */
const ALLOWED_TAGS = new Set(['div', 'span', 'section', 'a', 'img', 'ul', 'li', 'button', 'svg', 'path', 'g', 'circle', 'rect']);
const ALLOWED_ATTRIBUTES = new Set([
  'class',
  'href',
  'target',
  'rel',
  'src',
  'alt',
  'role',
  'id',
  'type',
  'tabindex',
  'dir',
  'hidden',
  // Fluent's icons (svg) and its avatar
  'fill',
  'width',
  'height',
  'viewbox',
  'd',
  'xmlns',
  'focusable',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'background', 'data', 'ping']);

function Card(props: { profile?: PublicProfile; insights?: ConnectedInsights; suggestions?: Suggestions['suggestions'] }): JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <PublicSection
        person={PERSON}
        state={props.profile ? { status: 'match', profile: props.profile } : { status: 'noMatch' }}
        onRetry={noop}
      />
      {props.insights && (
        <ConnectedSection state={{ status: 'ready', insights: props.insights }} profileUrl={props.profile?.profileUrl} onRetry={noop} />
      )}
      {props.suggestions && <SuggestionsSection state={{ status: 'ready', suggestions: props.suggestions }} onRequest={noop} />}
    </FluentProvider>
  );
}

/** The texts from the payload that the card shows; each must appear verbatim in the page's text. */
function shownTexts(profile?: PublicProfile, insights?: ConnectedInsights, suggestions?: Suggestions['suggestions']): string[] {
  const texts: (string | undefined)[] = [];
  if (profile) {
    texts.push(profile.name, profile.headline, profile.location);
    // The position as the card says it: only what the headline does not already say.
    if (profile.currentPosition) texts.push(positionLine(profile.headline, profile.currentPosition) ?? undefined);
  }
  if (insights) {
    if (insights.mutualConnections.count > 0) texts.push(insights.mutualConnections.top.map((p) => p.name).join(', '));
    for (const entry of insights.sharedHistory) texts.push(entry.name, entry.period ? `(${entry.period})` : undefined);
    for (const activity of insights.recentActivity) texts.push(activity.text);
  }
  for (const person of suggestions ?? []) texts.push(person.name, person.headline ? `· ${person.headline}` : undefined);
  return texts.filter((t): t is string => Boolean(t));
}

function inspect(container: HTMLElement, expected: string[]): void {
  const elements = container.querySelectorAll('*');
  // Bounded however long the lists sent: at most 3 mutual connections, 10 shared entries, 3 activities, 5 suggestions.
  if (elements.length > 400) throw new Error(`${elements.length} elements rendered`);
  for (const element of elements) {
    const tag = element.tagName.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) throw new Error(`an element the card never renders: <${tag}>`);
    for (const { name, value } of [...element.attributes]) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) throw new Error(`an event handler attribute: ${name}="${value.slice(0, 80)}"`);
      if (!ALLOWED_ATTRIBUTES.has(attribute) && !attribute.startsWith('aria-') && !attribute.startsWith('data-')) {
        throw new Error(`an attribute the card never renders: ${name}="${value.slice(0, 80)}" on <${tag}>`);
      }
      if (URL_ATTRIBUTES.has(attribute) && !(attribute === 'href' || attribute === 'src')) throw new Error(`a ${name} attribute`);
      if ((attribute === 'href' || attribute === 'src') && !isLinkedInHttps(value, attribute === 'src' ? PHOTO_HOSTS : LINK_HOSTS)) {
        throw new Error(`<${tag} ${name}="${value.slice(0, 120)}"> is not https: on LinkedIn's hosts`);
      }
      if (CONTROL_OR_BIDI.test(value) || LONE_SURROGATE.test(value))
        throw new Error(`a control or bidi character in ${name}="${JSON.stringify(value.slice(0, 80))}"`);
    }
    if (tag === 'a' && element.getAttribute('target') === '_blank' && !/\bnoopener\b/.test(element.getAttribute('rel') ?? '')) {
      throw new Error('a new-window link without rel=noopener');
    }
  }
  const text = container.textContent ?? '';
  if (CONTROL_OR_BIDI.test(text)) throw new Error(`a control or bidi character shown: ${JSON.stringify(text.match(CONTROL_OR_BIDI)?.[0])}`);
  if (LONE_SURROGATE.test(text)) throw new Error('broken text (a lone surrogate) shown');
  for (const piece of expected) {
    if (!text.includes(piece)) throw new Error(`payload text not rendered verbatim as text: ${JSON.stringify(piece.slice(0, 120))}`);
  }
  if (document.querySelector('script, iframe, object, embed, base, form, meta[http-equiv]'))
    throw new Error('an element was injected into the document');
}

// Mostly mutations that keep the payload valid, so that most runs reach rendering; some fully random JSON.
const payload = (bases: Json[]) =>
  fc.oneof(
    { weight: 12, arbitrary: mutated(bases, { structural: 0.3, maxMutations: 6, freeTextOnly: true }) },
    { weight: 1, arbitrary: randomJson },
  );

let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void logged.push(args));
});
afterEach(() => jest.restoreAllMocks());

test(
  'hostile insights answers rendered by the card: only LinkedIn https links, text as text, nothing injected, nothing thrown (2,000 runs)',
  () => {
    const reached = { profile: 0, insights: 0, suggestions: 0 };
    fc.assert(
      fc.property(
        payload(VALID.lookup),
        payload(VALID.insights),
        payload(VALID.suggestions),
        (lookupPayload, insightsPayload, suggestionsPayload) => {
          const lookup = lookupResponseSchema.safeParse(roundTrip(lookupPayload));
          const match = lookup.success ? lookup.data.results.find((r) => r.status === 'match') : undefined;
          const profile = match?.status === 'match' ? match.profile : undefined;
          const insightsParsed = connectedInsightsSchema.safeParse(roundTrip(insightsPayload));
          const insights = insightsParsed.success ? insightsParsed.data : undefined;
          const suggestionsParsed = suggestionsSchema.safeParse(roundTrip(suggestionsPayload));
          const suggestions = suggestionsParsed.success ? suggestionsParsed.data.suggestions : undefined;
          if (profile) reached.profile++;
          if (insights) reached.insights++;
          if (suggestions) reached.suggestions++;
          const view = render(<Card profile={profile} insights={insights} suggestions={suggestions} />);
          try {
            inspect(view.container, shownTexts(profile, insights, suggestions));
            if (logged.length > 0)
              throw new Error(`logged while rendering: ${logged.map((args) => args.map(String).join(' ').slice(0, 300)).join('\n')}`);
          } finally {
            cleanup();
          }
        },
      ),
      { numRuns: Number(process.env.HOSTILE_RENDER_RUNS ?? 2000) },
    );
    // Most runs get past the schemas and are rendered (otherwise the checks above would be vacuous).
    const runs = Number(process.env.HOSTILE_RENDER_RUNS ?? 2000);
    expect(reached.profile).toBeGreaterThan(runs * 0.4);
    expect(reached.insights).toBeGreaterThan(runs * 0.4);
    expect(reached.suggestions).toBeGreaterThan(runs * 0.4);
  },
  LONG_TEST_TIMEOUT_MS,
);

test('the checks catch what they look for: an injected element, a javascript: link, a bidi override, markup interpreted', () => {
  const cases: [string, (root: HTMLElement) => void, RegExp][] = [
    ['script', (root) => root.appendChild(document.createElement('script')), /an element the card never renders: <script>/],
    [
      'javascript link',
      (root) => root.appendChild(Object.assign(document.createElement('a'), { href: 'javascript:alert(1)' })),
      /<a href="javascript:alert\(1\)"> is not https: on LinkedIn's hosts/,
    ],
    [
      'plain http image',
      (root) => root.appendChild(Object.assign(document.createElement('img'), { src: 'http://media.licdn.com/x' })),
      /<img src="http:\/\/media\.licdn\.com\/x"> is not https: on LinkedIn's hosts/,
    ],
    ['bidi override', (root) => root.append('\u202Eevil'), /a control or bidi character shown: "\u202E"/],
    [
      'event handler',
      (root) => root.firstElementChild?.setAttribute('onclick', 'alert(1)'),
      /an event handler attribute: onclick="alert\(1\)"/,
    ],
  ];
  for (const [, spoil, says] of cases) {
    const view = render(<Card />);
    spoil(view.container);
    expect(() => inspect(view.container, [])).toThrow(says);
    cleanup();
  }
  const view = render(<Card />);
  view.container.insertAdjacentHTML('beforeend', '<span>bold</span>');
  expect(() => inspect(view.container, ['<span>bold</span>'])).toThrow(/not rendered verbatim/);
});

import { act, cleanup, fireEvent, render } from '@testing-library/react';
import fc from 'fast-check';
import { CONSENT_SETTING } from '../../src/app/connect/consentRecord';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import type { DetectedEnvironment } from '../../src/app/viewer';
import { memoryRoamingSettings, type ItemPerson, type ItemSnapshot, type OfficeHost } from '../../src/office';
import type { InsightsClient } from '../../src/services/insightsClient';
import type { ConnectedInsights, LookupResult } from '../../src/contract/insights';
import { parsePolicyFile } from '../../src/services/policyFile';
import { App } from '../../src/taskpane/App';
import { connectStrings } from '../../src/taskpane/i18n/en/connect';

/**
 * Races (issue 6, item 4): the policy file, the membership check, the consent status, the lookups and the insights
 * answer in any order the scheduler picks, interleaved with the user switching mail, switching person, turning
 * LinkedIn features off and on, and disconnecting. After every step: any profile text in the pane belongs to the
 * person the pane shows, and the inputs known so far allow it; once everything has settled, the pane shows the
 * person of the mail Outlook has selected, with their profile when it is allowed.
 */

const VIEWER = { address: 'megan.bowen@contoso.com', displayName: 'Megan Bowen' };
const person = (name: string, address: string, role: ItemPerson['role']): ItemPerson => ({ displayName: name, address, role });
const ITEMS: ItemSnapshot[] = [
  {
    key: 'm1',
    kind: 'message',
    subject: 'One',
    people: [person('Ann', 'ann@fabrikam.com', 'from'), person('Me', VIEWER.address, 'to'), person('Bob', 'bob@contoso.com', 'cc')],
  },
  { key: 'm2', kind: 'message', subject: 'Two', people: [person('Cy', 'cy@adatum.com', 'from'), person('Ann', 'ann@fabrikam.com', 'to')] },
  {
    key: 'm3',
    kind: 'appointment',
    subject: 'Three',
    people: [person('Hid', 'hid@northwind.com', 'organizer'), person('Bob', 'bob@contoso.com', 'required')],
  },
];
const HIDDEN = 'hid@northwind.com';

/** Profile text carries the address it was made for, so the DOM says whose data it shows. */
const profileOf = (email: string) => ({
  id: `li-${email}`,
  name: `Name of ${email}`,
  headline: `Headline of ${email}`,
  profileUrl: `https://www.linkedin.com/in/${email.split('@')[0]}`,
});
const insightsOf = (email: string): ConnectedInsights => ({
  apiVersion: '1',
  email,
  isConnection: true,
  mutualConnections: { count: 2, top: [{ name: `Mutual of ${email}` }] },
  sharedHistory: [],
  recentActivity: [],
});
const PROFILE_TEXT = /(?:Name|Headline|Mutual) of ([^\s,·]+@[^\s,·]+)/g;

/** Every piece of profile text in the document, one text node at a time. */
function profileTexts(): { text: string; whose: string; node: Node }[] {
  const found: { text: string; whose: string; node: Node }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of (node.textContent ?? '').matchAll(PROFILE_TEXT)) found.push({ text: match[0], whose: match[1], node });
  }
  return found;
}

interface Scenario {
  mode: 'yes' | 'no' | 'selected';
  membership: DetectedEnvironment['groupMembership'];
  record: 'none' | 'twoWay';
  status: 'connected' | 'notConnected' | 'fails';
  option: boolean;
  actions: Action[];
}
type Action = { kind: 'item'; index: number } | { kind: 'person'; index: number } | { kind: 'option' } | { kind: 'disconnect' };

const ACTIONS: Record<Action['kind'], fc.Arbitrary<Action>> = {
  item: fc.record({ kind: fc.constant('item' as const), index: fc.nat(2) }),
  person: fc.record({ kind: fc.constant('person' as const), index: fc.nat(2) }),
  option: fc.record({ kind: fc.constant('option' as const) }),
  disconnect: fc.record({ kind: fc.constant('disconnect' as const) }),
};

/** A family of races: which inputs vary and which user actions interleave with the answers. */
interface Family {
  name: string;
  modes: Scenario['mode'][];
  memberships: Scenario['membership'][];
  records: Scenario['record'][];
  statuses: Scenario['status'][];
  actions: Action['kind'][];
}

const ALL = {
  modes: ['yes', 'no', 'selected'] as Scenario['mode'][],
  memberships: ['member', 'notMember', 'unknown'] as Scenario['membership'][],
  records: ['none', 'twoWay'] as Scenario['record'][],
  statuses: ['connected', 'notConnected', 'fails'] as Scenario['status'][],
};

const FAMILIES: Family[] = [
  {
    name: 'policy file × membership × lookups, while the mail changes',
    ...ALL,
    records: ['none'],
    statuses: ['connected'],
    actions: ['item'],
  },
  {
    name: 'consent status × insights × disconnect × the device option',
    ...ALL,
    modes: ['yes'],
    records: ['twoWay'],
    actions: ['disconnect', 'option', 'person'],
  },
  {
    name: 'mail and person switches × lookups × insights',
    ...ALL,
    modes: ['yes'],
    memberships: ['member'],
    statuses: ['connected'],
    actions: ['item', 'person'],
  },
  { name: 'everything at once', ...ALL, actions: ['item', 'person', 'option', 'disconnect'] },
];

function scenarioArb(family: Family): fc.Arbitrary<Scenario> {
  return fc.record({
    mode: fc.constantFrom(...family.modes),
    membership: fc.constantFrom(...family.memberships),
    record: fc.constantFrom(...family.records),
    status: fc.constantFrom(...family.statuses),
    option: fc.boolean(),
    actions: fc.array(fc.oneof(...family.actions.map((kind) => ACTIONS[kind])), { maxLength: 6 }),
  });
}

/** What the pane has been told so far, as the test knows it: the oracle for "the decision allows it". */
interface Known {
  policy: boolean;
  environment: boolean;
  status: boolean;
  option: boolean;
  disconnected: boolean;
  item: ItemSnapshot;
}

function publicAllowed(sc: Scenario, known: Known): boolean {
  if (!known.policy || !known.environment || !known.option || sc.mode === 'no') return false;
  return sc.mode === 'yes' || sc.membership === 'member';
}
function connectedAllowed(sc: Scenario, known: Known): boolean {
  return publicAllowed(sc, known) && sc.record === 'twoWay' && known.status && sc.status === 'connected' && !known.disconnected;
}

function setUp(s: fc.Scheduler, sc: Scenario) {
  const known: Known = {
    policy: false,
    environment: false,
    status: false,
    option: sc.option,
    disconnected: false,
    item: ITEMS[0],
  };
  /** A promise the scheduler resolves when it chooses; `then` records what the pane now knows. */
  const later = <T,>(label: string, value: () => T, then?: () => void): Promise<T> =>
    s.schedule(Promise.resolve(label), label).then(() => {
      then?.();
      return value();
    });
  const itemListeners = new Set<() => void>();
  const optionListeners = new Set<() => void>();
  let option = sc.option;
  const host: OfficeHost = {
    platform: 'web',
    displayLanguage: 'en-US',
    theme: 'light',
    currentUser: VIEWER,
    baseUrl: 'https://addins.contoso.com/linkedin/taskpane.html',
    getItem: () => {
      const item = known.item;
      return later(`getItem ${item.key}`, () => item);
    },
    onItemChanged: (listener) => {
      itemListeners.add(listener);
      return () => itemListeners.delete(listener);
    },
    deviceSettings: {
      getShowLinkedInFeatures: () => option,
      setShowLinkedInFeatures: (value) => {
        option = value;
      },
      subscribe: (listener) => {
        optionListeners.add(listener);
        return () => optionListeners.delete(listener);
      },
    },
    roamingSettings: memoryRoamingSettings(
      sc.record === 'twoWay' ? { [CONSENT_SETTING]: { consent: 'twoWay', connectedAt: '2026-11-27T10:00:00.000Z', version: 1 } } : {},
    ),
  };
  const insights: InsightsClient = {
    lookup: (emails) =>
      later(`lookup ${emails.join(',')}`, () =>
        emails.map((email): LookupResult =>
          email === HIDDEN ? { email, status: 'hidden' } : { email, status: 'match', profile: profileOf(email) },
        ),
      ),
    insights: (email) => later(`insights ${email}`, () => insightsOf(email)),
    connectionStatus: () =>
      later(
        'status',
        () => {
          if (sc.status === 'fails') throw new Error('offline');
          return sc.status === 'connected'
            ? { apiVersion: '1' as const, status: 'connected' as const, consent: 'twoWay' as const, connectedAt: '2026-11-27T10:00:00Z' }
            : { apiVersion: '1' as const, status: 'notConnected' as const };
        },
        () => {
          known.status = true;
        },
      ),
    revokeConnection: () => later('revoke', () => undefined),
    completeConnection: () => Promise.reject(new Error('not in this test')),
    suggestions: () => Promise.reject(new Error('not in this test')),
  };
  const policyText = { linkedInAccountConnections: sc.mode, environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' } };
  const deps: PaneDependencies = {
    host,
    loadPolicy: () =>
      later(
        'policy',
        () =>
          parsePolicyFile(sc.mode === 'selected' ? { ...policyText, selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' } : policyText),
        () => {
          known.policy = true;
        },
      ),
    detectEnvironment: () =>
      later(
        'membership',
        () => ({ cloud: 'unknown', mailboxGeo: 'unknown', tenantCountry: 'unknown', groupMembership: sc.membership }),
        () => {
          known.environment = true;
        },
      ),
    insights,
  };
  const run = (action: Action): void => {
    switch (action.kind) {
      case 'item':
        known.item = ITEMS[action.index];
        act(() => {
          for (const listener of [...itemListeners]) listener();
        });
        return;
      case 'person': {
        const options = [...document.querySelectorAll('[role="option"]')];
        const target = options[action.index % Math.max(1, options.length)];
        if (target) fireEvent.click(target);
        return;
      }
      case 'option':
        option = !option;
        known.option = option;
        act(() => {
          for (const listener of [...optionListeners]) listener();
        });
        return;
      case 'disconnect': {
        const button = buttonNamed(connectStrings.disconnect);
        if (!button) return;
        fireEvent.click(button);
        // Asked to confirm ("Disconnect" / "Keep connected"): now the only "Disconnect" button is the confirmation.
        if (!buttonNamed(connectStrings.disconnectNo)) return;
        known.disconnected = true;
        const confirm = buttonNamed(connectStrings.disconnectYes);
        if (confirm) fireEvent.click(confirm);
      }
    }
  };
  return { deps, known, run };
}

/** Queries by role compute the accessibility tree, far too slow for thousands of steps: plain DOM queries here. */
function buttonNamed(name: string): HTMLButtonElement | undefined {
  return [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);
}

/** The invariant after every step. */
function checkPane(sc: Scenario, known: Known): void {
  const section = document.querySelector('section[data-person]');
  const shownPerson = section?.getAttribute('data-person') ?? null;
  for (const { text, whose, node } of profileTexts()) {
    // Never under the wrong person: the text is about the person the pane shows, and it sits in their section.
    expect(whose).toBe(shownPerson);
    expect(section?.contains(node)).toBe(true);
    // Never before (or against) the decision that allows it.
    expect(publicAllowed(sc, known)).toBe(true);
    if (text.startsWith('Mutual')) expect(connectedAllowed(sc, known)).toBe(true);
    expect(whose).not.toBe(HIDDEN);
  }
  const selected = [...document.querySelectorAll('[role="option"][aria-selected="true"]')];
  if (shownPerson) expect(selected.map((o) => o.textContent ?? '').join()).toContain(shownPerson);
}

/** Once nothing is pending: the person shown is on the mail Outlook shows, with their profile when allowed. */
function checkSettled(sc: Scenario, known: Known): void {
  const shownPerson = document.querySelector('section[data-person]')?.getAttribute('data-person');
  if (!known.policy || !known.environment) return;
  expect(known.item.people.map((p) => p.address)).toContain(shownPerson);
  if (publicAllowed(sc, known) && shownPerson !== HIDDEN) expect(profileTexts().map((t) => t.text)).toContain(`Name of ${shownPerson}`);
}

test.each(FAMILIES.map((family) => [family.name, family] as const))(
  '%s: profile data never before the decision that allows it, nor under the wrong person',
  async (_name, family) => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), scenarioArb(family), async (s, sc) => {
        const { deps, known, run } = setUp(s, sc);
        try {
          render(<App deps={deps} />);
          // The scheduler decides when each user action happens; the action itself runs outside the scheduler's act,
          // as a user's would (each click in its own act).
          const due: Action[] = [];
          s.scheduleSequence(
            sc.actions.map((action, i) => ({ label: `user ${i}: ${JSON.stringify(action)}`, builder: async () => void due.push(action) })),
          );
          for (let step = 0; step < 200; step++) {
            // Release one answer or user action, and let React (and the lazily loaded sections) settle.
            await act(async () => {
              if (s.count() > 0) await s.waitOne();
              for (let i = 0; i < 10; i++) await Promise.resolve();
            });
            checkPane(sc, known);
            for (let action = due.shift(); action; action = due.shift()) {
              run(action);
              checkPane(sc, known);
            }
            if (s.count() === 0 && due.length === 0) break;
          }
          checkSettled(sc, known);
        } finally {
          cleanup();
        }
      }),
      { numRuns: 200 },
    );
  },
  120_000,
);

import { createRoot } from 'react-dom/client';
import { adminPolicyFromFile, policyFileSchema } from '../../../src/contract/policyFile';
import type { PublicProfile } from '../../../src/contract/insights';
import { derivePane } from '../../../src/app/pane/derive';
import { INERT_PANE_ACTIONS } from '../../mocks/inertPaneActions';
import { PaneView } from '../../../src/taskpane/components/PaneView';
import { PaneFrame } from '../../../src/taskpane/frame/PaneFrame';
import { benchItem } from './benchHost';
import { calendarNotRead } from '../../../src/app/today/useTodayCalendar';
import { todayViewFor } from '../../../src/app/today/useTodayView';

/**
 * Benchmark-only page (npm run bench): the floor. The production PaneView, in the production frame (FluentProvider,
 * theme, language), drawing what the cold pane draws when the sender's card is painted — the same person with the same
 * lookup answer, the same switcher with the same people — from static props: no request, no policy file, no lazy
 * chunk. What drawing this view costs with these components; the pane's row (b) is measured against it.
 */

/** The benchmark's policy file and profiles, as dev/bench/bench-api.mjs serves them to the pane. */
const POLICY = adminPolicyFromFile(
  policyFileSchema.parse({
    version: 1,
    linkedInAccountConnections: 'yes',
    environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
  }),
);
const profileFor = (email: string): PublicProfile => ({
  id: `bench-${email}`,
  name: email.split('@')[0]?.replace(/\./g, ' ') ?? email,
  headline: `Bench headline [${email}]`,
  currentPosition: { title: 'Engineer', company: 'Fabrikam' },
  location: 'Seattle',
  profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(email.split('@')[0] ?? '')}`,
});

const search = new URLSearchParams(window.location.search);
const item = benchItem(search.get('item') ?? 'first', Number(search.get('recipients') ?? '2'));
// The pane's own derivation (pure), from the inputs the cold pane has once the sender's lookup answered.
const { state } = derivePane({
  settled: {
    policyState: { status: 'valid', policy: POLICY },
    detected: { cloud: 'unknown', mailboxGeo: 'unknown', tenantCountry: 'unknown', groupMembership: 'unknown' },
  },
  user: { address: 'viewer@contoso.com', displayName: 'Bench Viewer' },
  platform: 'web',
  userOption: true,
  item,
  chosenAddress: null,
  visibleAddresses: null,
  profiles: {
    publicState: (address) => ({ status: 'match', profile: profileFor(address) }),
    connectedState: () => ({ status: 'idle' }),
    cachedCount: 0,
    keptInPaneOnly: false,
  },
  connection: { status: 'notConnected', notice: null },
  signInAvailable: true,
  suggestions: { itemKey: null, state: { status: 'idle' } },
  todayView: todayViewFor(item, true),
  today: calendarNotRead(Date.now(), 'UTC'),
  timeZone: 'UTC',
});

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <PaneFrame theme="light" displayLanguage={search.get('lang') ?? 'en-US'}>
      <PaneView state={state} actions={INERT_PANE_ACTIONS} revealed={false} />
    </PaneFrame>,
  );
}

import type { ItemSnapshot } from '../../office';
import type { EarlyDecision } from './earlyStart';
import { initialConnectionState } from '../connect/connectionState';
import type { ProfileLoader, ProfileReadings } from '../profileLoader';
import { profileLoaderFor, type PaneDependencies } from './dependencies';
import { derivePane } from './derive';
import { settlePolicyFile, type PolicyFileSettled } from './settlePolicyFile';
import { deviceTimeZone } from '../today/day';
import { calendarNotRead } from '../today/useTodayCalendar';
import { todayViewFor } from '../today/useTodayView';
import { markStep } from '../../shared/timeline';

/**
 * What the page learns before the pane's first render, so that render is the ready pane: the policy settled for
 * these deps, the item selected when the pane opened, and the pane's loader, with the first lookup already sent when
 * the rules allow it. Made for one set of deps: the pane ignores it for any other.
 */
export interface FirstRender {
  deps: PaneDependencies;
  settled: PolicyFileSettled;
  item: ItemSnapshot | null;
  loader: ProfileLoader;
}

/**
 * The policy settled and the selected item, both at once; then the first lookup — the people the pane's first
 * render shows — leaves at once, and the first render waits a little for its answer (FIRST_ANSWER_WAIT_MS).
 * `early`: what the page's first script settled itself (earlyStart.ts), taken as it is when it settled anything —
 * the lookup then leaves without waiting for zod's check of the file or the pane's derivation. `answerAloneAwaited`:
 * called once the lookup has left, when all the first render still waits for is its answer (at most
 * FIRST_ANSWER_WAIT_MS).
 */
export async function prepareFirstRender(
  deps: PaneDependencies,
  signal: AbortSignal,
  early?: Promise<EarlyDecision | null>,
  answerAloneAwaited?: () => void,
): Promise<FirstRender> {
  const loader = profileLoaderFor(deps);
  const decided = early ? await early : null;
  const { settled, item, first } = decided ? { ...decided, first: decided.lookups } : await settleHere(deps, signal);
  if (first.length > 0) {
    loader.requestPublic(first);
    markStep('lookupRequested');
    answerAloneAwaited?.();
    const whileWaiting = setTimeout(() => readyDateFormats(deps), 0);
    await answeredOrLater(loader, first[0], deps.firstAnswerWaitMs ?? FIRST_ANSWER_WAIT_MS, signal);
    markStep('waitEnded');
    if (signal.aborted) clearTimeout(whileWaiting);
  }
  return { deps, settled, item, loader };
}

/**
 * Works out what the first render reads of Today — the device's time zone and today's day — while the page only waits
 * for the sender's lookup: a cold page's first use of Intl's date formats costs 10-30 ms (profiled in the bench's pane
 * page, inside the first render), after which they are quick and day.ts keeps its format. Run in the next task, so
 * the lookup has left (its token and fetch take a few microtasks) and only the wait is used; if the answer comes first,
 * the render would have paid the same inside it. Not before the decision: scheduled there, it ran ahead of the policy
 * answer's body read, already queued, and the first lookup waited behind it (bench-timeline.mjs at latency 0).
 */
function readyDateFormats(deps: PaneDependencies): void {
  calendarNotRead((deps.now ?? Date.now)(), deps.timeZone ?? deviceTimeZone());
  markStep('dateFormatsReady');
}

/**
 * How long the first render waits for LinkedIn's answer about the first person (the sender): answered within it, the
 * first render is the card itself — the pane is drawn once, not "loading" and then again with the card; otherwise
 * the pane renders at once and the card follows. Short on purpose: it pays where LinkedIn answers within a few tens of
 * milliseconds (a quick network: about 5-8% sooner to the card, measured interleaved at 0 ms latency), and delays the
 * switcher on a slow one by no more than this.
 */
export const FIRST_ANSWER_WAIT_MS = 50;

/** Resolves once the person's lookup has settled (an answer, no match, an error), after `ms`, or on abort. */
function answeredOrLater(loader: ProfileLoader, address: string, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const settledNow = (): void => {
      const { status } = loader.publicState(address);
      if (status !== 'loading' && status !== 'idle') done();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = loader.subscribe(settledNow);
    signal.addEventListener('abort', done);
    settledNow();
  });
}

/** The policy settled and the item read by the pane itself, and whom its derivation looks up first. */
async function settleHere(
  deps: PaneDependencies,
  signal: AbortSignal,
): Promise<{ settled: PolicyFileSettled; item: ItemSnapshot | null; first: readonly string[] }> {
  const [settled, item] = await Promise.all([settlePolicyFile(deps, signal), deps.host.getItem().catch(() => null)]);
  return { settled, item, first: firstLookup(deps, settled, item) };
}

const NOTHING_LOOKED_UP: ProfileReadings = {
  publicState: () => ({ status: 'idle' }),
  connectedState: () => ({ status: 'idle' }),
  cachedCount: 0,
  keptInPaneOnly: false,
};

/**
 * Whom the pane's first render looks up: derived by the pane's own derivation from the same inputs as that render
 * (consent as the saved record says until the service is asked), so it is nobody unless the rules allow LinkedIn
 * requests for this viewer, and otherwise the people its switcher shows first, the sender first.
 */
export function firstLookup(deps: PaneDependencies, settled: PolicyFileSettled, item: ItemSnapshot | null): readonly string[] {
  const { host } = deps;
  const timeZone = deps.timeZone ?? deviceTimeZone();
  return derivePane({
    settled,
    user: host.currentUser,
    platform: host.platform,
    userOption: host.deviceSettings.getShowLinkedInFeatures(),
    item,
    chosenAddress: null,
    visibleAddresses: null,
    profiles: NOTHING_LOOKED_UP,
    connection: initialConnectionState(host.roamingSettings),
    signInAvailable: Boolean(deps.signInDialog),
    signInUnavailable: deps.signInUnavailable,
    suggestions: { itemKey: null, state: { status: 'idle' } },
    todayView: todayViewFor(item, true),
    today: calendarNotRead((deps.now ?? Date.now)(), timeZone),
    timeZone,
  }).work.publicLookups;
}

import { lazy } from 'react';

/**
 * The parts of the pane that are not the card itself — what the rules allow and why, connected insights, suggestions,
 * connecting, and the settings — come in a chunk of their own, fetched and run only when PaneView first renders one of
 * them, which it does once the card is painted (useRevealAfterCard), so on a cold start neither its download nor its
 * code delays the sender's card. Not prefetched: webpack's prefetch asked for it the moment the pane's chunk ran, three
 * requests beside the sender's lookup to the same server (in the bench's pane page at latency 0 the lookup's fetch to
 * answer took a median 23-35 ms with them, 12-23 ms without, 3-5 ms alone). PaneView shows them inside
 * <Suspense fallback={null}>.
 */
let sections: Promise<typeof import('./sections')> | null = null;
const load = (): Promise<typeof import('./sections')> => (sections ??= import(/* webpackChunkName: "sections" */ './sections'));

export const DecisionSummary = lazy(() => load().then((m) => ({ default: m.DecisionSummary })));
export const SettingsSection = lazy(() => load().then((m) => ({ default: m.SettingsSection })));
export const ConnectedSection = lazy(() => load().then((m) => ({ default: m.ConnectedSection })));
export const SuggestionsSection = lazy(() => load().then((m) => ({ default: m.SuggestionsSection })));
export const ConnectPanel = lazy(() => load().then((m) => ({ default: m.ConnectPanel })));
export const ConnectionSettings = lazy(() => load().then((m) => ({ default: m.ConnectionSettings })));
export const ConnectionNoticeBar = lazy(() => load().then((m) => ({ default: m.ConnectionNoticeBar })));
export const ExpiredConnectionBar = lazy(() => load().then((m) => ({ default: m.ExpiredConnectionBar })));
export const AdminDetails = lazy(() => load().then((m) => ({ default: m.AdminDetails })));

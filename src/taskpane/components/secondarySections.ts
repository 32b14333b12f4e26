import { lazy } from 'react';

/**
 * Connected insights, suggestions, connecting and the connection settings come in a second chunk, requested as soon
 * as this module loads: the card (switcher, public profile, reasons) renders without waiting for them, and they
 * usually arrive before the first LinkedIn answer does. PaneBody shows them inside <Suspense fallback={null}>.
 */
const sections = import(/* webpackChunkName: "sections" */ '../sections');

export const ConnectedSection = lazy(() => sections.then((m) => ({ default: m.ConnectedSection })));
export const SuggestionsSection = lazy(() => sections.then((m) => ({ default: m.SuggestionsSection })));
export const ConnectPanel = lazy(() => sections.then((m) => ({ default: m.ConnectPanel })));
export const ConnectionSettings = lazy(() => sections.then((m) => ({ default: m.ConnectionSettings })));
export const ConnectionNoticeBar = lazy(() => sections.then((m) => ({ default: m.ConnectionNoticeBar })));

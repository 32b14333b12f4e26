import type { PaneActions } from '../../src/app/pane/usePane';

const nothing = (): void => undefined;

/** A pane's actions that do nothing: for rendering a pane no one clicks (the bench's floor, the pane-truth tests). */
export const INERT_PANE_ACTIONS: PaneActions = {
  selectPerson: nothing,
  setShowLinkedInFeatures: nothing,
  setVisiblePeople: nothing,
  retry: nothing,
  refreshItem: nothing,
  clearCache: nothing,
  copyText: async () => false,
  openInBrowser: () => false,
  connection: { connect: nothing, reconnect: nothing, disconnect: nothing, dismissNotice: nothing },
  requestSuggestions: nothing,
  today: { show: nothing, open: nothing, setShown: nothing, retry: nothing },
};

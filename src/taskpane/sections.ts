/** The parts of the pane that are not the card itself: loaded as their own chunk, just after the pane (secondarySections.ts). */
export { ConnectedSection } from './card/ConnectedSection';
export { SuggestionsSection } from './card/SuggestionsSection';
export { ConnectPanel } from './connect/ConnectPanel';
export { ConnectionNoticeBar, ConnectionSettings } from './connect/ConnectionSettings';

/** The parts of the pane that are not the card itself: a chunk of their own, run once the card is painted (secondarySections.ts). */
export { DecisionSummary } from './DecisionSummary';
export { SettingsSection } from './SettingsSection';
export { AdminDetails } from './AdminDetails';
export { ConnectedSection } from '../card/ConnectedSection';
export { SuggestionsSection } from '../card/SuggestionsSection';
export { ConnectPanel } from '../connect/ConnectPanel';
export { ConnectionSettings } from '../connect/ConnectionSettings';
export { ConnectionNoticeBar, ExpiredConnectionBar } from '../connect/ConnectionNotices';

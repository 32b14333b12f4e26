/**
 * Everything the pane needs after its first paint: the app, its services and the card. startPane.tsx starts
 * loading this chunk at once and paints the frame meanwhile, so the download and parsing overlap with Office.js
 * starting up instead of delaying the first paint.
 */
export { PaneContent } from './App';
export { startOfPane } from '../app/paneState';
export { productionDependencies } from '../app/productionDependencies';
export { createInsightsClient, insightsBaseUrl } from '../services/insightsClient';

/**
 * The pane's chunk: everything the pane needs after its first paint (the app, its services and the card). bootPane
 * starts loading it at once and paints the frame meanwhile, so the download and parsing overlap with Office.js
 * starting up instead of delaying the first paint.
 */
export { Pane } from './App';
export { prepareFirstRender } from '../app/pane/firstRender';
export { productionDependencies } from '../app/productionDependencies';

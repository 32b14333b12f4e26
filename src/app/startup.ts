/**
 * What the page's first script needs to start the pane, before the rest of the pane has loaded: Outlook's readiness,
 * whether nested app authentication is there, and the policy file's request (sent for the page's own address before
 * the host is ready) with what the first script settles from its answer (earlyStart.ts).
 * The task pane reaches Office.js and the network only through app/: this is its start-up door.
 */
export { clientSupport, whenOfficeReady, type ClientSupport } from '../office/boot';
export { startEarly, type EarlyDecision, type EarlyStart } from './pane/earlyStart';
export { requestPolicyForPage, sendPagePolicyRequest, takePagePolicyRequest, type EarlyPolicyRequest } from './pagePolicyRequest';

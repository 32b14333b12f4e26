/**
 * What the page's first script needs to start the pane, before the rest of the pane has loaded: Outlook's readiness,
 * whether nested app authentication is there, and the policy file's request (sent as soon as the host is ready).
 * The task pane reaches Office.js and the network only through app/: this is its start-up door.
 */
export { nestedAppAuthSupported, whenOfficeReady } from '../office/boot';
export { requestPolicyFile } from '../services/policyRequest';

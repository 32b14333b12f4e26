import { sendPagePolicyFileRequest } from '../app/pagePolicyFileRequest';
import { markStep } from '../shared/timeline';

/**
 * The task pane page's start script: the first script of the page, about 1 KiB (the request and the reading of its
 * answer, nothing else), which asks for the admin's policy file beside the page before the pane's own scripts are run
 * (and long before Office.js is ready). The pane's first script (bootPane) takes the request from the page.
 */
markStep('startScript');
sendPagePolicyFileRequest(window);

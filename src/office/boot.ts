import { createOfficeJsHost } from './officeJsHost';
import type { OfficeHost } from './types';

/** Whether Outlook supports nested app authentication (MSAL's createNestablePublicClientApplication). */
export function nestedAppAuthSupported(): boolean {
  return Office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
}

/** Resolves once Office.js is ready in Outlook; rejects when the page is not running inside Outlook. */
export function whenOfficeReady(): Promise<OfficeHost> {
  if (typeof Office === 'undefined') {
    return Promise.reject(new Error('Office.js is not loaded: open this page from Outlook.'));
  }
  return Office.onReady().then((info) => {
    if (info.host !== Office.HostType.Outlook) {
      throw new Error('This add-in runs in Outlook only.');
    }
    return createOfficeJsHost();
  });
}

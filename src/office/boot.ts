import { createOfficeJsHost } from './officeJsHost';
import type { OfficeHost } from './types';

/** What this Outlook client supports of what signing in needs. */
export interface ClientSupport {
  /** NestedAppAuth 1.1: MSAL's createNestablePublicClientApplication (otherwise MSAL runs in an Office dialog). */
  nestedAppAuth: boolean;
  /** DialogOrigin 1.1: Office reports where a dialog's message came from (otherwise no sign-in answer can be trusted). */
  dialogOrigin: boolean;
}

export function clientSupport(): ClientSupport {
  const supports = (set: string) => Office.context.requirements.isSetSupported(set, '1.1');
  return { nestedAppAuth: supports('NestedAppAuth'), dialogOrigin: supports('DialogOrigin') };
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

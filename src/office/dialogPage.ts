/**
 * The sign-in dialog page's side of Office's dialog API: sends the answer to the pane through Office when the page
 * runs in an Office dialog. Returns false when Office.js is not on the page (the workbench opens it as a window).
 */
export function messageParentThroughOffice(message: string, targetOrigin: string): boolean {
  if (typeof Office === 'undefined') return false;
  void Office.onReady().then(() => Office.context.ui.messageParent(message, { targetOrigin }));
  return true;
}

/** Waits for Office.js in a dialog page, then hands the page a way to answer the pane (same origin only). */
export async function whenDialogPageReady<T>(run: (messageParent: (message: string) => void) => Promise<T>): Promise<T> {
  await Office.onReady();
  return run((message) => Office.context.ui.messageParent(message, { targetOrigin: window.location.origin }));
}

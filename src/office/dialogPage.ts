/**
 * The sign-in dialog page's side of Office's dialog API: sends the answer to the pane through Office when the page
 * runs in an Office dialog. Returns false when Office.js is not on the page (the workbench opens it as a window).
 */
export function messageParentThroughOffice(message: string, targetOrigin: string): boolean {
  if (typeof Office === 'undefined') return false;
  void Office.onReady().then(() => Office.context.ui.messageParent(message, { targetOrigin }));
  return true;
}

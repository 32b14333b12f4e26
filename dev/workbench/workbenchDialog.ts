import { DialogError, type SignInDialog } from '../../src/office/signInDialog';

/**
 * The workbench's stand-in for Office's dialog: a browser window on the pane's own origin. Its messages arrive with
 * postMessage; the origin reported is the one the browser gives, exactly as Office reports it.
 */
export function workbenchSignInDialog(): SignInDialog {
  let current: Window | null = null;
  return {
    page: 'workbench-dialog.html',
    async open(url, handlers) {
      if (current && !current.closed) throw new DialogError(12007);
      const popup = window.open(url, 'linkedin-sign-in', 'popup,width=480,height=640');
      if (!popup) throw new DialogError(12011);
      current = popup;
      const onMessage = (event: MessageEvent): void => {
        if (event.source !== popup || typeof event.data !== 'string') return;
        handlers.onMessage(event.data, event.origin || undefined);
      };
      window.addEventListener('message', onMessage);
      const watch = window.setInterval(() => {
        if (!popup.closed) return;
        stop();
        handlers.onClosed(12006);
      }, 300);
      const stop = (): void => {
        window.clearInterval(watch);
        window.removeEventListener('message', onMessage);
        if (current === popup) current = null;
      };
      return {
        close: () => {
          stop();
          popup.close();
        },
      };
    },
  };
}

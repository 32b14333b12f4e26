/**
 * The Office dialog that hosts the LinkedIn sign-in (Office.context.ui.displayDialogAsync), behind an interface the
 * workbench implements with a window on the pane's origin.
 */
export interface DialogHandlers {
  /** A message the dialog sent with messageParent, and the origin Office reports for it. */
  onMessage: (message: string, origin: string | undefined) => void;
  /** The dialog ended without a message: 12006 when the user closed it, 12002/12003 when its page failed. */
  onClosed: (code: number) => void;
}

export interface OpenDialog {
  close: () => void;
}

export interface SignInDialog {
  /** Rejects with a DialogError carrying Office's code (12007 already open, 12009 ignored, 12011 blocked…). */
  open: (url: string, handlers: DialogHandlers) => Promise<OpenDialog>;
}

export class DialogError extends Error {
  constructor(readonly code: number) {
    super(`The sign-in dialog could not open (${code}).`);
    this.name = 'DialogError';
  }
}

export function officeSignInDialog(): SignInDialog {
  return {
    open: (url, handlers) =>
      new Promise<OpenDialog>((resolve, reject) => {
        // Not displayInIframe: LinkedIn's pages refuse to be framed, and the sign-in must be a real window.
        Office.context.ui.displayDialogAsync(url, { height: 70, width: 35, promptBeforeOpen: false }, (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            reject(new DialogError(result.error.code));
            return;
          }
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
            if ('message' in arg) handlers.onMessage(arg.message, (arg as { origin?: string }).origin);
          });
          dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
            if ('error' in arg) handlers.onClosed(arg.error);
          });
          resolve({ close: () => dialog.close() });
        });
      }),
  };
}

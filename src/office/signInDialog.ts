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
  /**
   * The sign-in page this dialog opens, beside the pane (dialog.html unless said): the exact registered redirect the
   * service sends the answer to. The workbench's window opens its own copy without Office.js.
   */
  page?: string;
}

export class DialogError extends Error {
  constructor(readonly code: number) {
    super(`The sign-in dialog could not open (${code}).`);
    this.name = 'DialogError';
  }
}

/** Office's "a dialog is already open" code: the previous dialog's close() has not finished yet (office-js #6021). */
export const DIALOG_ALREADY_OPEN = 12007;
/** How long to wait before the one retry after 12007. */
export const REOPEN_WAIT_MS = 1500;

/**
 * Opening a dialog right after the previous one was closed can fail with 12007 while Outlook is still tearing the old
 * one down: wait a moment and try once more; any other failure, or a second 12007, is the caller's.
 */
export function retryOnceWhenStillOpen(
  dialog: SignInDialog,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): SignInDialog {
  return {
    open: async (url, handlers) => {
      try {
        return await dialog.open(url, handlers);
      } catch (error) {
        if (!(error instanceof DialogError) || error.code !== DIALOG_ALREADY_OPEN) throw error;
        await wait(REOPEN_WAIT_MS);
        return dialog.open(url, handlers);
      }
    },
  };
}

/**
 * Whether Office reports the origin of a dialog's messages (DialogOrigin 1.1). Without it every sign-in answer would
 * arrive without an origin and be refused, so connecting is not offered at all.
 */
export function dialogOriginSupported(): boolean {
  return Office.context.requirements.isSetSupported('DialogOrigin', '1.1');
}

/** The Office dialog. Its callers open it through retryOnceWhenStillOpen. */
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

import { render } from '@testing-library/react';
import type { DialogHandlers, SignInDialog } from '../../src/office/signInDialog';
import { App } from '../../src/taskpane/App';
import type { createFakeHost } from './fakeHost';
import type { memoryStorage } from './memoryStorage';
import type { InsightsService } from './insightsService';
import { testPaneDependencies } from './paneDependencies';

const ORIGIN = 'https://addins.contoso.com';

/**
 * LinkedIn's "Allow", for real: the dialog page's sign-in through the service and the simulated LinkedIn
 * (`signIn`: the test file's insightsService().signIn).
 */
export function allowingDialog(signIn: InsightsService['signIn']): SignInDialog & { opened: number } {
  const dialog = {
    opened: 0,
    async open(url: string, handlers: DialogHandlers) {
      dialog.opened++;
      void signIn(url, 'allow').then((message) => handlers.onMessage(message, ORIGIN));
      return { close: () => undefined };
    },
  };
  return dialog;
}

/** LinkedIn's "Cancel", for real: the member cancels on the simulated LinkedIn's page. */
export function cancellingDialog(signIn: InsightsService['signIn']): SignInDialog {
  return {
    async open(url, handlers) {
      void signIn(url, 'cancel').then((message) => handlers.onMessage(message, ORIGIN));
      return { close: () => undefined };
    },
  };
}

/** The whole pane (App) on a fake Outlook, its device storage and a sign-in dialog, talking to the insights service. */
export function renderPane(fake: ReturnType<typeof createFakeHost>, store: ReturnType<typeof memoryStorage>, dialog: SignInDialog) {
  return render(<App deps={testPaneDependencies({ ...fake.host, localStore: store }, { cacheStorage: store, signInDialog: dialog })} />);
}

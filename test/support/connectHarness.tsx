import { render } from '@testing-library/react';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import type { DialogHandlers, SignInDialog } from '../../src/office/signInDialog';
import { createInsightsClient } from '../../src/services/insightsClient';
import { loadPolicyFile } from '../../src/services/policyFile';
import { App } from '../../src/taskpane/App';
import type { createFakeHost } from './fakeHost';
import type { memoryStorage } from './memoryStorage';

const ORIGIN = 'https://addins.contoso.com';

/** LinkedIn's "Allow": the dialog answers with a code for the state it was opened with. */
export function allowingDialog(): SignInDialog & { opened: number } {
  const dialog = {
    opened: 0,
    async open(url: string, handlers: DialogHandlers) {
      dialog.opened++;
      const state = new URL(url).searchParams.get('state');
      setTimeout(() => handlers.onMessage(JSON.stringify({ type: 'linkedin-sign-in', outcome: 'code', state, code: 'c-1' }), ORIGIN), 5);
      return { close: () => undefined };
    },
  };
  return dialog;
}

/** LinkedIn's "Cancel": the dialog answers that the user cancelled. */
export function cancellingDialog(): SignInDialog {
  return {
    async open(url, handlers) {
      const state = new URL(url).searchParams.get('state');
      setTimeout(
        () => handlers.onMessage(JSON.stringify({ type: 'linkedin-sign-in', outcome: 'error', state, error: 'cancelled' }), ORIGIN),
        5,
      );
      return { close: () => undefined };
    },
  };
}

/** The whole pane (App) on a fake Outlook, its device storage and a sign-in dialog, talking to the insights service. */
export function renderPane(fake: ReturnType<typeof createFakeHost>, store: ReturnType<typeof memoryStorage>, dialog: SignInDialog) {
  const deps: PaneDependencies = {
    host: { ...fake.host, localStore: store },
    loadPolicy: (signal) => loadPolicyFile(fake.host.baseUrl, signal),
    detectEnvironment: async () => ({ cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' }),
    insights: createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 't'),
    cacheStorage: store,
    signInDialog: dialog,
  };
  return render(<App deps={deps} />);
}

import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import { productionDependencies } from '../../src/app/productionDependencies';
import type { ItemSnapshot, OfficeHost, OfficeThemeKind } from '../../src/office';
import { DEFAULT_INSIGHTS_CONTROLS, insightsService, type InsightsControls } from '../support/insightsService';
import { App } from '../../src/taskpane/App';
import { cardStrings } from '../../src/taskpane/i18n/en/card';
import { connectStrings } from '../../src/taskpane/i18n/en/connect';
import { ar } from '../../src/taskpane/i18n/ar';
import { de } from '../../src/taskpane/i18n/de';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { resetDocumentLanguage } from '../support/documentLanguage';
import { createFakeHost, POLICY_URL, sampleItem } from '../support/fakeHost';
import { memoryStorage } from '../support/memoryStorage';
import { testPaneDependencies } from '../support/paneDependencies';
import { createTestServer } from '../support/mswServer';

/**
 * Outlook's known quirks (issue 15), one row each: what real clients do that the workbench does not, and what the
 * user sees because the pane guards against it. (The roaming save after the dialog, 12007 on reopen and a failed
 * storage step on disconnect are rows of the fault matrix; removeHandlerAsync and the theme's members are checked
 * against Office.js itself in test/office/officeJsHost.test.ts.)
 */
let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const { server, linkedInRequests } = createTestServer(...insightsService(() => controls).handlers);
const CONNECTED_BOTH_WAYS = { status: 'connected', consent: 'twoWay', connectedAt: '2026-11-27T10:00:00Z' } as const;

beforeEach(() => {
  controls = DEFAULT_INSIGHTS_CONTROLS;
  server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'yes' })));
});
afterEach(resetDocumentLanguage);

/** A host whose item can change without Outlook saying so (a missed ItemChanged), and whose theme can change. */
function quirkyHost(options: { displayLanguage?: string; consent?: 'none' | 'twoWay' } = {}) {
  const fake = createFakeHost({ consent: options.consent ?? 'none' });
  let silentItem: ItemSnapshot | null | undefined;
  let theme: OfficeThemeKind = 'light';
  const themeListeners = new Set<() => void>();
  const host: OfficeHost = {
    ...fake.host,
    displayLanguage: options.displayLanguage ?? 'en-US',
    localStore: memoryStorage(),
    getItem: () => (silentItem !== undefined ? Promise.resolve(silentItem) : fake.host.getItem()),
    get theme() {
      return theme;
    },
    onThemeChanged(listener) {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
  };
  return {
    host,
    selectItem: fake.selectItem,
    /** Outlook shows another item but sends no ItemChanged (office-js #4952). */
    changeItemSilently(item: ItemSnapshot) {
      silentItem = item;
    },
    changeTheme(next: OfficeThemeKind) {
      theme = next;
      themeListeners.forEach((listener) => listener());
    },
    themeListeners,
  };
}

function testDependencies(host: OfficeHost): PaneDependencies {
  return testPaneDependencies(host, { cacheStorage: memoryStorage(), signInDialog: { open: async () => ({ close: () => undefined }) } });
}

/** The production wiring, which decides from what this Outlook supports (`dialogOrigin`); only the network is the test's. */
function renderProductionWiring(host: OfficeHost, dialogOrigin: boolean) {
  const production = productionDependencies(
    host,
    { clientId: 'app', insightsScope: 'api://insights/x' },
    { nestedAppAuth: true, dialogOrigin },
  );
  const { loadPolicy, detectEnvironment, insights, cacheStorage } = testDependencies(host);
  return render(<App deps={{ ...production, loadPolicy, detectEnvironment, insights, cacheStorage }} />);
}

/** The person whose card the pane shows. */
const shownPerson = () => document.querySelector('[data-person]')?.getAttribute('data-person');

describe('without DialogOrigin 1.1 (older Outlook): Connect is not offered, and the pane says why', () => {
  test.each([
    ['en-US', connectStrings.noDialogOrigin, connectStrings.open],
    ['de-DE', de.connect.noDialogOrigin, de.connect.open],
    ['ar-SA', ar.connect.noDialogOrigin, ar.connect.open],
  ])('%s', async (displayLanguage, why, connect) => {
    const { host } = quirkyHost({ displayLanguage });
    renderProductionWiring(host, false);
    expect(await screen.findByText(why)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: connect })).not.toBeInTheDocument();
  });

  test('with DialogOrigin 1.1 the same wiring offers Connect (the row above can see it)', async () => {
    renderProductionWiring(quirkyHost().host, true);
    expect(await screen.findByRole('button', { name: connectStrings.open })).toBeInTheDocument();
    expect(screen.queryByText(connectStrings.noDialogOrigin)).not.toBeInTheDocument();
  });
});

describe('a pinned pane that missed ItemChanged (office-js #4952)', () => {
  test('Refresh, reached by keyboard, reads the item again: the new mail’s sender is shown', async () => {
    const quirky = quirkyHost();
    render(<App deps={testDependencies(quirky.host)} />);
    await waitFor(() => expect(shownPerson()).toBe('aiko.tanaka@fabrikam.com'));
    quirky.changeItemSilently(sampleItem('internal-sender'));
    const refresh = screen.getByRole('button', { name: paneStrings.refreshLabel });
    const user = userEvent.setup();
    for (let i = 0; i < 20 && document.activeElement !== refresh; i++) await user.tab();
    expect(document.activeElement).toBe(refresh);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(shownPerson()).not.toBe('aiko.tanaka@fabrikam.com'));
    expect(sampleItem('internal-sender').people.map((p) => p.address)).toContain(shownPerson());
  });

  test('Refresh on the same mail keeps the person the user chose', async () => {
    const quirky = quirkyHost();
    render(<App deps={testDependencies(quirky.host)} />);
    await waitFor(() => expect(shownPerson()).toBe('aiko.tanaka@fabrikam.com'));
    await userEvent.click(await screen.findByRole('option', { name: /Alex Wilber/ }));
    await waitFor(() => expect(shownPerson()).toBe('alex.wilber@contoso.com'));
    await userEvent.click(screen.getByRole('button', { name: paneStrings.refreshLabel }));
    await act(() => delay(30));
    expect(shownPerson()).toBe('alex.wilber@contoso.com');
  });
});

describe("Outlook's theme changes while the pane is open", () => {
  test('the pane follows it, keeps its state, and stops listening when it closes', async () => {
    const quirky = quirkyHost();
    const { container, unmount } = render(<App deps={testDependencies(quirky.host)} />);
    await waitFor(() => expect(shownPerson()).toBe('aiko.tanaka@fabrikam.com'));
    const frame = () => container.querySelector('.fui-FluentProvider');
    expect(frame()?.getAttribute('data-theme')).toBe('light');
    act(() => quirky.changeTheme('dark'));
    await waitFor(() => expect(frame()?.getAttribute('data-theme')).toBe('dark'));
    act(() => quirky.changeTheme('highContrast'));
    await waitFor(() => expect(frame()?.getAttribute('data-theme')).toBe('highContrast'));
    expect(shownPerson()).toBe('aiko.tanaka@fabrikam.com');
    unmount();
    expect(quirky.themeListeners.size).toBe(0);
  });
});

describe('"People you work with" answering late (races)', () => {
  test('an answer for the mail the user left never shows on the next one', async () => {
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, connection: CONNECTED_BOTH_WAYS };
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let sent = 0;
    server.use(
      http.post('*/api/v1/suggestions', async () => {
        sent++;
        await answered;
        return HttpResponse.json({
          apiVersion: '1',
          suggestions: [{ name: 'Late Answer For Mail One', headline: 'x', profileUrl: 'https://www.linkedin.com/in/late-answer' }],
        });
      }),
    );
    const quirky = quirkyHost({ consent: 'twoWay' });
    render(<App deps={testDependencies(quirky.host)} />);
    await userEvent.click(await screen.findByRole('button', { name: cardStrings.suggestionsShow }));
    await waitFor(() => expect(sent).toBe(1));
    act(() => quirky.selectItem(sampleItem('internal-sender')));
    await waitFor(() => expect(shownPerson()).not.toBe('aiko.tanaka@fabrikam.com'));
    answer();
    await act(() => delay(50));
    expect(screen.queryByText('Late Answer For Mail One')).not.toBeInTheDocument();
    // It did arrive: back on the mail it was asked for, it is that mail's answer.
    act(() => quirky.selectItem(sampleItem('external-sender')));
    expect(await screen.findByText('Late Answer For Mail One')).toBeInTheDocument();
    expect(linkedInRequests().filter((r) => r.url.endsWith('/suggestions'))).toHaveLength(1);
  });
});

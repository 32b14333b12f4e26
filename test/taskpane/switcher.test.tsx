import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { DEFAULT_INSIGHTS_CONTROLS, insightsService } from '../support/insightsService';
import { crowd } from '../../dev/mocks/sampleItems';
import { App } from '../../src/taskpane/App';
import { filterPeople } from '../../src/taskpane/components/PeopleSwitcher';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { createFakeHost, POLICY_URL, sampleItem } from '../support/fakeHost';
import { memoryStorage } from '../support/memoryStorage';
import { testPaneDependencies } from '../support/paneDependencies';
import { createTestServer } from '../support/mswServer';

const { server, lookups } = createTestServer(...insightsService(() => DEFAULT_INSIGHTS_CONTROLS).handlers);

function renderPane(item: string) {
  server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'yes' })));
  const fake = createFakeHost({ item: sampleItem(item) });
  return render(<App deps={testPaneDependencies(fake.host, { cacheStorage: memoryStorage() })} />);
}

/** The last recipient of the 500-recipient sample: the one "Show 20 more" needed 24 clicks to reach. */
const LAST = crowd(499, 'contoso.com').at(-1)!;

describe('the switcher on a 500-recipient mail', () => {
  test('shows the total, and the filter finds the last recipient by name or address in one step', async () => {
    renderPane('all-company');
    expect(await screen.findByText(paneStrings.shownOf(20, 500))).toBeInTheDocument();
    expect(paneStrings.shownOf(20, 500)).toBe('20 of 500 people');
    const filter = screen.getByRole('searchbox', { name: paneStrings.filterPeople });
    await userEvent.type(filter, LAST.address.slice(0, LAST.address.indexOf('@')));
    expect(await screen.findByRole('option', { name: new RegExp(LAST.displayName) })).toBeInTheDocument();
    expect(screen.getAllByRole('option')).toHaveLength(1);
    await userEvent.click(screen.getByRole('option', { name: new RegExp(LAST.displayName) }));
    expect(screen.getByRole('option', { name: new RegExp(LAST.displayName) })).toHaveAttribute('aria-selected', 'true');
    // Nobody matches: said so, and the list is empty.
    await userEvent.clear(filter);
    await userEvent.type(filter, 'zzzz-nobody');
    expect(await screen.findByText(paneStrings.noPersonMatches('zzzz-nobody'))).toBeInTheDocument();
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  test('filtering keeps the request discipline: at most 20 shown, and only the people shown are looked up', async () => {
    renderPane('all-company');
    await screen.findByText(paneStrings.shownOf(20, 500));
    await waitFor(async () => expect(await lookups()).toHaveLength(1));
    // A common first name matches many: 20 are shown, the total of matches said.
    const common = LAST.displayName.split(' ')[0];
    const matches = filterPeople(crowd(499, 'contoso.com'), common).length;
    expect(matches).toBeGreaterThan(20);
    await userEvent.type(screen.getByRole('searchbox', { name: paneStrings.filterPeople }), common);
    expect(await screen.findByText(paneStrings.shownOfMatches(20, matches, 500))).toBeInTheDocument();
    expect(screen.getAllByRole('option')).toHaveLength(20);
    await waitFor(async () => expect((await lookups()).length).toBeGreaterThan(1));
    const sent = await lookups();
    expect(sent.every((batch) => batch.length <= 20)).toBe(true);
    const shown = screen.getAllByRole('option').map((option) => option.textContent ?? '');
    for (const address of sent.slice(1).flat()) {
      // Every address asked about after filtering is one on screen (or the person whose card is shown).
      expect(shown.some((text) => text.includes(address)) || address === 'diego.siciliani@contoso.com').toBe(true);
    }
  });

  test('Home and End move to the first and last person shown', async () => {
    renderPane('many-recipients');
    const options = await screen.findAllByRole('option');
    options[0]?.focus();
    await userEvent.keyboard('{End}');
    expect(screen.getAllByRole('option').at(-1)).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(screen.getAllByRole('option')[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')[1]).toHaveFocus();
  });

  test('a small mail has no filter and no count to read', async () => {
    renderPane('external-sender');
    await screen.findAllByRole('option');
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });
});

describe('the switcher strings in three languages', () => {
  test('totals and matches', async () => {
    const { de } = await import('../../src/taskpane/i18n/de');
    const { ar } = await import('../../src/taskpane/i18n/ar');
    expect([paneStrings.shownOf(20, 500), de.pane.shownOf(20, 500), ar.pane.shownOf(20, 500)]).toEqual([
      '20 of 500 people',
      '20 von 500 Personen',
      '٢٠ من ٥٠٠',
    ]);
    expect([paneStrings.shownOf(1, 1), de.pane.shownOf(1, 1)]).toEqual(['1 person', '1 Person']);
  });
});

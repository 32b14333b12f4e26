import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { DEFAULT_INSIGHTS_CONTROLS, insightsService, type InsightsControls } from '../support/insightsService';
import type { AccessInput } from '../../src/policy';
import { App } from '../../src/taskpane/App';
import { cardStrings } from '../../src/taskpane/i18n/en/card';
import { ar } from '../../src/taskpane/i18n/ar';
import { de } from '../../src/taskpane/i18n/de';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { resetDocumentLanguage } from '../support/documentLanguage';
import { createFakeHost, POLICY_URL, sampleItem } from '../support/fakeHost';
import { memoryStorage } from '../support/memoryStorage';
import { testPaneDependencies } from '../support/paneDependencies';
import { createTestServer } from '../support/mswServer';

let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const { server } = createTestServer(...insightsService(() => controls).handlers);

function renderPane(displayLanguage: string, options: { item?: string; consent?: AccessInput['consent'] } = {}) {
  const fake = createFakeHost({ consent: options.consent ?? 'none', ...(options.item ? { item: sampleItem(options.item) } : {}) });
  const store = memoryStorage();
  const deps = testPaneDependencies(
    { ...fake.host, displayLanguage, localStore: store },
    {
      cacheStorage: store,
      // Offered, never opened here: "Connect your LinkedIn account" shows only where a sign-in is possible.
      signInDialog: { open: async () => ({ close: () => undefined }) },
    },
  );
  return render(<App deps={deps} />);
}

/** The pane's root: Fluent's provider element, which carries the direction and the language. */
const paneRoot = (container: HTMLElement) => container.querySelector('.fui-FluentProvider') as HTMLElement;

beforeEach(() => {
  controls = DEFAULT_INSIGHTS_CONTROLS;
  server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'yes' })));
});

afterEach(resetDocumentLanguage);

describe('Office in German: the pane speaks German and formats for Germany', () => {
  test('a connected card: German headings, reasons, counts ("1.234"), activity dates and "connected since"', async () => {
    controls = {
      ...DEFAULT_INSIGHTS_CONTROLS,
      connection: { status: 'connected', consent: 'linkedInToMicrosoft', connectedAt: '2026-11-27T10:00:00Z' },
    };
    server.use(
      http.post('*/api/v1/profiles/insights', async ({ request }) => {
        const { email } = (await request.json()) as { email: string };
        return HttpResponse.json({
          apiVersion: '1',
          email,
          isConnection: false,
          mutualConnections: { count: 1234, top: [{ name: 'Diego Siciliani' }, { name: 'Lee Gu' }] },
          sharedHistory: [{ kind: 'employer', name: 'Contoso', period: '2015–2018' }],
          recentActivity: [{ date: '2026-11-20', text: 'Shared an article' }],
        });
      }),
    );
    const { container } = renderPane('de-AT', { consent: 'linkedInToMicrosoft' });
    expect(await screen.findByText('1.234 gemeinsame Kontakte')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('LinkedIn-Profilkarte');
    expect(screen.getByText(de.card.mutualTitle)).toBeInTheDocument();
    expect(screen.getByText('Tätig bei Contoso (2015–2018)')).toBeInTheDocument();
    expect(screen.getByText('20. Nov. 2026', { exact: false })).toBeInTheDocument();
    expect(await screen.findByText('Verbunden – nur von LinkedIn zu Microsoft – seit 27. Nov. 2026')).toBeInTheDocument();
    // The policy engine's reason (English, by code) is said in German, with who can change it and where.
    const reason = container.querySelector('[data-reason="inbound-only"]') as HTMLElement;
    expect(reason).toHaveTextContent(de.reasons['inbound-only'].message);
    expect(reason).toHaveTextContent(`${de.pane.changeableBy.user}. Wo: ${de.reasons['inbound-only'].where}`);
    expect(screen.getByRole('heading', { name: 'Einstellungen' })).toBeInTheDocument();
    // No English left, and the pane says it is German.
    for (const english of [cardStrings.mutualTitle, cardStrings.activityTitle, paneStrings.settingsTitle, paneStrings.whyTitle]) {
      expect(screen.queryByText(english)).not.toBeInTheDocument();
    }
    expect(paneRoot(container)).toHaveAttribute('lang', 'de-DE');
    expect(paneRoot(container)).toHaveAttribute('dir', 'ltr');
  });

  test('a 500-recipient mail: "20 weitere anzeigen"', async () => {
    renderPane('de-DE', { item: 'all-company' });
    expect(await screen.findByRole('button', { name: '20 weitere anzeigen' })).toBeInTheDocument();
  });

  test('switching people keeps the language', async () => {
    renderPane('de-DE');
    await screen.findByText(de.pane.levelLabel.public, { selector: '.fui-Badge' });
    expect(within(screen.getByRole('option', { selected: true })).getByText(/^Von ·/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('option', { name: /Alex Wilber/ }));
    expect(await screen.findByText('Finance manager at Contoso')).toBeInTheDocument();
    expect(screen.getByText(de.pane.levelLabel.public, { selector: '.fui-Badge' })).toBeInTheDocument();
  });
});

describe('Office in Arabic: the pane is right to left, mirrored, and in Arabic', () => {
  test("the public card: dir=rtl, Arabic reasons and actions, the locale's digits", async () => {
    const { container } = renderPane('ar-SA');
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(paneRoot(container)).toHaveAttribute('dir', 'rtl');
    expect(paneRoot(container)).toHaveAttribute('lang', 'ar-SA');
    expect([document.documentElement.dir, document.documentElement.lang]).toEqual(['rtl', 'ar-SA']);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('بطاقة ملف LinkedIn الشخصي');
    // What the rules allow and why follows the card.
    expect(await screen.findByText(ar.pane.levelLabel.public, { selector: '.fui-Badge' })).toBeInTheDocument();
    expect(container.querySelector('[data-reason="not-connected"]')).toHaveTextContent(ar.reasons['not-connected'].message);
    expect(screen.getByRole('button', { name: 'ربط حسابك على LinkedIn' })).toBeInTheDocument();
    expect(screen.getByText(ar.pane.levelLabel.public, { selector: '.fui-Badge' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'الإعدادات' })).toHaveTextContent('٢٠٠');
    expect(screen.queryByText(paneStrings.levelLabel.public)).not.toBeInTheDocument();
  });

  test('a connected card: every number in Arabic digits, a period from LinkedIn too ("(٢٠١٥–٢٠١٨)", never "(2015–2018)")', async () => {
    controls = {
      ...DEFAULT_INSIGHTS_CONTROLS,
      connection: { status: 'connected', consent: 'twoWay', connectedAt: '2026-11-27T10:00:00Z' },
    };
    const { container } = renderPane('ar-SA', { consent: 'twoWay' });
    await screen.findByText(ar.card.mutualTitle);
    const history = screen.getByText((_, element) => element?.tagName === 'LI' && /Contoso/.test(element.textContent ?? ''));
    expect(history).toHaveTextContent('(٢٠١٥–٢٠١٨)');
    // No Latin digit in the counts, dates and periods (the activities' own words, from the network, stay as written).
    const card = container.querySelector('[data-state="connected-card"]') as HTMLElement;
    const activities = ['Celebrating 5 years at Fabrikam', 'Shared an article: What we learned from 100 partner launches'];
    expect(activities.reduce((text, own) => text.replace(own, ''), card.textContent ?? '')).not.toMatch(/[0-9]/);
  });

  test("a Latin name's initials keep the name's order in the right-to-left pane (Aiko Tanaka is AT, not TA)", async () => {
    const { container } = renderPane('ar-SA');
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    const initials = [...container.querySelectorAll('.fui-Avatar__initials')].map((el) => el.textContent);
    expect(initials).toContain('AT');
    expect(initials).toContain('AW');
    expect(initials).not.toContain('TA');
    expect(initials).not.toContain('WA');
  });

  test('an unknown sender: the person stays, the address keeps its own direction in the Arabic line, then the Arabic message', async () => {
    renderPane('ar-SA', { item: 'unknown-sender' });
    const card = await screen.findByText((_, element) => element?.getAttribute('data-state') === 'no-match');
    expect(
      within(card).getByText('billing@unknown-startup.io', { selector: '[data-outlook-knows] > span[dir="auto"]' }),
    ).toBeInTheDocument();
    expect(card.querySelector('[data-outlook-knows]')).toHaveTextContent(/^من · billing@unknown-startup\.io$/);
    expect(within(card).getByText('لم يتم العثور على ملف شخصي على LinkedIn لهذا العنوان.')).toBeInTheDocument();
  });

  test('Show more with Arabic digits', async () => {
    renderPane('ar-SA', { item: 'all-company' });
    expect(await screen.findByRole('button', { name: 'عرض المزيد (٢٠)' })).toBeInTheDocument();
  });
});

describe('any other display language falls back to English', () => {
  test('fr-FR: English text, left to right', async () => {
    const { container } = renderPane('fr-FR');
    expect(await screen.findByText(paneStrings.levelLabel.public, { selector: '.fui-Badge' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(paneStrings.title);
    expect(paneRoot(container)).toHaveAttribute('lang', 'en-US');
    expect(paneRoot(container)).toHaveAttribute('dir', 'ltr');
  });
});

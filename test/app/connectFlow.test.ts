/** @jest-environment node */
import { http, HttpResponse } from 'msw';
import { ConnectFlow, dialogUrl, type ConnectDependencies } from '../../src/app/connect/connectFlow';
import { CONSENT_SETTING, readConsentRecord } from '../../src/app/connect/consentRecord';
import { SignInMessageGate } from '../../src/app/connect/dialogMessage';
import { createPkcePair, createState } from '../../src/app/connect/pkce';
import { insightsService } from '../support/insightsService';
import { memoryRoamingSettings } from '../../src/office';
import { DialogError, type DialogHandlers, type SignInDialog } from '../../src/office/signInDialog';
import { createInsightsClient } from '../../src/services/insightsClient';
import { createTestServer } from '../support/mswServer';

const service = insightsService();
const { server, requests } = createTestServer(...service.handlers);
const PAGE = 'https://addins.contoso.com/linkedin/taskpane.html';
const ORIGIN = 'https://addins.contoso.com';
const insights = createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 't');

type Script = (url: URL, handlers: DialogHandlers) => void;
/** A dialog that plays a script once it is open; counts how many times it was opened. */
function scriptedDialog(script: Script, openError?: number): SignInDialog & { opened: number } {
  const dialog = {
    opened: 0,
    async open(url: string, handlers: DialogHandlers) {
      if (openError) throw new DialogError(openError);
      dialog.opened++;
      setTimeout(() => script(new URL(url), handlers), 1);
      return { close: () => undefined };
    },
  };
  return dialog;
}
const answer = (url: URL, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'linkedin-sign-in', outcome: 'code', state: url.searchParams.get('state'), code: 'auth-code-1', ...extra });
/** The code of the last real sign-in (the service's one-time code the dialog page handed over). */
let lastCode: string | undefined;
/** LinkedIn's "Allow", for real: the dialog page's sign-in through the service and the simulated LinkedIn. */
const allow: Script = (url, h) =>
  void service.signIn(url.href, 'allow').then((message) => {
    lastCode = (JSON.parse(message) as { code?: string }).code;
    h.onMessage(message, ORIGIN);
  });

function flow(script: Script, patch: Partial<ConnectDependencies> = {}) {
  const roaming = memoryRoamingSettings();
  const dialog = scriptedDialog(script);
  const deps: ConnectDependencies = {
    dialog,
    insights,
    roaming,
    pageUrl: PAGE,
    now: () => new Date('2026-11-27T10:00:00Z'),
    // The real sign-in (the service and the simulated LinkedIn) answers well within this, on a busy machine too.
    timeoutMs: 10_000,
    ...patch,
  };
  return { connect: new ConnectFlow(deps), roaming, dialog };
}

describe('one-time values', () => {
  test('the state has at least 128 bits and the PKCE challenge is S256 of the verifier', async () => {
    const state = createState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes = 256 bits
    expect(createState()).not.toBe(state);
    const pkce = await createPkcePair();
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pkce.verifier)));
    expect(pkce.challenge).toBe(Buffer.from(digest).toString('base64url'));
  });
  test("the dialog opens on the pane's own origin with state, challenge and consent", () => {
    const url = new URL(dialogUrl(PAGE, 's', 'c', 'twoWay'));
    expect(`${url.origin}${url.pathname}`).toBe('https://addins.contoso.com/linkedin/dialog.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ state: 's', challenge: 'c', consent: 'twoWay' });
  });
});

describe('messages from the dialog', () => {
  const state = 'x'.repeat(43);
  const good = JSON.stringify({ type: 'linkedin-sign-in', outcome: 'code', state, code: 'c' });
  test.each([
    ['a missing origin', undefined, good, 'wrongOrigin'],
    ['another origin', 'https://evil.example', good, 'wrongOrigin'],
    ['a look-alike origin', 'https://addins.contoso.com.evil.example', good, 'wrongOrigin'],
    ['text that is not JSON', ORIGIN, '<script>', 'malformed'],
    ['an extra field', ORIGIN, JSON.stringify({ ...JSON.parse(good), token: 'x' }), 'malformed'],
    ['a tampered state', ORIGIN, good.replace(state, 'y'.repeat(43)), 'wrongState'],
  ])('%s is rejected', (_name, origin, message, why) => {
    expect(new SignInMessageGate(ORIGIN, state).check(origin, message)).toEqual({ accepted: false, why });
  });
  test('the same answer twice is a replay', () => {
    const gate = new SignInMessageGate(ORIGIN, state);
    expect(gate.check(ORIGIN, good).accepted).toBe(true);
    expect(gate.check(ORIGIN, good)).toEqual({ accepted: false, why: 'replayed' });
  });
});

describe('connecting', () => {
  test.each(['twoWay', 'linkedInToMicrosoft'] as const)(
    'with "%s": the service completes with code and verifier, then the record is saved',
    async (consent) => {
      const { connect, roaming } = flow(allow);
      const outcome = await connect.connect(consent);
      expect(outcome).toEqual({ ok: true, record: { consent, connectedAt: '2026-11-27T10:00:00.000Z', version: 1 } });
      expect(readConsentRecord(roaming)).toEqual({ consent, connectedAt: '2026-11-27T10:00:00.000Z', version: 1 });
      expect(JSON.stringify(roaming.saved[CONSENT_SETTING]).length).toBeLessThan(1024);
      const body = JSON.parse(await (requests.find((r) => r.method === 'POST')?.body ?? Promise.resolve('{}')));
      expect(body).toMatchObject({ code: lastCode, consent, redirectUri: 'https://addins.contoso.com/linkedin/dialog.html' });
      expect(body.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    },
  );

  test('messages from a wrong origin, with a tampered state or malformed are ignored; the real one still counts', async () => {
    const { connect } = flow(
      (url, h) =>
        void service.signIn(url.href, 'allow').then((real) => {
          h.onMessage(real, 'https://evil.example');
          h.onMessage(real, undefined);
          h.onMessage(real.replace(url.searchParams.get('state') ?? '', 'z'.repeat(43)), ORIGIN);
          h.onMessage('{"type":"linkedin-sign-in"', ORIGIN);
          h.onMessage(real, ORIGIN);
        }),
    );
    expect((await connect.connect('twoWay')).ok).toBe(true);
  });

  test('a double click opens one dialog', async () => {
    const { connect, dialog } = flow(allow);
    const [first, second] = await Promise.all([connect.connect('twoWay'), connect.connect('twoWay')]);
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, reason: 'inProgress' });
    expect(dialog.opened).toBe(1);
  });

  test.each([
    ['the user closes the dialog (12006)', (_u: URL, h: DialogHandlers) => h.onClosed(12006), { reason: 'cancelled' }],
    [
      'LinkedIn Cancel',
      (url: URL, h: DialogHandlers) => h.onMessage(answer(url, { outcome: 'error', error: 'cancelled', code: undefined }), ORIGIN),
      { reason: 'cancelled' },
    ],
    ['the dialog page fails (12002)', (_u: URL, h: DialogHandlers) => h.onClosed(12002), { reason: 'dialog', code: 12002 }],
    ['no answer within the time limit', () => undefined, { reason: 'timedOut' }],
  ])('%s: nothing saved, previous state intact', async (_name, script, failure) => {
    const { connect, roaming } = flow(script, { timeoutMs: 200 });
    expect(await connect.connect('twoWay')).toEqual({ ok: false, ...failure });
    expect(readConsentRecord(roaming)).toBe('none');
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  test.each([12004, 12005, 12007, 12009, 12011])('the dialog cannot open (%i): a clear state, nothing saved', async (code) => {
    const roaming = memoryRoamingSettings();
    const connect = new ConnectFlow({ dialog: scriptedDialog(allow, code), insights, roaming, pageUrl: PAGE });
    expect(await connect.connect('twoWay')).toEqual({ ok: false, reason: 'dialog', code });
    expect(readConsentRecord(roaming)).toBe('none');
  });

  test.each([
    [400, 'server'],
    [401, 'unauthorized'],
    [500, 'server'],
  ])('the service refuses to complete (%i): nothing saved', async (status, kind) => {
    server.use(http.post('*/api/v1/connection', () => new HttpResponse(null, { status })));
    const { connect, roaming } = flow(allow);
    expect(await connect.connect('twoWay')).toEqual({ ok: false, reason: 'service', kind });
    expect(readConsentRecord(roaming)).toBe('none');
  });

  test('the service confirms another consent than chosen: not counted', async () => {
    server.use(
      http.post('*/api/v1/connection', () =>
        HttpResponse.json({ apiVersion: '1', status: 'connected', consent: 'twoWay', connectedAt: 'x' }),
      ),
    );
    const { connect, roaming } = flow(allow);
    expect(await connect.connect('linkedInToMicrosoft')).toEqual({ ok: false, reason: 'notConfirmed' });
    expect(readConsentRecord(roaming)).toBe('none');
  });

  test('roaming save fails (9057, over 32 KB): nothing half-written, and the service connection is revoked again', async () => {
    const { connect, roaming } = flow(allow);
    roaming.failNextSave(9057, 'Settings exceed 32 KB');
    expect(await connect.connect('twoWay')).toEqual({ ok: false, reason: 'saveFailed', code: 9057 });
    expect(readConsentRecord(roaming)).toBe('none');
    expect(roaming.saved).toEqual({});
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true);
  });
});

import { createDialogAuth, ENTRA_SIGN_IN_PAGE, TOKEN_RENEWAL_MARGIN_MS, type AuthDialog } from '../../src/services/dialogAuth';

const PANE = 'https://addins.contoso.com/linkedin/taskpane.html';
const ORIGIN = 'https://addins.contoso.com';
const SERVICE = 'api://insights/access_as_user';
const HOUR = 60 * 60 * 1000;

/** An Office dialog the test answers for: every open is recorded with its handlers. */
function fakeDialog() {
  const opened: { url: string; handlers: Parameters<AuthDialog['open']>[1]; closed: boolean }[] = [];
  const dialog: AuthDialog = {
    open: jest.fn(async (url, handlers) => {
      const entry = { url, handlers, closed: false };
      opened.push(entry);
      return { close: () => void (entry.closed = true) };
    }),
  };
  const last = () => opened[opened.length - 1];
  const stateOf = () => new URL(last().url).searchParams.get('state') ?? '';
  const answer = (body: Record<string, unknown>, origin: string | null = ORIGIN) =>
    last().handlers.onMessage(JSON.stringify({ type: 'entra-sign-in', state: stateOf(), ...body }), origin ?? undefined);
  /** The dialog hands over these tokens (scope → access token), each good until `expiresOn`. */
  const grant = (granted: Record<string, string>, expiresOn = 1_000_000 + HOUR) =>
    answer({ outcome: 'tokens', tokens: Object.entries(granted).map(([scope, accessToken]) => ({ scope, accessToken, expiresOn })) });
  /** The sign-in's own tokens: Graph's and the service's. */
  const tokens = (expiresOn: number, suffix = '') => grant({ 'User.Read': `graph${suffix}`, [SERVICE]: `service${suffix}` }, expiresOn);
  return { dialog, opened, last, stateOf, answer, grant, tokens };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(now = () => 1_000_000) {
  const fake = fakeDialog();
  const tokens = createDialogAuth({
    dialog: fake.dialog,
    pageUrl: PANE,
    scopes: ['User.Read', SERVICE],
    laterScopes: ['Calendars.ReadBasic'],
    now,
  });
  return { fake, tokens };
}

/** A sign-in asked for `scopes` and its dialog open: the fake to answer in, the token source, and the caller's promise. */
async function signingIn(scopes = ['User.Read']) {
  const { fake, tokens } = setUp();
  const pending = tokens(scopes);
  await settle();
  return { fake, tokens, pending };
}

describe('signing in without nested app auth: MSAL in an Office dialog', () => {
  test('one dialog, beside the pane, serves every caller at once; the tokens come back and the dialog closes', async () => {
    const { fake, tokens } = setUp();
    const graph = tokens(['User.Read']);
    const service = tokens([SERVICE]);
    await settle();
    expect(fake.opened).toHaveLength(1);
    const url = new URL(fake.last().url);
    expect(`${url.origin}${url.pathname}`).toBe(`${ORIGIN}/linkedin/${ENTRA_SIGN_IN_PAGE}`);
    expect([...url.searchParams.keys()]).toEqual(['state']);
    fake.tokens(1_000_000 + HOUR);
    await expect(graph).resolves.toBe('graph');
    await expect(service).resolves.toBe('service');
    expect(fake.last().closed).toBe(true);
  });

  test('a token is reused until 5 minutes before it expires, then the user signs in again', async () => {
    let now = 1_000_000;
    const { fake, tokens } = setUp(() => now);
    const first = tokens(['User.Read']);
    await settle();
    fake.tokens(now + HOUR);
    await first;
    await expect(tokens(['User.Read'])).resolves.toBe('graph');
    expect(fake.opened).toHaveLength(1);
    now += HOUR - TOKEN_RENEWAL_MARGIN_MS + 1;
    const renewed = tokens(['User.Read']);
    await settle();
    expect(fake.opened).toHaveLength(2);
    fake.tokens(now + HOUR, '-2');
    await expect(renewed).resolves.toBe('graph-2');
  });

  test('a refused token (forceRefresh) is never handed out again', async () => {
    const { fake, tokens, pending: first } = await signingIn();
    fake.tokens(1_000_000 + HOUR);
    await first;
    const again = tokens(['User.Read'], { forceRefresh: true });
    await settle();
    expect(fake.opened).toHaveLength(2);
    fake.tokens(1_000_000 + HOUR, '-new');
    await expect(again).resolves.toBe('graph-new');
  });

  test.each([
    ['another origin', () => ({ origin: 'https://evil.example', body: {} })],
    ['no origin (no DialogOrigin 1.1)', () => ({ origin: null, body: {} })],
    ['another state', () => ({ origin: ORIGIN, body: { state: 'x'.repeat(40) } })],
    ['an unknown shape', () => ({ origin: ORIGIN, body: { extra: true } })],
  ])('an answer from %s is ignored; the real one still counts', async (_name, make) => {
    const { fake, tokens } = setUp();
    const pending = tokens(['User.Read']);
    let resolved: string | undefined;
    void pending.then((value) => (resolved = value));
    await settle();
    const { origin, body } = make();
    fake.answer(
      { outcome: 'tokens', tokens: [{ scope: 'User.Read', accessToken: 'forged', expiresOn: 1_000_000 + HOUR }], ...body },
      origin,
    );
    await settle();
    expect(resolved).toBeUndefined();
    fake.tokens(1_000_000 + HOUR);
    await expect(pending).resolves.toBe('graph');
  });

  test('a token for a scope not granted is dropped, never stored', async () => {
    const { fake, tokens, pending } = await signingIn();
    fake.grant({ 'User.Read': 'graph', 'Directory.Read.All': 'too-much' });
    await expect(pending).resolves.toBe('graph');
    // Not kept, and not a permission this sign-in asks for: refused at once, no dialog for it.
    await expect(tokens(['Directory.Read.All'])).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(fake.opened).toHaveLength(1);
  });

  test('the calendar is never asked at sign-in: only when first needed, in a dialog of its own', async () => {
    const { fake, tokens, pending: graph } = await signingIn();
    expect(new URL(fake.last().url).searchParams.get('scopes')).toBeNull();
    fake.tokens(1_000_000 + HOUR);
    await graph;
    const calendar = tokens(['Calendars.ReadBasic']);
    await settle();
    expect(fake.opened).toHaveLength(2);
    expect(new URL(fake.last().url).searchParams.get('scopes')).toBe('Calendars.ReadBasic');
    // The calendar's dialog hands out only the calendar's token, whatever else it sends.
    fake.grant({ 'Calendars.ReadBasic': 'calendar', 'User.Read': 'smuggled' });
    await expect(calendar).resolves.toBe('calendar');
    await expect(tokens(['User.Read'])).resolves.toBe('graph');
  });

  test("closing the calendar's dialog stops asking for the calendar, never for the card's sign-in", async () => {
    const { fake, tokens, pending: calendar } = await signingIn(['Calendars.ReadBasic']);
    fake.last().handlers.onClosed(12006);
    await expect(calendar).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(tokens(['Calendars.ReadBasic'])).rejects.toMatchObject({ message: expect.stringMatching(/reopen/) });
    const graph = tokens(['User.Read']);
    await settle();
    expect(fake.opened).toHaveLength(2);
    fake.tokens(1_000_000 + HOUR);
    await expect(graph).resolves.toBe('graph');
  });

  test('the user closes the dialog: unauthorized, and it does not pop up again by itself', async () => {
    const { fake, tokens, pending } = await signingIn();
    fake.last().handlers.onClosed(12006);
    await expect(pending).rejects.toMatchObject({ name: 'ServiceError', kind: 'unauthorized' });
    await expect(tokens([SERVICE])).rejects.toMatchObject({ kind: 'unauthorized', message: expect.stringMatching(/reopen/) });
    expect(fake.opened).toHaveLength(1);
  });

  test('a failed sign-in and a dialog that cannot open are unauthorized too', async () => {
    const { fake, pending } = await signingIn();
    fake.answer({ outcome: 'error', error: 'failed' });
    await expect(pending).rejects.toMatchObject({ kind: 'unauthorized', message: 'Signing in failed.' });
    const broken = createDialogAuth({
      dialog: { open: () => Promise.reject(new Error('12011')) },
      pageUrl: PANE,
      scopes: ['User.Read'],
    });
    await expect(broken(['User.Read'])).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  test('tokens stay in memory: nothing is written to local or session storage', async () => {
    const { fake, pending } = await signingIn();
    fake.tokens(1_000_000 + HOUR);
    await pending;
    expect([window.localStorage.length, window.sessionStorage.length]).toEqual([0, 0]);
  });
});

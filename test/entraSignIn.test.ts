import { runEntraSignIn, SCOPES_KEY, STATE_KEY, type RedirectSignInClient } from '../src/dialog/entraSignInSteps';

const PAGE = 'https://addins.contoso.com/linkedin/entra-sign-in.html';
const STATE = 'a'.repeat(48);
const SIGN_IN = ['User.Read', 'api://insights/access_as_user'];
const SCOPES = { signIn: SIGN_IN, allowed: [...SIGN_IN, 'Calendars.ReadBasic'] };

function fakeMsal(redirect: { account: string | null } | null | Error) {
  const client: RedirectSignInClient<string> & { logins: unknown[]; silent: unknown[] } = {
    logins: [],
    silent: [],
    initialize: async () => undefined,
    handleRedirectPromise: async () => {
      if (redirect instanceof Error) throw redirect;
      return redirect;
    },
    loginRedirect: async (request) => void client.logins.push(request),
    acquireTokenSilent: async (request) => {
      client.silent.push(request);
      return { accessToken: `token:${request.scopes[0]}`, expiresOn: new Date(5_000_000) };
    },
  };
  return client;
}

function memorySession(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('the fallback sign-in page (MSAL in the Office dialog)', () => {
  test('first load: signs in for User.Read, with the service scope consented at once, carrying the pane’s state', async () => {
    const msal = fakeMsal(null);
    const session = memorySession();
    const sent: string[] = [];
    expect(await runEntraSignIn(msal, `${PAGE}?state=${STATE}`, SCOPES, session, (m) => sent.push(m))).toBe('redirecting');
    expect(msal.logins).toEqual([{ scopes: ['User.Read'], extraScopesToConsent: ['api://insights/access_as_user'], state: STATE }]);
    expect(session.values.get(STATE_KEY)).toBe(STATE);
    expect(session.values.get(SCOPES_KEY)).toBe(SIGN_IN.join(' '));
    expect(sent).toEqual([]);
  });
  test('a link asking for the calendar (Today) signs in for Calendars.ReadBasic alone', async () => {
    const msal = fakeMsal(null);
    const session = memorySession();
    const href = `${PAGE}?state=${STATE}&scopes=Calendars.ReadBasic`;
    expect(await runEntraSignIn(msal, href, SCOPES, session, () => undefined)).toBe('redirecting');
    expect(msal.logins).toEqual([{ scopes: ['Calendars.ReadBasic'], extraScopesToConsent: [], state: STATE }]);
    expect(session.values.get(SCOPES_KEY)).toBe('Calendars.ReadBasic');
  });
  test.each(['Mail.Read', 'Calendars.ReadBasic Calendars.Read', ''])('a link asking for "%s" signs nobody in', async (scopes) => {
    const msal = fakeMsal(null);
    const href = `${PAGE}?state=${STATE}&scopes=${encodeURIComponent(scopes)}`;
    expect(await runEntraSignIn(msal, href, SCOPES, memorySession(), () => undefined)).toBe('invalid');
    expect(msal.logins).toEqual([]);
  });
  test.each([PAGE, `${PAGE}?state=short`, `${PAGE}?state=${'<'.repeat(30)}`])('an invalid link (%s) signs nobody in', async (href) => {
    const msal = fakeMsal(null);
    expect(await runEntraSignIn(msal, href, SCOPES, memorySession(), () => undefined)).toBe('invalid');
    expect(msal.logins).toEqual([]);
  });
  test('back from Microsoft: one token per granted scope, sent to the pane with its state, and the state forgotten', async () => {
    const msal = fakeMsal({ account: 'megan' });
    const session = memorySession({ [STATE_KEY]: STATE, [SCOPES_KEY]: SIGN_IN.join(' ') });
    const sent: string[] = [];
    expect(await runEntraSignIn(msal, PAGE, SCOPES, session, (m) => sent.push(m))).toBe('answered');
    expect(msal.silent).toEqual(SIGN_IN.map((scope) => ({ scopes: [scope], account: 'megan' })));
    expect(sent.map((m) => JSON.parse(m))).toEqual([
      {
        type: 'entra-sign-in',
        state: STATE,
        outcome: 'tokens',
        tokens: SIGN_IN.map((scope) => ({ scope, accessToken: `token:${scope}`, expiresOn: 5_000_000 })),
      },
    ]);
    expect(session.values.size).toBe(0);
  });
  test('the user cancels at Microsoft: the pane is told "cancelled"', async () => {
    const msal = fakeMsal(Object.assign(new Error('cancelled'), { errorCode: 'user_cancelled' }));
    const sent: string[] = [];
    await runEntraSignIn(msal, PAGE, SCOPES, memorySession({ [STATE_KEY]: STATE }), (m) => sent.push(m));
    expect(JSON.parse(sent[0])).toEqual({ type: 'entra-sign-in', state: STATE, outcome: 'error', error: 'cancelled' });
  });
});

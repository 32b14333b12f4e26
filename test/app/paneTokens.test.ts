/**
 * The first lookup's token (paneTokens.ts): the first script asks the same nested app authentication the pane's
 * services use — one MSAL instance for the pane, so the token the first lookup left with and the pane's later ones come
 * from one cache — and only where this Outlook has NestedAppAuth 1.1 and the add-in's Entra app is configured. MSAL
 * itself stands in here (only Outlook runs it).
 */
import { firstLookupToken, lazyNestedAppAuth } from '../../src/app/paneTokens';
import { productionDependencies } from '../../src/app/productionDependencies';
import { createFakeHost } from '../support/fakeHost';

const created = jest.fn();
jest.mock('@azure/msal-browser', () => ({
  InteractionRequiredAuthError: class extends Error {},
  createNestablePublicClientApplication: async () => {
    created();
    return { acquireTokenSilent: async ({ scopes }: { scopes: string[] }) => ({ accessToken: `token for ${scopes.join(' ')}` }) };
  },
}));

const CONFIG = { clientId: 'app', insightsScope: 'api://insights/access_as_user' };

afterEach(() => jest.restoreAllMocks());

test("the first lookup's token and the pane's come from one MSAL instance", async () => {
  const fetchSpy = jest
    .spyOn(globalThis, 'fetch')
    .mockImplementation(async () => Response.json({ apiVersion: '1', results: [{ email: 'someone@fabrikam.com', status: 'noMatch' }] }));
  const nestedAppAuth = lazyNestedAppAuth(CONFIG);
  const support = { nestedAppAuth: true, dialogOrigin: true };
  const first = firstLookupToken(CONFIG, support, nestedAppAuth);
  expect(await first?.()).toBe(`token for ${CONFIG.insightsScope}`);
  const deps = productionDependencies(createFakeHost({}).host, CONFIG, support, { nestedAppAuth });
  await deps.insights.lookup(['someone@fabrikam.com']);
  expect(new Headers(fetchSpy.mock.calls[0]?.[1]?.headers).get('Authorization')).toBe(`Bearer token for ${CONFIG.insightsScope}`);
  expect(created).toHaveBeenCalledTimes(1);
});

test('no token for the first script without NestedAppAuth 1.1 or without the Entra app: the pane asks for it as before', () => {
  const nestedAppAuth = lazyNestedAppAuth(CONFIG);
  expect(firstLookupToken(CONFIG, { nestedAppAuth: false, dialogOrigin: true }, nestedAppAuth)).toBeUndefined();
  expect(firstLookupToken({ ...CONFIG, clientId: '' }, { nestedAppAuth: true, dialogOrigin: true }, nestedAppAuth)).toBeUndefined();
  expect(firstLookupToken({ ...CONFIG, insightsScope: '' }, { nestedAppAuth: true, dialogOrigin: true }, nestedAppAuth)).toBeUndefined();
});

test('the first script asks only for a granted scope', async () => {
  await expect(lazyNestedAppAuth(CONFIG)(['Mail.Read'])).rejects.toMatchObject({ kind: 'unauthorized' });
});

test("the pane's insights client reads the first script's lookup for its first lookup, sending nothing itself", async () => {
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const answer = Response.json({ apiVersion: '1', results: [{ email: 'someone@fabrikam.com', status: 'noMatch' }] });
  const taken: unknown[] = [];
  const deps = productionDependencies(
    createFakeHost({}).host,
    CONFIG,
    { nestedAppAuth: true, dialogOrigin: true },
    {
      nestedAppAuth: lazyNestedAppAuth(CONFIG),
      takeLookup: (body) => (taken.push(body), Promise.resolve(answer)),
    },
  );
  expect(await deps.insights.lookup(['someone@fabrikam.com'])).toEqual([{ email: 'someone@fabrikam.com', status: 'noMatch' }]);
  expect(taken).toEqual([{ emails: ['someone@fabrikam.com'], device: { platform: 'web', showLinkedInFeatures: true } }]);
  expect(fetchSpy).not.toHaveBeenCalled();
});

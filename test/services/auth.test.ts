import { createAddinAuth, grantedScopes, limitedToGrantedScopes, signInScopes, type AuthConfig } from '../../src/services/auth';
import { CALENDAR_SCOPES, GRAPH_SCOPES } from '../../src/services/graphClient';

const CONFIG: AuthConfig = { clientId: '11111111-2222-3333-4444-555555555555', insightsScope: 'api://insights/access_as_user' };

describe('least privilege: the only scopes the add-in may ask for', () => {
  test('are User.Read, the calendar’s basic details and the insights service scope; sign-in asks for the first and last only', () => {
    expect(grantedScopes(CONFIG)).toEqual(['User.Read', 'api://insights/access_as_user', 'Calendars.ReadBasic']);
    expect(signInScopes(CONFIG)).toEqual(['User.Read', 'api://insights/access_as_user']);
    expect(GRAPH_SCOPES).toEqual(['User.Read']);
    expect(CALENDAR_SCOPES).toEqual(['Calendars.ReadBasic']);
  });

  test.each([
    [['GroupMember.Read.All']],
    [['User.Read.All']],
    [['Directory.Read.All']],
    [['User.Read', 'GroupMember.Read.All']],
    [['Calendars.Read']],
    [['Calendars.ReadWrite']],
    [['Calendars.ReadBasic', 'User.Read']],
    [['Mail.Read']],
    [['https://graph.microsoft.com/.default']],
    [[]],
  ])('a request for %j is refused before any sign-in', async (scopes) => {
    const source = jest.fn(async () => 'token');
    await expect(limitedToGrantedScopes(CONFIG, source)(scopes)).rejects.toMatchObject({ name: 'ServiceError', kind: 'unauthorized' });
    expect(source).not.toHaveBeenCalled();
  });

  test('User.Read, the service scope and Calendars.ReadBasic pass, one at a time, with forceRefresh passed on', async () => {
    const source = jest.fn(async (scopes: string[]) => `token for ${scopes[0]}`);
    const tokens = limitedToGrantedScopes(CONFIG, source);
    await expect(tokens(['User.Read'])).resolves.toBe('token for User.Read');
    await expect(tokens([CONFIG.insightsScope], { forceRefresh: true })).resolves.toBe(`token for ${CONFIG.insightsScope}`);
    expect(source).toHaveBeenLastCalledWith([CONFIG.insightsScope], { forceRefresh: true });
    await expect(tokens(['Calendars.ReadBasic'])).resolves.toBe('token for Calendars.ReadBasic');
  });
});

describe('which sign-in the pane uses', () => {
  test('without nested app auth: the dialog fallback, still limited to the granted scopes', async () => {
    const fallback = jest.fn(async () => 'dialog-token');
    const tokens = createAddinAuth(CONFIG, { nestedAppAuthSupported: false, dialogFallback: fallback });
    await expect(tokens(['User.Read'])).resolves.toBe('dialog-token');
    await expect(tokens(['GroupMember.Read.All'])).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(fallback).toHaveBeenCalledTimes(1);
  });
  test('neither nested app auth nor a dialog: unauthorized, saying why', async () => {
    await expect(createAddinAuth(CONFIG, { nestedAppAuthSupported: false })(['User.Read'])).rejects.toMatchObject({
      kind: 'unauthorized',
      message: expect.stringMatching(/neither nested app authentication nor the sign-in dialog/),
    });
  });
  test('no Entra app configured: unauthorized, and no dialog opens', async () => {
    const fallback = jest.fn(async () => 'dialog-token');
    const tokens = createAddinAuth({ clientId: '', insightsScope: '' }, { nestedAppAuthSupported: false, dialogFallback: fallback });
    await expect(tokens(['User.Read'])).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(fallback).not.toHaveBeenCalled();
  });
});

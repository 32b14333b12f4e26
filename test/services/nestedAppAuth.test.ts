import { createNestedAppAuth, NOT_GRANTED } from '../../src/services/auth';

/**
 * Nested app authentication (MSAL, supplied by Outlook): MSAL itself stands in here, since only Outlook can run it.
 * What the pane gets from it: a token silently, a popup only when MSAL says interaction is required, and — when the
 * permission was never granted (the calendar's, before the admin consents) — an error that says so.
 */
class InteractionRequiredAuthError extends Error {
  constructor(
    readonly errorCode: string,
    readonly errorMessage = '',
    readonly subError = '',
  ) {
    super(errorMessage);
  }
}
const client = { acquireTokenSilent: jest.fn(), acquireTokenPopup: jest.fn() };
jest.mock('@azure/msal-browser', () => ({
  InteractionRequiredAuthError,
  createNestablePublicClientApplication: async () => client,
}));

beforeEach(() => {
  client.acquireTokenSilent.mockReset();
  client.acquireTokenPopup.mockReset();
});

test('silently when it can: no popup', async () => {
  client.acquireTokenSilent.mockResolvedValue({ accessToken: 'silent' });
  await expect(createNestedAppAuth('app')(['Calendars.ReadBasic'])).resolves.toBe('silent');
  expect(client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: ['Calendars.ReadBasic'], forceRefresh: false });
  expect(client.acquireTokenPopup).not.toHaveBeenCalled();
});

test.each([
  ['consent_required', '', ''],
  ['invalid_grant', 'AADSTS65001: The user or administrator has not consented to use the application', ''],
  ['interaction_required', '', 'consent_required'],
])('a permission never granted (%s %s %s): the popup fails, and the error says the permission is missing', async (code, message, sub) => {
  client.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError(code, message, sub));
  client.acquireTokenPopup.mockRejectedValue(Object.assign(new Error('user_cancelled'), { errorCode: 'user_cancelled' }));
  await expect(createNestedAppAuth('app')(['Calendars.ReadBasic'])).rejects.toMatchObject({ kind: 'unauthorized', code: NOT_GRANTED });
  expect(client.acquireTokenPopup).toHaveBeenCalledTimes(1);
});

test('an admin-only permission refused in the popup (AADSTS90094) says the permission is missing', async () => {
  client.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError('interaction_required'));
  client.acquireTokenPopup.mockRejectedValue(
    Object.assign(new Error('x'), { errorCode: 'access_denied', errorMessage: 'AADSTS90094: admin consent' }),
  );
  await expect(createNestedAppAuth('app')(['Calendars.ReadBasic'])).rejects.toMatchObject({ code: NOT_GRANTED });
});

test('a cancelled sign-in that is not about a permission is a plain sign-in failure', async () => {
  client.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError('interaction_required'));
  client.acquireTokenPopup.mockRejectedValue(Object.assign(new Error('x'), { errorCode: 'user_cancelled' }));
  const error = await createNestedAppAuth('app')(['User.Read']).catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: 'unauthorized' });
  expect((error as { code?: string }).code).toBeUndefined();
});

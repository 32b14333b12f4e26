import { SIGN_IN_STATE } from '../contract/signIn';

/**
 * The fallback sign-in dialog's logic (Outlook without nested app authentication), without Office.js or MSAL's
 * classes: the first load redirects to Microsoft's sign-in for every granted scope at once; the return acquires one
 * token per scope silently and tells the pane, with the state the pane issued.
 */

/** The part of MSAL's PublicClientApplication the dialog uses (tests drive it with a fake). */
export interface RedirectSignInClient<Account> {
  initialize: () => Promise<void>;
  handleRedirectPromise: () => Promise<{ account: Account | null } | null>;
  loginRedirect: (request: { scopes: string[]; extraScopesToConsent: string[]; state: string }) => Promise<void>;
  acquireTokenSilent: (request: { scopes: string[]; account: Account }) => Promise<{ accessToken: string; expiresOn: Date | null }>;
}

/** Where the state the pane issued waits while Microsoft's sign-in page is shown (this dialog window only). */
export const STATE_KEY = 'entra-sign-in.state';

export type EntraSignInStep = 'redirecting' | 'answered' | 'invalid';

function isCancellation(error: unknown): boolean {
  const code = (error as { errorCode?: unknown })?.errorCode;
  return code === 'user_cancelled' || (typeof code === 'string' && code.includes('access_denied'));
}

export async function runEntraSignIn<Account>(
  client: RedirectSignInClient<Account>,
  pageHref: string,
  scopes: string[],
  session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  send: (message: string) => void,
): Promise<EntraSignInStep> {
  const answer = (state: string, body: Record<string, unknown>): EntraSignInStep => {
    session.removeItem(STATE_KEY);
    send(JSON.stringify({ type: 'entra-sign-in', state, ...body }));
    return 'answered';
  };
  await client.initialize();
  let result: { account: Account | null } | null;
  try {
    result = await client.handleRedirectPromise();
  } catch (error) {
    const state = session.getItem(STATE_KEY);
    if (!state) return 'invalid';
    return answer(state, { outcome: 'error', error: isCancellation(error) ? 'cancelled' : 'failed' });
  }
  if (!result) {
    const state = new URL(pageHref).searchParams.get('state');
    if (!state || !SIGN_IN_STATE.test(state) || scopes.length === 0 || scopes.some((scope) => !scope)) return 'invalid';
    session.setItem(STATE_KEY, state);
    const [first, ...rest] = scopes as [string, ...string[]];
    await client.loginRedirect({ scopes: [first], extraScopesToConsent: rest, state });
    return 'redirecting';
  }
  const state = session.getItem(STATE_KEY);
  if (!state) return 'invalid';
  const account = result.account;
  if (!account) return answer(state, { outcome: 'error', error: 'failed' });
  try {
    const tokens = [];
    for (const scope of scopes) {
      const token = await client.acquireTokenSilent({ scopes: [scope], account });
      tokens.push({ scope, accessToken: token.accessToken, expiresOn: token.expiresOn?.getTime() ?? 0 });
    }
    return answer(state, { outcome: 'tokens', tokens });
  } catch {
    return answer(state, { outcome: 'error', error: 'failed' });
  }
}

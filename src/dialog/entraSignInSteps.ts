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
/** Where the scopes this sign-in was opened for wait meanwhile (the return leg's address carries none). */
export const SCOPES_KEY = 'entra-sign-in.scopes';

/**
 * What the page signs in for: `signIn` unless the pane's link names other scopes (`scopes=`, space-separated: the
 * calendar's, asked for only when Today reads it), each of which must be one of `allowed`.
 */
export interface SignInScopes {
  signIn: string[];
  allowed: string[];
}

/** The scopes the pane's link asks for; null when it names one the page does not sign in for. */
function requestedScopes(url: URL, scopes: SignInScopes): string[] | null {
  const named = url.searchParams.get('scopes');
  if (named === null) return scopes.signIn;
  const list = named.split(' ').filter(Boolean);
  return list.length > 0 && list.every((scope) => scopes.allowed.includes(scope)) ? list : null;
}

export type EntraSignInStep = 'redirecting' | 'answered' | 'invalid';

function isCancellation(error: unknown): boolean {
  const code = (error as { errorCode?: unknown })?.errorCode;
  return code === 'user_cancelled' || (typeof code === 'string' && code.includes('access_denied'));
}

export async function runEntraSignIn<Account>(
  client: RedirectSignInClient<Account>,
  pageHref: string,
  signInScopes: SignInScopes,
  session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  send: (message: string) => void,
): Promise<EntraSignInStep> {
  const answer = (state: string, body: Record<string, unknown>): EntraSignInStep => {
    session.removeItem(STATE_KEY);
    session.removeItem(SCOPES_KEY);
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
    const url = new URL(pageHref);
    const state = url.searchParams.get('state');
    const scopes = requestedScopes(url, signInScopes);
    if (!state || !SIGN_IN_STATE.test(state) || !scopes || scopes.length === 0 || scopes.some((scope) => !scope)) return 'invalid';
    session.setItem(STATE_KEY, state);
    session.setItem(SCOPES_KEY, scopes.join(' '));
    const [first, ...rest] = scopes as [string, ...string[]];
    await client.loginRedirect({ scopes: [first], extraScopesToConsent: rest, state });
    return 'redirecting';
  }
  const state = session.getItem(STATE_KEY);
  if (!state) return 'invalid';
  const scopes = (session.getItem(SCOPES_KEY) ?? '').split(' ').filter((scope) => signInScopes.allowed.includes(scope));
  if (scopes.length === 0) return answer(state, { outcome: 'error', error: 'failed' });
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

import { isChosenConsent, PKCE_CHALLENGE, SIGN_IN_STATE } from '../contract/signIn';

/**
 * The sign-in dialog's logic, without Office.js: where to send the user first (the insights service's authorize
 * page on this origin), and what to tell the pane when LinkedIn sends them back.
 */
export const AUTHORIZE_PATH = 'api/v1/connection/authorize/';

export type DialogStep = { kind: 'authorize'; url: string } | { kind: 'answer'; message: string } | { kind: 'invalid' };

/** Decides what the dialog page does with the URL it was opened at. */
export function dialogStep(location: { href: string; origin: string; pathname: string }): DialogStep {
  const url = new URL(location.href);
  const params = url.searchParams;
  const state = params.get('state');
  if (!state || !SIGN_IN_STATE.test(state)) return { kind: 'invalid' };
  const challenge = params.get('challenge');
  const consent = params.get('consent');
  if (challenge !== null) {
    if (!PKCE_CHALLENGE.test(challenge) || !isChosenConsent(consent)) return { kind: 'invalid' };
    // Only ever the service on this same origin, with this exact page as the registered redirect.
    const authorize = new URL(AUTHORIZE_PATH, `${location.origin}${location.pathname}`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      consent,
      redirect_uri: `${location.origin}${location.pathname}`,
    }).toString();
    return { kind: 'authorize', url: authorize.toString() };
  }
  const code = params.get('code');
  const error = params.get('error');
  if (code && code.length <= 2048)
    return { kind: 'answer', message: JSON.stringify({ type: 'linkedin-sign-in', outcome: 'code', state, code }) };
  if (error) {
    const cancelled = error === 'user_cancelled_authorize' || error === 'user_cancelled_login';
    return {
      kind: 'answer',
      message: JSON.stringify({ type: 'linkedin-sign-in', outcome: 'error', state, error: cancelled ? 'cancelled' : 'failed' }),
    };
  }
  return { kind: 'invalid' };
}

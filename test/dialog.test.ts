import { AUTHORIZE_PATH, dialogStep } from '../src/dialog/signInResult';

const at = (href: string) => {
  const url = new URL(href);
  return { href, origin: url.origin, pathname: url.pathname };
};
const STATE = 'S'.repeat(43);
const CHALLENGE = 'C'.repeat(43);

describe('the sign-in dialog page', () => {
  test('first goes to the insights service on its own origin, with the exact redirect back to itself', () => {
    const step = dialogStep(at(`https://addins.contoso.com/linkedin/dialog.html?state=${STATE}&challenge=${CHALLENGE}&consent=twoWay`));
    expect(step.kind).toBe('authorize');
    if (step.kind !== 'authorize') return;
    const url = new URL(step.url);
    expect(`${url.origin}${url.pathname}`).toBe(`https://addins.contoso.com/linkedin/${AUTHORIZE_PATH}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      state: STATE,
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
      consent: 'twoWay',
      redirect_uri: 'https://addins.contoso.com/linkedin/dialog.html',
    });
  });
  test('back from LinkedIn with a code: tells the pane the code and state', () => {
    const step = dialogStep(at(`https://addins.contoso.com/linkedin/dialog.html?code=abc&state=${STATE}`));
    expect(step).toEqual({
      kind: 'answer',
      message: JSON.stringify({ type: 'linkedin-sign-in', outcome: 'code', state: STATE, code: 'abc' }),
    });
  });
  test.each([
    ['user_cancelled_authorize', 'cancelled'],
    ['user_cancelled_login', 'cancelled'],
    ['server_error', 'failed'],
  ])('back from LinkedIn with error %s: %s', (error, outcome) => {
    const step = dialogStep(at(`https://addins.contoso.com/linkedin/dialog.html?error=${error}&state=${STATE}`));
    expect(step.kind === 'answer' && JSON.parse(step.message)).toEqual({
      type: 'linkedin-sign-in',
      outcome: 'error',
      state: STATE,
      error: outcome,
    });
  });
  test.each([
    ['no state', '?code=abc'],
    ['a state too short to be ours', '?code=abc&state=x'],
    ['a challenge that is not S256-shaped', `?state=${STATE}&challenge=plain&consent=twoWay`],
    ['an unknown consent', `?state=${STATE}&challenge=${CHALLENGE}&consent=everything`],
  ])('%s is refused', (_name, query) => {
    expect(dialogStep(at(`https://addins.contoso.com/linkedin/dialog.html${query}`))).toEqual({ kind: 'invalid' });
  });
});

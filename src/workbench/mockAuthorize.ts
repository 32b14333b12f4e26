/**
 * Dev-only: the insights service's authorize page as the workbench serves it — a stand-in for LinkedIn's consent
 * screen with Allow, Cancel and a switch that makes LinkedIn fail. It redirects back only to this origin.
 */
const params = new URL(window.location.href).searchParams;
const state = params.get('state') ?? '';
const consent = params.get('consent');
const redirect = (() => {
  try {
    const url = new URL(params.get('redirect_uri') ?? '');
    return url.origin === window.location.origin ? url : null;
  } catch {
    return null;
  }
})();

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function back(query: Record<string, string>): void {
  if (!redirect) return;
  redirect.search = new URLSearchParams({ ...query, state }).toString();
  window.location.replace(redirect.toString());
}

const main = element('main');
main.append(
  element('p', 'in', { class: 'logo', 'aria-hidden': 'true' }),
  element('h1', 'LinkedIn profile card for Outlook would like to connect to your LinkedIn account'),
  element(
    'p',
    consent === 'twoWay'
      ? 'You chose to share data both ways: LinkedIn shares your profile, interests, subscriptions and connections with Microsoft, and Microsoft shares your work profile, calendar, interests, subscriptions and contacts with LinkedIn.'
      : 'You chose LinkedIn to Microsoft only: LinkedIn shares your profile, interests, subscriptions and connections with Microsoft.',
  ),
);
if (!redirect) {
  main.append(element('p', 'The redirect address is not allowed.', { role: 'alert' }));
} else {
  const failLabel = element('label');
  const fail = element('input', undefined, { type: 'checkbox', id: 'fail' });
  failLabel.append(fail, document.createTextNode(' Simulate a LinkedIn error'));
  const allow = element('button', 'Allow', { type: 'button', class: 'primary' });
  const cancel = element('button', 'Cancel', { type: 'button' });
  allow.addEventListener('click', () => back(fail.checked ? { error: 'server_error' } : { code: `mock-code-${Date.now()}` }));
  cancel.addEventListener('click', () => back({ error: 'user_cancelled_authorize' }));
  const actions = element('div', undefined, { class: 'actions' });
  actions.append(allow, cancel);
  main.append(failLabel, actions);
}
document.body.append(main);

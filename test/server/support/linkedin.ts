import type { LinkedInConfig } from '../../../server/linkedinConfig';
import { startLinkedInStandIn, type LinkedInStandIn } from '../../../dev/standins/linkedinProvider';

export const LINKEDIN_CLIENT_ID = 'standin-client';
export const LINKEDIN_CLIENT_SECRET = 'standin-secret-value';
export const CALLBACK_URL = 'http://127.0.0.1:1/api/v1/connection/callback';
export const DIALOG_URL = 'https://addins.contoso.com/linkedin/dialog.html';

export async function startStandIn(callbackUrl = CALLBACK_URL): Promise<LinkedInStandIn> {
  return startLinkedInStandIn({
    environment: 'test',
    clientId: LINKEDIN_CLIENT_ID,
    clientSecret: LINKEDIN_CLIENT_SECRET,
    redirectUris: [callbackUrl],
  });
}

export function linkedInConfigFor(standIn: LinkedInStandIn, overrides: Partial<LinkedInConfig> = {}): LinkedInConfig {
  return {
    clientId: LINKEDIN_CLIENT_ID,
    clientSecret: LINKEDIN_CLIENT_SECRET,
    callbackUrl: CALLBACK_URL,
    dialogRedirectUris: [DIALOG_URL],
    endpoints: standIn.endpoints,
    timeoutMs: 5_000,
    ...overrides,
  };
}

/** What a member's browser does on the simulated LinkedIn page: opens it and clicks one of its buttons. */
export async function answerAuthorizePage(authorizeUrl: string, choice: 'allow' | 'cancel' | 'cancelLogin' | 'error'): Promise<URL> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}: ${html}`);
  // The page's form: GET its action with the hidden ticket and the button's name=value, as the browser submits it.
  const action = /<form method="get" action="([^"]+)">/.exec(html)?.[1];
  const ticket = /<input type="hidden" name="ticket" value="([^"]+)">/.exec(html)?.[1];
  if (!action || !ticket || !html.includes(`name="choice" value="${choice}"`)) throw new Error(`no ${choice} button on the authorize page`);
  const target = new URL(action, authorizeUrl);
  target.search = new URLSearchParams({ ticket: ticket.replace(/&amp;/g, '&'), choice }).toString();
  const answer = await fetch(target, { redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`answer was ${answer.status}`);
  return new URL(location);
}

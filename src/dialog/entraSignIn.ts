import { PublicClientApplication } from '@azure/msal-browser';
import { whenDialogPageReady } from '../office/dialogPage';
import { GRAPH_CALENDAR_SCOPE, GRAPH_USER_SCOPE } from '../contract/signIn';
import { runEntraSignIn } from './entraSignInSteps';

declare const __AUTH_CONFIG__: { clientId: string; insightsScope: string };

/**
 * The fallback sign-in page (entra-sign-in.html), opened by the pane in an Office dialog where Outlook has no nested
 * app authentication. MSAL keeps its tokens in this page's memory only; the dialog closes once the pane has them.
 */
function say(text: string): void {
  const element = document.getElementById('status');
  if (element) element.textContent = text;
}

const page = `${window.location.origin}${window.location.pathname}`;
const client = new PublicClientApplication({
  auth: { clientId: __AUTH_CONFIG__.clientId, authority: 'https://login.microsoftonline.com/organizations', redirectUri: page },
  cache: { cacheLocation: 'memoryStorage' },
});

/** At sign-in, User.Read and the service's scope together; the calendar's only when the pane's link asks for it (Today). */
const signIn = [GRAPH_USER_SCOPE, __AUTH_CONFIG__.insightsScope];
const scopes = { signIn, allowed: [...signIn, GRAPH_CALENDAR_SCOPE] };

void whenDialogPageReady((messageParent) =>
  runEntraSignIn(client, window.location.href, scopes, window.sessionStorage, messageParent),
).then(
  (step) => say(step === 'invalid' ? 'This sign-in link is not valid. Close this window and try again from the add-in.' : 'Signing in…'),
  () => say('Signing in failed. Close this window and try again from the add-in.'),
);

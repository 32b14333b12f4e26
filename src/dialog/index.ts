import { messageParentThroughOffice } from '../office/dialogPage';
import { dialogStep } from './signInResult';

/** Sends the answer to the pane: through Office when in Outlook, to the opener window in the workbench. Always to this exact origin. */
function sendToPane(message: string): void {
  const targetOrigin = window.location.origin;
  if (messageParentThroughOffice(message, targetOrigin)) return;
  if (window.opener) {
    (window.opener as Window).postMessage(message, targetOrigin);
  }
}

function say(text: string): void {
  const element = document.getElementById('status');
  if (element) element.textContent = text;
}

const step = dialogStep(window.location);
if (step.kind === 'authorize') {
  say('Opening LinkedIn…');
  window.location.replace(step.url);
} else if (step.kind === 'answer') {
  sendToPane(step.message);
  say('Done. You can close this window.');
} else {
  say('This sign-in link is not valid. Close this window and try again from the add-in.');
}

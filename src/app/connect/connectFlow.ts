import type { RoamingSettings } from '../../office';
import { DialogError, retryOnceWhenStillOpen, type OpenDialog, type SignInDialog } from '../../office/signInDialog';
import { isServiceError, type ServiceErrorKind } from '../../services/errors';
import type { InsightsClient } from '../../services/insightsClient';
import { CONSENT_RECORD_VERSION, saveConsentRecord, type ConsentRecord } from './consentRecord';
import { SignInMessageGate } from './dialogMessage';
import { createPkcePair, createState } from './pkce';

export type ChosenConsent = ConsentRecord['consent'];

/** Why connecting did not happen; in every case nothing was saved and the previous state stands. */
export type ConnectFailure =
  | { reason: 'inProgress' }
  | { reason: 'cancelled' }
  | { reason: 'signInFailed' }
  | { reason: 'timedOut' }
  | { reason: 'dialog'; code: number }
  | { reason: 'service'; kind: ServiceErrorKind }
  | { reason: 'notConfirmed' }
  | { reason: 'saveFailed'; code?: number };

export type ConnectOutcome = { ok: true; record: ConsentRecord } | ({ ok: false } & ConnectFailure);

export const SIGN_IN_TIMEOUT_MS = 5 * 60 * 1000;
/**
 * Waits before each further try of the roaming save. Classic Outlook on the Mac can fail the first Office call after
 * a dialog closes (office-js #3211): the save is tried again (4 tries in all, about 4.75 s at most) before the
 * connection the service just confirmed is revoked. 9057 (settings over 32 KB) is not tried again: it cannot pass.
 */
export const SAVE_RETRY_DELAYS_MS = [250, 1000, 3500] as const;
const SETTINGS_FULL = 9057;

export interface ConnectDependencies {
  dialog: SignInDialog;
  insights: InsightsClient;
  roaming: RoamingSettings;
  /** The pane's page URL: dialog.html beside it is the exact registered redirect. */
  pageUrl: string;
  now?: () => Date;
  timeoutMs?: number;
  /** The pause between roaming-save tries (tests count them instead of waiting). */
  wait?: (ms: number) => Promise<void>;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Saves the record, trying again with backoff while Outlook refuses for a reason that can pass; throws the last refusal. */
async function saveWithRetry(deps: ConnectDependencies, record: ConsentRecord): Promise<void> {
  const wait = deps.wait ?? pause;
  for (let attempt = 0; ; attempt++) {
    try {
      await saveConsentRecord(deps.roaming, record);
      return;
    } catch (error) {
      const delay = SAVE_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || (error as { code?: number }).code === SETTINGS_FULL) throw error;
      await wait(delay);
    }
  }
}

/** The dialog page's URL with what it needs to start the sign-in; it navigates only to its own origin's service. */
export function dialogUrl(pageUrl: string, state: string, challenge: string, consent: ChosenConsent, page = DIALOG_PAGE): string {
  const url = new URL(page, pageUrl);
  url.search = new URLSearchParams({ state, challenge, consent }).toString();
  return url.toString();
}

export function redirectUriFor(pageUrl: string, page = DIALOG_PAGE): string {
  return new URL(page, pageUrl).toString();
}

const DIALOG_PAGE = 'dialog.html';

/**
 * Connects a LinkedIn account: one dialog at a time; a one-time state and a PKCE verifier; the dialog's answer
 * accepted only from the pane's origin with that state, once; the service completes the connection; and only once
 * the service confirmed and the roaming settings saved does the consent count. The save is tried again with backoff;
 * only when it truly failed is the connection revoked again (both sides stay as they were) and the user told.
 */
export class ConnectFlow {
  private running = false;
  /** The dialog, opened again once after 12007 (the previous one was still closing: office-js #6021). */
  private readonly dialog: SignInDialog;

  constructor(private readonly deps: ConnectDependencies) {
    this.dialog = retryOnceWhenStillOpen(deps.dialog, deps.wait);
  }

  get inProgress(): boolean {
    return this.running;
  }

  async connect(consent: ChosenConsent): Promise<ConnectOutcome> {
    if (this.running) return { ok: false, reason: 'inProgress' };
    this.running = true;
    try {
      return await this.run(consent);
    } finally {
      this.running = false;
    }
  }

  private async run(consent: ChosenConsent): Promise<ConnectOutcome> {
    const { deps } = this;
    const state = createState();
    const pkce = await createPkcePair();
    const origin = new URL(deps.pageUrl).origin;
    const gate = new SignInMessageGate(origin, state);

    let dialog: OpenDialog | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answer = new Promise<{ authorizationCode: string } | ConnectFailure>((resolve) => {
      timer = setTimeout(() => resolve({ reason: 'timedOut' }), deps.timeoutMs ?? SIGN_IN_TIMEOUT_MS);
      this.dialog
        .open(dialogUrl(deps.pageUrl, state, pkce.challenge, consent, deps.dialog.page), {
          onMessage(message, messageOrigin) {
            const verdict = gate.check(messageOrigin, message);
            if (!verdict.accepted) return; // Ignored: wrong origin, malformed, wrong or replayed state.
            const { result } = verdict;
            resolve(
              result.outcome === 'code'
                ? { authorizationCode: result.code }
                : { reason: result.error === 'cancelled' ? 'cancelled' : 'signInFailed' },
            );
          },
          onClosed(code) {
            resolve(code === 12006 ? { reason: 'cancelled' } : { reason: 'dialog', code });
          },
        })
        .then(
          (opened) => {
            dialog = opened;
          },
          (error: unknown) => resolve({ reason: 'dialog', code: error instanceof DialogError ? error.code : 0 }),
        );
    });
    const result = await answer;
    clearTimeout(timer);
    dialog?.close();
    if (!('authorizationCode' in result)) return { ok: false, ...result };

    let confirmed;
    try {
      confirmed = await deps.insights.completeConnection({
        code: result.authorizationCode,
        codeVerifier: pkce.verifier,
        state,
        consent,
        redirectUri: redirectUriFor(deps.pageUrl, deps.dialog.page),
      });
    } catch (error) {
      return { ok: false, reason: 'service', kind: isServiceError(error) ? error.kind : 'invalidPayload' };
    }
    if (confirmed.status !== 'connected' || confirmed.consent !== consent) return { ok: false, reason: 'notConfirmed' };

    const record: ConsentRecord = { consent, connectedAt: (deps.now?.() ?? new Date()).toISOString(), version: CONSENT_RECORD_VERSION };
    try {
      await saveWithRetry(deps, record);
    } catch (error) {
      // Saving truly failed: revoke, so the service and the mailbox agree, and the user is told (saveFailed).
      await deps.insights.revokeConnection().catch(() => undefined);
      return { ok: false, reason: 'saveFailed', code: (error as { code?: number }).code };
    }
    return { ok: true, record };
  }
}

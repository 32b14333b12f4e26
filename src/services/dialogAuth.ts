import { DIALOG_STATE, dialogErrorSchema } from '../contract/dialogAnswer';
import * as z from '../contract/zod';
import type { ScopedTokenSource } from './auth';
import { ServiceError } from './errors';

/** The page the fallback sign-in runs in (src/dialog/entraSignIn.ts), beside the pane. */
export const ENTRA_SIGN_IN_PAGE = 'entra-sign-in.html';
/** A token is used until this long before it expires, then a new one is asked for (MSAL's own margin). */
export const TOKEN_RENEWAL_MARGIN_MS = 5 * 60 * 1000;
export const ENTRA_SIGN_IN_TIMEOUT_MS = 5 * 60 * 1000;

/** The Office dialog, as src/office/signInDialog.ts offers it (structural: services/ does not import office/). */
export interface AuthDialog {
  open: (
    url: string,
    handlers: { onMessage: (message: string, origin: string | undefined) => void; onClosed: (code: number) => void },
  ) => Promise<{ close: () => void }>;
}

const tokenSchema = z.strictObject({
  scope: z.string().check(z.minLength(1), z.maxLength(300)),
  accessToken: z.string().check(z.minLength(1), z.maxLength(16_384)),
  /** Milliseconds since the epoch. */
  expiresOn: z.number(),
});
/** What the fallback dialog may tell the pane: only in this shape, only with the state the pane issued, once. */
const answerSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    type: z.literal('entra-sign-in'),
    outcome: z.literal('tokens'),
    state: DIALOG_STATE,
    tokens: z.array(tokenSchema).check(z.minLength(1), z.maxLength(4)),
  }),
  dialogErrorSchema('entra-sign-in'),
]);
export type EntraSignInAnswer = z.output<typeof answerSchema>;
type EntraSignInTokens = Extract<EntraSignInAnswer, { outcome: 'tokens' }>['tokens'];

export interface DialogAuthOptions {
  dialog: AuthDialog;
  /** The pane's page: the sign-in page beside it, and its origin is the only one an answer is accepted from. */
  pageUrl: string;
  /** Every scope the dialog signs in for at once (one dialog, one consent): User.Read and the service's scope. */
  scopes: string[];
  /** Scopes asked for only when first needed, each in a dialog of its own (the calendar's, when Today reads it). */
  laterScopes?: string[];
  now?: () => number;
  timeoutMs?: number;
  createState?: () => string;
}

function randomState(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The sign-in page's answer, when it comes from the add-in's own page and carries this attempt's state; else null. */
function readAnswer(message: string, fromOwnPage: boolean, state: string): z.output<typeof answerSchema> | null {
  if (!fromOwnPage) return null; // Only the add-in's own page may answer.
  let data: unknown;
  try {
    data = JSON.parse(message);
  } catch {
    return null;
  }
  const parsed = answerSchema.safeParse(data);
  return parsed.success && parsed.data.state === state ? parsed.data : null;
}

/** One dialog's sign-in for `scopes`: resolves once the page sent this attempt's tokens, or rejects (unauthorized). */
function signInOnce(
  options: DialogAuthOptions,
  scopes: string[],
  outcome: { onTokens: (tokens: EntraSignInTokens) => void; onDeclined: () => void },
): Promise<void> {
  const origin = new URL(options.pageUrl).origin;
  const state = (options.createState ?? randomState)();
  const url = new URL(ENTRA_SIGN_IN_PAGE, options.pageUrl);
  const later = scopes !== options.scopes;
  url.search = new URLSearchParams(later ? { state, scopes: scopes.join(' ') } : { state }).toString();
  return new Promise<void>((resolve, reject) => {
    let opened: { close: () => void } | undefined;
    let settled = false;
    const finish = (error?: ServiceError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opened?.close();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () => finish(new ServiceError('unauthorized', 'Signing in took too long.')),
      options.timeoutMs ?? ENTRA_SIGN_IN_TIMEOUT_MS,
    );
    options.dialog
      .open(url.toString(), {
        onMessage(message, messageOrigin) {
          const answer = readAnswer(message, messageOrigin === origin, state);
          if (!answer) return;
          if (answer.outcome === 'error') {
            if (answer.error === 'cancelled') outcome.onDeclined();
            finish(new ServiceError('unauthorized', answer.error === 'cancelled' ? 'Sign-in was cancelled.' : 'Signing in failed.'));
            return;
          }
          outcome.onTokens(answer.tokens);
          finish();
        },
        onClosed(code) {
          if (code === 12006) outcome.onDeclined();
          finish(new ServiceError('unauthorized', code === 12006 ? 'Sign-in was cancelled.' : 'The sign-in window failed.'));
        },
      })
      .then(
        (dialog) => {
          opened = dialog;
          if (settled) dialog.close();
        },
        () => finish(new ServiceError('unauthorized', 'The sign-in window could not open.')),
      );
  });
}

/**
 * Microsoft's fallback for Outlook without nested app authentication: MSAL runs in an Office dialog on the add-in's
 * own origin, signs the user in once for every granted scope and sends the access tokens back with messageParent.
 * The same rules as the nested path: tokens live in this page's memory only (never storage, URLs or logs), are
 * reused until 5 minutes before they expire, a refused token (`forceRefresh`) is never handed out again, and every
 * failure is an `unauthorized` ServiceError. One dialog at a time serves every caller; after the user closes it,
 * the pane does not open it again by itself (it would pop up on every lookup) until it is reopened. The calendar's
 * permission (`laterScopes`) is never asked at sign-in: only when Today first needs it, in a dialog of its own.
 */
export function createDialogAuth(options: DialogAuthOptions): ScopedTokenSource {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, { accessToken: string; expiresOn: number }>();
  /** One dialog at a time per set of scopes, and a set the user declined is not asked for again by itself. */
  const signingIn = new Map<string, Promise<void>>();
  const declined = new Set<string>();

  const signIn = (scopes: string[]): Promise<void> =>
    signInOnce(options, scopes, {
      onTokens: (given) => {
        for (const token of given)
          if (scopes.includes(token.scope)) tokens.set(token.scope, { accessToken: token.accessToken, expiresOn: token.expiresOn });
      },
      onDeclined: () => declined.add(scopes.join(' ')),
    });

  const fresh = (scope: string): string | null => {
    const token = tokens.get(scope);
    return token && token.expiresOn - TOKEN_RENEWAL_MARGIN_MS > now() ? token.accessToken : null;
  };

  /** The scopes a dialog signs in for to give a token for `scope`: the sign-in's, or a later one alone. */
  const setFor = (scope: string): string[] | null =>
    options.scopes.includes(scope) ? options.scopes : (options.laterScopes ?? []).includes(scope) ? [scope] : null;

  return async (scopes, request) => {
    const scope = scopes[0] ?? '';
    if (request?.forceRefresh) tokens.delete(scope);
    const cached = fresh(scope);
    if (cached) return cached;
    const set = setFor(scope);
    if (!set) throw new ServiceError('unauthorized', 'The sign-in does not ask for this permission.');
    const key = set.join(' ');
    if (declined.has(key)) throw new ServiceError('unauthorized', 'Sign-in was cancelled. Close and reopen the add-in to sign in.');
    let pending = signingIn.get(key);
    if (!pending) {
      pending = signIn(set).finally(() => signingIn.delete(key));
      signingIn.set(key, pending);
    }
    await pending;
    const token = fresh(scope);
    if (!token) throw new ServiceError('unauthorized', 'Signing in gave no access for this.');
    return token;
  };
}

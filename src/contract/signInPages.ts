import * as z from './zod';

/**
 * The query strings of the sign-in's two navigations, as the service reads them: the dialog page's start (authorize)
 * and LinkedIn's answer (callback). Each is one value or none: a name sent twice is a name not sent. The values are
 * then checked by the service itself, in the order its answers depend on (configured, the rules, the dialog's address
 * and state, then the rest), so a query never fails here; unknown names are dropped.
 */
const one = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((value: unknown) => (typeof value === 'string' ? value : undefined)),
  ),
);

export const authorizeQuerySchema = z.object({
  response_type: one,
  state: one,
  code_challenge: one,
  code_challenge_method: one,
  consent: one,
  redirect_uri: one,
});
export type AuthorizeQuery = z.output<typeof authorizeQuerySchema>;

export const callbackQuerySchema = z.object({ state: one, code: one, error: one });
export type CallbackQuery = z.output<typeof callbackQuerySchema>;

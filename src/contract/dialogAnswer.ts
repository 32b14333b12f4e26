import * as z from './zod';

/**
 * What the two sign-in dialogs (LinkedIn's: src/app/connect/dialogMessage.ts; Microsoft's fallback:
 * src/services/dialogAuth.ts) have in common when they answer the pane: the state the pane issued, echoed back, and
 * the same way of saying the sign-in did not happen.
 */

/** The single-use state the pane issued for this sign-in, as the dialog echoes it back. */
export const DIALOG_STATE = z.string().check(z.minLength(20), z.maxLength(200));

/** "Cancelled" (the user closed or refused it) or "failed", from the dialog whose messages are typed `type`. */
export function dialogErrorSchema<Type extends string>(type: Type) {
  return z.strictObject({
    type: z.literal(type),
    outcome: z.literal('error'),
    state: DIALOG_STATE,
    error: z.enum(['cancelled', 'failed']),
  });
}

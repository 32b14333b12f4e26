import { DIALOG_STATE, dialogErrorSchema } from '../../contract/dialogAnswer';
import * as z from '../../contract/zod';

/**
 * What the sign-in dialog may say to the pane. Accepted only from the pane's exact origin (no origin = rejected),
 * only in this shape, and only with the state the pane issued, once.
 */
const resultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    type: z.literal('linkedin-sign-in'),
    outcome: z.literal('code'),
    state: DIALOG_STATE,
    code: z.string().check(z.minLength(1), z.maxLength(2048)),
  }),
  dialogErrorSchema('linkedin-sign-in'),
]);
export type SignInResult = z.output<typeof resultSchema>;

export type MessageVerdict =
  { accepted: true; result: SignInResult } | { accepted: false; why: 'wrongOrigin' | 'malformed' | 'wrongState' | 'replayed' };

/** Checks one message from the dialog against the pane's origin and the single-use state it is waiting for. */
export class SignInMessageGate {
  private used = false;

  constructor(
    private readonly expectedOrigin: string,
    private readonly state: string,
  ) {}

  check(origin: string | undefined, message: string): MessageVerdict {
    if (!origin || origin !== this.expectedOrigin) return { accepted: false, why: 'wrongOrigin' };
    let data: unknown;
    try {
      data = JSON.parse(message);
    } catch {
      return { accepted: false, why: 'malformed' };
    }
    const parsed = resultSchema.safeParse(data);
    if (!parsed.success) return { accepted: false, why: 'malformed' };
    if (parsed.data.state !== this.state) return { accepted: false, why: 'wrongState' };
    if (this.used) return { accepted: false, why: 'replayed' };
    this.used = true;
    return { accepted: true, result: parsed.data };
  }
}

import * as z from './zod';
import { EMAIL_ADDRESS, MAX_ADDRESS_LENGTH } from './address';
import { MAX_LOOKUP_BATCH } from './insights';
import { GIVEN_CONSENTS, PLATFORMS } from '../policy';
import { PKCE_VERIFIER, SIGN_IN_CODE, SIGN_IN_STATE } from './signIn';

/**
 * The insights service's request bodies (docs/insights-service.md): the pane builds them, the service parses them.
 * An address is what SMTP carries as a mailbox (address.ts: ASCII only, no control or bidi character), at most 254
 * characters; it is matched case-insensitively.
 */
const emailAddress = z.string().check(z.maxLength(MAX_ADDRESS_LENGTH), z.regex(EMAIL_ADDRESS, 'must be an e-mail address'));
const addressList = z.array(emailAddress).check(z.minLength(1), z.maxLength(MAX_LOOKUP_BATCH));

/**
 * The device the pane runs on, which the service cannot see: Outlook's platform (the Office policies apply on the
 * desktop only) and the user's "Show LinkedIn features" option. The service decides with it as the pane does; without
 * it, as for Outlook on the web with the option on. Stated by the client, it can only ever narrow what it is given.
 */
export const deviceSchema = z.strictObject({ platform: z.enum(PLATFORMS), showLinkedInFeatures: z.boolean() });
export type DeviceStatement = z.output<typeof deviceSchema>;
const device = z.optional(deviceSchema);

/**
 * Why the pane asks about a person: for the card of someone on the selected item (`card`, the default when none is
 * said), or for Today (`today`: someone on the user's calendar today, which tells LinkedIn whom the user meets — the
 * service answers it only with consent to share both ways, decision.today). Stated by the client like the device, it
 * can only ever narrow what it is given.
 */
export const LOOKUP_PURPOSES = ['card', 'today'] as const;
export type LookupPurpose = (typeof LOOKUP_PURPOSES)[number];
const purpose = z.optional(z.enum(LOOKUP_PURPOSES));

export const lookupRequestSchema = z.strictObject({ emails: addressList, device, purpose });
export type LookupRequest = z.output<typeof lookupRequestSchema>;

export const insightsRequestSchema = z.strictObject({ email: emailAddress, device, purpose });
export type InsightsRequest = z.output<typeof insightsRequestSchema>;

export const suggestionsRequestSchema = z.strictObject({ emails: addressList, device });
export type SuggestionsRequest = z.output<typeof suggestionsRequestSchema>;

/** Completing the LinkedIn sign-in: the service's one-time code with the PKCE verifier and what the dialog started with. */
export const completeConnectionRequestSchema = z.strictObject({
  code: z.string().check(z.regex(SIGN_IN_CODE, 'must be the code the sign-in gave')),
  codeVerifier: z.string().check(z.regex(PKCE_VERIFIER, 'must be a PKCE verifier (43 to 128 characters)')),
  state: z.string().check(z.regex(SIGN_IN_STATE, 'must be the state the sign-in started with')),
  consent: z.enum(GIVEN_CONSENTS),
  redirectUri: z.string().check(z.maxLength(2048)),
  device,
});
export type CompleteConnectionRequest = z.output<typeof completeConnectionRequestSchema>;

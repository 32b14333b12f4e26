import * as z from './zod';
import { REASON_CODES, type ReasonCode } from '../policy';

/**
 * The insights service's error answers (docs/insights-service.md § Errors): every one is this envelope, whatever the
 * status. The service builds them from these types (server/http/errors.ts), the pane parses them with this schema.
 */

/**
 * Why the service refused although the rules engine gave no reason of its own: the admin's policy file, which the
 * service follows as it changes, cannot be trusted right now (fail closed, as the pane does).
 */
export const POLICY_FILE_REFUSALS = ['policy-file-invalid', 'policy-file-unreadable'] as const;
export type PolicyFileRefusal = (typeof POLICY_FILE_REFUSALS)[number];

/** A refusal's reason: a rule of the engine (its code, as the pane's own decisions name it) or the policy file. */
export type RefusalReason = ReasonCode | PolicyFileRefusal;
export const REFUSAL_REASONS: readonly RefusalReason[] = [...REASON_CODES, ...POLICY_FILE_REFUSALS];

/**
 * Every `error` code the service answers with. The add-in's own service is named apart from LinkedIn: only the
 * `linkedIn…` codes are LinkedIn's failures; every other 5xx, 429 or timeout is the service's.
 */
export const SERVICE_ERROR_CODES = [
  // the request
  'badRequest',
  'badJson',
  'payloadTooLarge',
  'unsupportedContentType',
  'notFound',
  // who asks
  'invalidToken',
  // the rules (with `reason`)
  'refused',
  'consentRequired',
  // the connection and the person
  'notConnected',
  'noMatch',
  'memberHidden',
  'invalidGrant',
  'signInUnavailable',
  // the service itself
  'throttled',
  'unavailable',
  'server',
  // LinkedIn, behind the service
  'linkedInUnavailable',
] as const;
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

/** The envelope as the service sends it. */
export interface ErrorEnvelope {
  error: ServiceErrorCode;
  /** One plain sentence for a developer or an admin reading the answer (the pane says its own, translated). */
  message: string;
  /** For a refusal by the rules (403), and for notConnected / consentRequired / memberHidden: the rule that decided. */
  reason?: RefusalReason;
  /** Seconds to wait before trying again (429 and 503), as the Retry-After header says too. */
  retryAfter?: number;
}

/**
 * The envelope as the pane reads it: tolerant of what a later service may add (an unknown code or reason is kept as
 * "unknown", never trusted as a known one), bounded.
 */
export const errorEnvelopeSchema = z.object({
  error: z.string().check(z.maxLength(64)),
  message: z.optional(z.string().check(z.maxLength(1000))),
  reason: z.catch(z.optional(z.enum(REFUSAL_REASONS)), undefined),
  retryAfter: z.catch(z.optional(z.int().check(z.minimum(0), z.maximum(86_400))), undefined),
});
export type ParsedErrorEnvelope = z.output<typeof errorEnvelopeSchema>;

/** Whether an error code is LinkedIn's failure behind the service (not the service's own). */
export function isLinkedInFailure(code: string | undefined): boolean {
  return code === 'linkedInUnavailable';
}

import { isLinkedInFailure, type RefusalReason } from '../contract/errors';

/**
 * Every way a network call can fail, as the UI distinguishes them. The add-in talks to its own service: a timeout, a
 * limit, a fault or a strange answer is the service's; only `linkedInUnavailable` is LinkedIn's (the service says so).
 */
export type ServiceErrorKind =
  'offline' | 'timeout' | 'unauthorized' | 'forbidden' | 'notFound' | 'throttled' | 'server' | 'invalidPayload' | 'linkedInUnavailable';

export class ServiceError extends Error {
  readonly kind: ServiceErrorKind;
  /** HTTP status when the server answered. */
  readonly status?: number;
  /** Seconds to wait before retrying, when a 429/503 said so in a readable Retry-After. */
  readonly retryAfterSeconds?: number;
  /** For invalidPayload: the path of the first field at fault, e.g. "officePolicy.showLinkedInFeatures". */
  readonly field?: string;
  /** For a refusal (403): the rule that refused, as the service named it; the pane says it in the user's language. */
  readonly reason?: RefusalReason;
  /** The service's own error code (its envelope's `error`), when it sent one. */
  readonly code?: string;

  constructor(
    kind: ServiceErrorKind,
    message: string,
    details: { status?: number; retryAfterSeconds?: number; field?: string; reason?: RefusalReason; code?: string } = {},
  ) {
    super(message);
    this.name = 'ServiceError';
    this.kind = kind;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.field = details.field;
    this.reason = details.reason;
    this.code = details.code;
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}

/**
 * A 401 from the insights service means one of two things, and the pane must not confuse them: the service refused
 * the add-in's own Microsoft Entra token (`invalidToken`: signing in to the service failed — reconnecting LinkedIn
 * cannot help), or the user's LinkedIn connection is gone (`notConnected`: "Reconnect LinkedIn"). Only the second is
 * the connection's; a 401 that names neither (a gateway's) is not taken as the connection's either.
 */
export function refusesConnection(error: unknown): boolean {
  return isServiceError(error) && error.status === 401 && error.code === 'notConnected';
}

/** The service refused the add-in's token (expired, or signed for another audience): one fresh token may fix it. */
export function tokenRefused(error: unknown): boolean {
  return isServiceError(error) && error.status === 401 && error.code === 'invalidToken';
}

/** Maps an HTTP status that is not 2xx (and the service's error code, when it sent one) to the error kind the user sees. */
export function errorKindForStatus(status: number, code?: string): ServiceErrorKind {
  if (isLinkedInFailure(code)) return 'linkedInUnavailable';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 429) return 'throttled';
  return 'server';
}

/** Retry-After is either delta-seconds or an HTTP date; anything else is unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

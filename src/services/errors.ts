/** Every way a network call can fail, as the UI distinguishes them. */
export type ServiceErrorKind =
  'offline' | 'timeout' | 'unauthorized' | 'forbidden' | 'notFound' | 'throttled' | 'server' | 'invalidPayload';

export class ServiceError extends Error {
  readonly kind: ServiceErrorKind;
  /** HTTP status when the server answered. */
  readonly status?: number;
  /** Seconds to wait before retrying, when a 429/503 said so in a readable Retry-After. */
  readonly retryAfterSeconds?: number;
  /** For invalidPayload: the path of the first field at fault, e.g. "officePolicy.showLinkedInFeatures". */
  readonly field?: string;

  constructor(kind: ServiceErrorKind, message: string, details: { status?: number; retryAfterSeconds?: number; field?: string } = {}) {
    super(message);
    this.name = 'ServiceError';
    this.kind = kind;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.field = details.field;
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}

/** Maps an HTTP status that is not 2xx to the error kind the user sees. */
export function errorKindForStatus(status: number): ServiceErrorKind {
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

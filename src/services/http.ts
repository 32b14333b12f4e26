import { ServiceError, errorKindForStatus, isServiceError, parseRetryAfter } from './errors';
import { MAX_RESPONSE_CHARS, send, type Answer } from './send';
import { formatIssuePath } from '../contract/issuePath';
import { errorEnvelopeSchema, type ParsedErrorEnvelope } from '../contract/errors';

/** A schema as this module needs it: zod's safeParse shape, without tying callers to zod. */
export interface PayloadSchema<T> {
  safeParse: (
    data: unknown,
  ) =>
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

export interface JsonRequest<T> {
  url: string;
  method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as JSON. Personal data (e-mail addresses) belongs here, never in the URL. */
  body?: unknown;
  bearerToken?: string;
  schema: PayloadSchema<T>;
  /** Aborts after this long; 8 s unless told. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The clock a Retry-After HTTP date is read against (tests inject one). */
  now?: () => number;
  /** This very request, already sent (the policy file's, from the pane's first script): read its answer instead. */
  sent?: Promise<Answer>;
}

export const DEFAULT_TIMEOUT_MS = 8000;
export { MAX_RESPONSE_CHARS };

/**
 * The one place the add-in calls fetch. Returns the parsed payload or throws a ServiceError whose kind
 * says what the user should be told. A 404 is an error here; callers that treat "missing" as a state catch it.
 */
export async function requestJson<T>(request: JsonRequest<T>): Promise<T> {
  const controller = new AbortController();
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort();
  request.signal?.addEventListener('abort', onOuterAbort);

  let response: Answer;
  try {
    response = await (request.sent ? untilAborted(request.sent, controller.signal) : send({ ...request, signal: controller.signal }));
  } catch (cause) {
    if (timedOut) throw new ServiceError('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s.`);
    if (request.signal?.aborted) throw cause;
    // A request sent elsewhere that could not be sent (its token was refused): that error, as sending here would give.
    if (request.sent && isServiceError(cause)) throw cause;
    throw new ServiceError('offline', 'The network could not be reached.');
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onOuterAbort);
  }

  if (!response.ok) {
    const envelope = await readErrorEnvelope(response);
    const kind = errorKindForStatus(response.status, envelope?.error);
    const retryAfterSeconds =
      response.status === 429 || response.status === 503
        ? (parseRetryAfter(response.headers.get('Retry-After'), request.now?.() ?? Date.now()) ?? envelope?.retryAfter)
        : undefined;
    throw new ServiceError(kind, `The server answered ${response.status}.`, {
      status: response.status,
      retryAfterSeconds,
      ...(envelope?.reason ? { reason: envelope.reason } : {}),
      ...(envelope ? { code: envelope.error } : {}),
    });
  }

  let data: unknown;
  try {
    // No answer the add-in expects comes near the limit; a bigger one is refused unparsed (it could freeze the pane).
    const declared = Number(response.headers.get('Content-Length') ?? 0);
    const text = declared > MAX_RESPONSE_CHARS ? '' : await response.text();
    if (declared > MAX_RESPONSE_CHARS || text.length > MAX_RESPONSE_CHARS) {
      throw new ServiceError('invalidPayload', 'The answer was too large.', { status: response.status });
    }
    data = JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw new ServiceError('invalidPayload', 'The answer was not valid JSON.', { status: response.status });
  }
  const parsed = request.schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first ? formatIssuePath(first.path) : undefined;
    throw new ServiceError('invalidPayload', first ? `${field}: ${first.message}` : 'The answer had an unexpected shape.', {
      status: response.status,
      field,
    });
  }
  return parsed.data;
}

/** The largest error answer read: an envelope is a few hundred bytes. */
const MAX_ERROR_CHARS = 16 * 1024;

/**
 * The service's error envelope (src/contract/errors.ts), when the answer is one: its code, the rule that refused and
 * when to try again. Anything else (no body, not JSON, too big, not the shape) is no envelope: the status alone speaks.
 */
async function readErrorEnvelope(response: Answer): Promise<ParsedErrorEnvelope | undefined> {
  if (!/json/i.test(response.headers.get('Content-Type') ?? '')) return undefined;
  if (Number(response.headers.get('Content-Length') ?? 0) > MAX_ERROR_CHARS) return undefined;
  try {
    const text = await response.text();
    if (text.length > MAX_ERROR_CHARS) return undefined;
    const parsed = errorEnvelopeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A request sent elsewhere, waited for until `signal` aborts (a timeout, or the caller giving up). */
function untilAborted(sent: Promise<Answer>, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    sent.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

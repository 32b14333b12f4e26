import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorEnvelope, RefusalReason, ServiceErrorCode } from '../../src/contract/errors';

/** An error answer the service means to give: a status and the contract's envelope (src/contract/errors.ts). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ServiceErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Pick<ErrorEnvelope, 'reason'> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A refusal by the rules: 403 with the reason that decided, which the pane says in the user's language. */
export function refusedBy(reason: RefusalReason): HttpError {
  return new HttpError(403, 'refused', 'The rules refuse this call.', {}, { reason });
}

/** Sends an error answer: the envelope, with `retryAfter` whenever a Retry-After header goes with it. */
export function sendError(
  reply: FastifyReply,
  status: number,
  envelope: ErrorEnvelope,
  headers: Record<string, string> = {},
): FastifyReply {
  const retryAfter = Number(headers['Retry-After'] ?? headers['retry-after'] ?? reply.getHeader('retry-after'));
  const body: ErrorEnvelope = Number.isInteger(retryAfter) ? { ...envelope, retryAfter } : envelope;
  return reply.code(status).headers(headers).send(body);
}

/** The database (or another store the service needs) did not answer: 503 with Retry-After, and the caller may retry. */
export class UnavailableError extends HttpError {
  constructor(message = 'The service cannot reach its database right now. Try again shortly.') {
    super(503, 'unavailable', message, { 'Retry-After': '5' });
  }
}

const CLIENT_ERRORS: Record<string, [number, ServiceErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payloadTooLarge', 'The request body is over 64 KB.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [400, 'unsupportedContentType', 'Send application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'badRequest', 'The Content-Length does not match the body.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'badRequest', 'The JSON body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'badJson', 'The body is not valid JSON.'],
};

/** Database failures: a refused or lost connection, a timeout, or PostgreSQL shutting down. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Not `instanceof Error`: errors made by Node's own sockets may come from another realm (e.g. under a test runner).
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/.test(code) || /^(08|57P)/.test(code)))
    return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|not queryable/i.test(
    typeof message === 'string' ? message : '',
  );
}

/** One place turns every thrown thing into an answer: client faults are 4xx with JSON, never a 500. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof HttpError) {
    void sendError(reply, error.statusCode, { error: error.code, message: error.message, ...error.extra }, error.headers);
    return;
  }
  const fastifyCode = (error as FastifyError).code;
  const known = fastifyCode ? CLIENT_ERRORS[fastifyCode] : undefined;
  if (known) {
    void sendError(reply, known[0], { error: known[1], message: known[2] });
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status === 429) {
    // The rate limit's own answer (server/app.ts) says whose limit it is and when to try again.
    const message = typeof error.message === 'string' && error.message ? error.message : 'Too many requests. Try again later.';
    void sendError(reply, 429, { error: 'throttled', message });
    return;
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    void sendError(reply, status, { error: 'badRequest', message: 'The request is not valid.' });
    return;
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    void sendError(
      reply,
      503,
      { error: 'unavailable', message: 'The service cannot reach its database right now.' },
      { 'Retry-After': '5' },
    );
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  void sendError(reply, 500, { error: 'server', message: 'The service had a problem.' });
}

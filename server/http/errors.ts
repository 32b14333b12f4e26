import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** An error answer the service means to give: status + `{ error, message }`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The database (or another store the service needs) did not answer: 503 with Retry-After, and the caller may retry. */
export class UnavailableError extends HttpError {
  constructor(message = 'The service cannot reach its database right now. Try again shortly.') {
    super(503, 'unavailable', message, { 'Retry-After': '5' });
  }
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payloadTooLarge', 'The request body is over 64 KB.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [400, 'unsupportedContentType', 'Send application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'badRequest', 'The Content-Length does not match the body.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'badRequest', 'The JSON body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'badJson', 'The body is not valid JSON.'],
};

/** Database failures: a refused or lost connection, a timeout, or PostgreSQL shutting down. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/.test(code) || /^(08|57P)/.test(code)))
    return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|not queryable/i.test(
    error.message,
  );
}

/** One place turns every thrown thing into an answer: client faults are 4xx with JSON, never a 500. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof HttpError) {
    void reply
      .code(error.statusCode)
      .headers(error.headers)
      .send({ error: error.code, message: error.message, ...error.extra });
    return;
  }
  const fastifyCode = (error as FastifyError).code;
  const known = fastifyCode ? CLIENT_ERRORS[fastifyCode] : undefined;
  if (known) {
    void reply.code(known[0]).send({ error: known[1], message: known[2] });
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status === 429) {
    void reply.code(429).send({ error: 'throttled', message: 'Too many requests. Try again later.' });
    return;
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    void reply.code(status).send({ error: 'badRequest', message: 'The request is not valid.' });
    return;
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    void reply
      .code(503)
      .header('Retry-After', '5')
      .send({ error: 'unavailable', message: 'The service cannot reach its database right now.' });
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  void reply.code(500).send({ error: 'server', message: 'The service had a problem.' });
}

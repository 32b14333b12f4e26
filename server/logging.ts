import type { FastifyServerOptions } from 'fastify';
import { scrubText, scrubUrl } from './logScrub';

export { scrubText, scrubUrl } from './logScrub';

/** Every string in a logged value scrubbed (scrubText), plain objects and arrays followed 6 levels deep. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrubText(value.message), stack: value.stack && scrubText(value.stack) };
  // Only plain data is rewritten; a request or reply object is left to its serializer (which keeps no headers).
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.authorization',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.id_token',
  '*.code',
  '*.codeVerifier',
  '*.email',
  '*.emails',
];

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/**
 * The service's pino options. Requests are logged without headers, their URL scrubbed (logScrub.ts: path segments and
 * query parameters holding an address, a token or a code replaced, query values redacted), a few well-known secret
 * paths are redacted, and every logged string is scrubbed of anything shaped like an e-mail address, a JWT or a bearer
 * credential, so a careless log line cannot leak personal data or a token.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // The serializer scrubs the URL itself: the scrubbing of logged values below never sees a request object's fields.
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        url: typeof req.url === 'string' ? scrubUrl(req.url) : undefined,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: Error & { code?: unknown }) => ({
        type: err.name,
        code: err.code,
        message: scrubText(String(err.message)),
        stack: typeof err.stack === 'string' ? scrubText(err.stack) : undefined,
      }),
    },
    formatters: { log: (object: Record<string, unknown>) => scrub(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => scrub(arg)) as Parameters<typeof method>);
      },
    },
    ...(stream ? { stream } : {}),
  } as LoggerOptions;
}

import type { FastifyServerOptions } from 'fastify';

/**
 * The service's pino options. Requests are logged without headers or query strings, a few well-known secret paths
 * are redacted, and every logged string is scrubbed of anything shaped like an e-mail address, a JWT or a bearer
 * credential, so a careless log line cannot leak personal data or a token.
 */
const EMAIL = /[^\s@"'<>,;:()[\]]+@[^\s@"'<>,;:()[\]]+\.[A-Za-z0-9-]+/g;
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

export function scrubText(value: string): string {
  return value.replace(BEARER, '$1 [redacted]').replace(JWT, '[token]').replace(EMAIL, '[email]');
}

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

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        // Query strings can carry OAuth codes and state: only the path is logged.
        url: typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
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

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type * as z from '../../src/contract/zod';
import { HttpError } from './errors';

/** Parses a request body with a contract schema; anything else is a 400 naming the first problem (never echoing values). */
export function parseBody<S extends z.ZodMiniType>(schema: S, request: FastifyRequest): z.output<S> {
  const parsed = schema.safeParse(request.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new HttpError(400, 'badRequest', `${where}: ${issue?.message ?? 'not valid'}`.slice(0, 200));
}

/**
 * JSON only: a text/plain (or any other) body is refused with 400 before a route sees it. JSON with an empty body (a
 * DELETE sent with Content-Type: application/json) is no body, not an error; a POST without a body is then refused by
 * its schema. Not JSON at all: 400 badJson.
 */
export function jsonBodiesOnly(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new HttpError(400, 'badJson', 'The body is not valid JSON.'), undefined);
    }
  });
}

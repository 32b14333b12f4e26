import type { FastifyRequest } from 'fastify';
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

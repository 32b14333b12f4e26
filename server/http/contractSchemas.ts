import type { FastifyInstance, FastifyPluginAsync, FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify';
import fp from 'fastify-plugin';
import * as z from '../../src/contract/zod';
import { HttpError } from './errors';

/**
 * The routes' schemas are the contract's own zod schemas (src/contract), through Fastify's type provider: a route
 * declares `schema: { body, querystring, response }` and its handler gets the parsed body and query, typed, and must
 * return what the response schema takes in (its wire side). Our own small adapter rather than
 * fastify-type-provider-zod (README, Layout): that package does read zod/mini, but answers refusals in its own shape
 * (this service's envelope says `{ error: 'badRequest', message: '<where>: <first problem>' }`, test/server/errorAnswers
 * holds it byte for byte), serializes by parsing each answer again, and asks for @fastify/swagger and openapi-types.
 */
type ContractSchema = z.core.$ZodType;

/** A route module's view of the service: `app.withTypeProvider<ContractTypeProvider>()`. */
export interface ContractTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends ContractSchema ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends ContractSchema ? z.input<this['schema']> : unknown;
}

/**
 * Fastify hands a validator `null` for a request without a body, as for a body of `null`; the service has always
 * told the two apart ("received undefined"), so a missing body reaches the validator as this mark.
 */
const NO_BODY = Object.freeze({});

/** A request part the contract refuses: 400 naming the first problem and where it is (never a value sent). */
const validatorCompiler: FastifySchemaCompiler<ContractSchema> =
  ({ schema, httpPart }) =>
  (data: unknown) => {
    const parsed = z.safeParse(schema, data === NO_BODY ? undefined : data);
    if (parsed.success) return { value: parsed.data };
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : httpPart === 'querystring' ? 'query' : 'body';
    return { error: new HttpError(400, 'badRequest', `${where}: ${issue?.message ?? 'not valid'}`.slice(0, 200)) };
  };

/**
 * Answers are typed from their schemas (a drift fails the type check) and written as they are: JSON.stringify, no
 * second parse on the way out. A route with a faster writer of its own sets it (the lookup: http/lookupJson.ts).
 */
const serializerCompiler: FastifySerializerCompiler<ContractSchema> = () => (data: unknown) => JSON.stringify(data);

/**
 * JSON only: a text/plain (or any other) body is refused with 400 before a route sees it. JSON with an empty body (a
 * DELETE sent with Content-Type: application/json) is no body, not an error; a POST without a body is then refused by
 * its schema. Not JSON at all: 400 badJson.
 */
function jsonBodiesOnly(app: FastifyInstance): void {
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

/** Bodies, queries and answers by the contract, for every route of the service. */
export const contractSchemas: FastifyPluginAsync = fp(
  async (app) => {
    jsonBodiesOnly(app);
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    // A callback hook: nothing here waits (an async one costs every request a promise and a turn).
    app.addHook('preValidation', (request, _reply, done) => {
      if (request.body === undefined && request.routeOptions.schema?.body !== undefined) request.body = NO_BODY;
      done();
    });
  },
  { name: 'contract-schemas' },
);

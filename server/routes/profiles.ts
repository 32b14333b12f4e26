import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  insightsResponseSchema,
  lookupResponseSchema,
  suggestionsResponseSchema,
  type InsightsResponseWire,
  type LookupResponseWire,
  type SuggestionsResponseWire,
} from '../../src/contract/insights';
import {
  insightsRequestSchema,
  lookupRequestSchema,
  suggestionsRequestSchema,
  type DeviceStatement,
  type InsightsRequest,
  type LookupPurpose,
  type LookupRequest,
  type SuggestionsRequest,
} from '../../src/contract/requests';
import type { Consent, ViewerInput } from '../../src/policy';
import { userOf } from '../auth/authenticate';
import type { ContractTypeProvider } from '../http/contractSchemas';
import { JSON_CONTENT_TYPE, lookupJson } from '../http/lookupJson';
import { HttpError, refusedBy } from '../http/errors';
import { decisionFor, deviceOf } from '../rules/serviceRules';
import type { SourceViewer } from '../sources/types';
import { isExpired } from '../store/expiry';

/**
 * Lookup, insights and suggestions. Each checks the rules first, with what the service knows, and answers a refusal
 * before the source is asked anything: 403 `refused` with the rule's reason (the policy file's, when it cannot be
 * trusted); the documented answers (401 notConnected, 403 consentRequired, 404 memberHidden) carry the reason too.
 * Bodies and answers are the contract's schemas (src/contract), so a drift from the contract fails the type check.
 */

interface Admitted {
  source: SourceViewer;
  consent: Consent;
  viewer: ViewerInput;
}

/** The viewer, once the rules let them see anything: refused (403 + reason) otherwise. */
async function admit(app: FastifyInstance, request: FastifyRequest, device: DeviceStatement | undefined): Promise<Admitted> {
  const user = userOf(request);
  const connection = await app.callerConnection(request);
  // LinkedIn's token lapsed (60 days): nothing connected until the user reconnects (GET connection says expired).
  const consent: Consent = connection && !isExpired(connection) ? connection.consent : 'none';
  const verdict = app.rules.viewer(user, deviceOf(device), consent);
  if (verdict.refusal) throw refusedBy(verdict.refusal);
  const decision = decisionFor(verdict.viewer, 'unknown');
  if (decision.level === 'none') throw refusedBy(decision.reasons[0]?.code ?? 'tenant-mode-unknown');
  return { source: { user, connection }, consent, viewer: verdict.viewer };
}

async function lookup(app: FastifyInstance, request: FastifyRequest, body: LookupRequest): Promise<LookupResponseWire> {
  const { emails, device, purpose } = body;
  const { source, viewer } = await admit(app, request, device);
  refuseUnlessAllowed(viewer, purpose);
  const results = await app.profileSource.lookup(
    emails.map((email) => email.toLowerCase()),
    source,
  );
  return {
    apiVersion: '1',
    results: emails.map((email, index) => {
      const result = results[index] ?? { status: 'unavailable' as const };
      return result.status === 'match' ? { email, status: 'match', profile: result.profile } : { email, status: result.status };
    }),
  };
}

async function insights(app: FastifyInstance, request: FastifyRequest, body: InsightsRequest): Promise<InsightsResponseWire> {
  const { email, device, purpose } = body;
  const { source, consent, viewer } = await admit(app, request, device);
  refuseUnlessAllowed(viewer, purpose);
  if (consent === 'none')
    throw new HttpError(401, 'notConnected', 'Connect LinkedIn to see connected insights.', {}, { reason: 'not-connected' });
  const address = email.toLowerCase();
  const visibility = await app.profileSource.memberVisibility(address, source);
  if (visibility === 'noMatch') throw new HttpError(404, 'noMatch', 'No LinkedIn member is known for this address.');
  if (visibility === 'unavailable') return unavailableInsights(email);
  const decision = decisionFor(viewer, visibility);
  if (decision.reasons.some((r) => r.code === 'member-hidden'))
    throw new HttpError(404, 'memberHidden', 'This member does not show their profile in Microsoft apps.', {}, { reason: 'member-hidden' });
  if (decision.level !== 'connected') throw refusedBy(decision.reasons[0]?.code ?? 'not-connected');
  const found = await app.profileSource.insights(address, source);
  if (found === 'unavailable') return unavailableInsights(email);
  return { apiVersion: '1', email, ...found };
}

async function suggestions(app: FastifyInstance, request: FastifyRequest, body: SuggestionsRequest): Promise<SuggestionsResponseWire> {
  const { emails, device } = body;
  const { source, viewer } = await admit(app, request, device);
  // While LinkedIn's token has lapsed, connected calls answer notConnected (the pane offers Reconnect).
  if (source.connection && isExpired(source.connection))
    throw new HttpError(
      401,
      'notConnected',
      'The LinkedIn connection has expired: reconnect to see suggestions.',
      {},
      { reason: 'not-connected' },
    );
  const decision = decisionFor(viewer, 'unknown');
  if (!decision.outboundSharing) {
    const reason = decision.reasons.find((r) => r.code === 'not-connected' || r.code === 'inbound-only')?.code ?? 'not-connected';
    throw new HttpError(403, 'consentRequired', 'Suggestions need a connection made with both-ways consent.', {}, { reason });
  }
  const found = await app.profileSource.suggestions(
    emails.map((email) => email.toLowerCase()),
    source,
  );
  if (found === 'unavailable') return { apiVersion: '1', status: 'unavailable' };
  return { apiVersion: '1', suggestions: found };
}

/**
 * Each route starts reading the caller's connection as soon as the scope's token check has passed (its own onRequest
 * hook runs after the scope's), so on PostgreSQL the read goes out beside the rate limits' counts, not after them.
 */
export async function profileRoutes(service: FastifyInstance): Promise<void> {
  const app = service.withTypeProvider<ContractTypeProvider>();
  const onRequest = app.readCallerConnectionAhead;
  // The lookup's answer is sent as the bytes lookupJson writes (http/lookupJson.ts: each frozen profile's JSON written
  // and encoded once, byte for byte what JSON.stringify writes), never parsed again on the way out: the bench's hot
  // path. It is held to the contract by lookup()'s type (the response schema's wire side) and by the tests that parse
  // it with the contract's schema.
  app.post(
    '/profiles/lookup',
    { onRequest, schema: { body: lookupRequestSchema, response: { 200: lookupResponseSchema } } },
    async (request, reply) => sendBytes(reply, lookupJson(await lookup(app, request, request.body))),
  );
  app.post(
    '/profiles/insights',
    { onRequest, schema: { body: insightsRequestSchema, response: { 200: insightsResponseSchema } } },
    (request) => insights(app, request, request.body),
  );
  app.post(
    '/suggestions',
    { onRequest, schema: { body: suggestionsRequestSchema, response: { 200: suggestionsResponseSchema } } },
    (request) => suggestions(app, request, request.body),
  );
}

/** JSON already written as bytes: the typed reply takes the schema's objects, so the bytes go through the plain one. */
const sendBytes = (reply: FastifyReply, json: Buffer): FastifyReply => reply.type(JSON_CONTENT_TYPE).send(json);

/**
 * A person asked about for Today (someone on the user's calendar): asking tells LinkedIn whom the user meets, so the
 * rules' Today capability must allow it (both-ways consent where connected insights are allowed), or 403
 * consentRequired with Today's reason — before the source is asked anything. Nothing of the request is kept or logged.
 */
function refuseUnlessAllowed(viewer: ViewerInput, purpose: LookupPurpose | undefined): void {
  if (purpose !== 'today') return;
  const { today } = decisionFor(viewer, 'unknown');
  if (today.allowed) return;
  throw new HttpError(
    403,
    'consentRequired',
    'Today needs a LinkedIn connection made with consent to share both ways.',
    {},
    {
      reason: today.reasons[0]?.code ?? 'today-not-connected',
    },
  );
}

/** The source cannot answer this from here (e.g. LinkedIn without a partner source): said so, nothing invented. */
function unavailableInsights(email: string): InsightsResponseWire {
  return { apiVersion: '1', email, status: 'unavailable' };
}

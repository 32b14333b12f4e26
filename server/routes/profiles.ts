import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { InsightsResponseWire, LookupResponseWire, SuggestionsResponseWire } from '../../src/contract/insights';
import {
  insightsRequestSchema,
  lookupRequestSchema,
  suggestionsRequestSchema,
  type DeviceStatement,
  type LookupPurpose,
} from '../../src/contract/requests';
import type { Consent, ViewerInput } from '../../src/policy';
import { userOf } from '../auth/authenticate';
import type { ServiceContext } from './context';
import { isExpired } from '../linkedin/expiry';
import { parseBody } from '../http/body';
import { lookupJson } from '../http/lookupJson';
import { HttpError, refusedBy } from '../http/errors';
import { decisionFor, deviceOf } from '../rules/serviceRules';
import type { SourceViewer } from '../sources/types';

/**
 * Lookup, insights and suggestions. Each checks the rules first, with what the service knows, and answers a refusal
 * before the source is asked anything: 403 `refused` with the rule's reason (the policy file's, when it cannot be
 * trusted); the documented answers (401 notConnected, 403 consentRequired, 404 memberHidden) carry the reason too.
 * Every answer is typed from src/contract (…Wire), so a drift from the contract fails the type check.
 */
/** What Fastify says of the JSON it writes itself: the lookup's answer, written by lookupJson, says the same. */
const JSON_TYPE = 'application/json; charset=utf-8';

interface Admitted {
  source: SourceViewer;
  consent: Consent;
  viewer: ViewerInput;
}

/** The viewer, once the rules let them see anything: refused (403 + reason) otherwise. */
async function admit(context: ServiceContext, request: FastifyRequest, device: DeviceStatement | undefined): Promise<Admitted> {
  const user = userOf(request);
  const connection = await context.connections.find(user);
  // LinkedIn's token lapsed (60 days): nothing connected until the user reconnects (GET connection says expired).
  const consent: Consent = connection && !isExpired(connection) ? connection.consent : 'none';
  const verdict = context.rules.viewer(user, deviceOf(device), consent);
  if (verdict.refusal) throw refusedBy(verdict.refusal);
  const decision = decisionFor(verdict.viewer, 'unknown');
  if (decision.level === 'none') throw refusedBy(decision.reasons[0]?.code ?? 'tenant-mode-unknown');
  return { source: { user, connection }, consent, viewer: verdict.viewer };
}

async function lookup(context: ServiceContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { emails, device, purpose } = parseBody(lookupRequestSchema, request);
  const { source, viewer } = await admit(context, request, device);
  refuseUnlessAllowed(viewer, purpose);
  const results = await context.source.lookup(
    emails.map((email) => email.toLowerCase()),
    source,
  );
  const answer: LookupResponseWire = {
    apiVersion: '1',
    results: emails.map((email, index) => {
      const result = results[index] ?? { status: 'unavailable' as const };
      return result.status === 'match' ? { email, status: 'match', profile: result.profile } : { email, status: result.status };
    }),
  };
  return reply.type(JSON_TYPE).send(lookupJson(answer));
}

async function insights(context: ServiceContext, request: FastifyRequest): Promise<InsightsResponseWire> {
  const { email, device, purpose } = parseBody(insightsRequestSchema, request);
  const { source, consent, viewer } = await admit(context, request, device);
  refuseUnlessAllowed(viewer, purpose);
  if (consent === 'none')
    throw new HttpError(401, 'notConnected', 'Connect LinkedIn to see connected insights.', {}, { reason: 'not-connected' });
  const address = email.toLowerCase();
  const visibility = await context.source.memberVisibility(address, source);
  if (visibility === 'noMatch') throw new HttpError(404, 'noMatch', 'No LinkedIn member is known for this address.');
  if (visibility === 'unavailable') return unavailableInsights(email);
  const decision = decisionFor(viewer, visibility);
  if (decision.reasons.some((r) => r.code === 'member-hidden'))
    throw new HttpError(404, 'memberHidden', 'This member does not show their profile in Microsoft apps.', {}, { reason: 'member-hidden' });
  if (decision.level !== 'connected') throw refusedBy(decision.reasons[0]?.code ?? 'not-connected');
  const found = await context.source.insights(address, source);
  if (found === 'unavailable') return unavailableInsights(email);
  return { apiVersion: '1', email, ...found };
}

async function suggestions(context: ServiceContext, request: FastifyRequest): Promise<SuggestionsResponseWire> {
  const { emails, device } = parseBody(suggestionsRequestSchema, request);
  const { source, viewer } = await admit(context, request, device);
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
  const found = await context.source.suggestions(
    emails.map((email) => email.toLowerCase()),
    source,
  );
  if (found === 'unavailable') return { apiVersion: '1', status: 'unavailable' };
  return { apiVersion: '1', suggestions: found };
}

export async function profileRoutes(app: FastifyInstance, context: ServiceContext): Promise<void> {
  app.post('/profiles/lookup', (request, reply) => lookup(context, request, reply));
  app.post('/profiles/insights', (request) => insights(context, request));
  app.post('/suggestions', (request) => suggestions(context, request));
}

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

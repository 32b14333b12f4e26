import type { FastifyInstance, FastifyRequest } from 'fastify';
import { insightsRequestSchema, lookupRequestSchema, suggestionsRequestSchema } from '../../src/contract/requests';
import type { Consent } from '../../src/policy';
import { userOf } from '../auth/authenticate';
import type { ServiceContext } from '../context';
import { isExpired } from '../linkedin/expiry';
import { parseBody } from '../http/body';
import { HttpError } from '../http/errors';
import { viewerRefusal } from '../rules/serverPolicy';
import type { SourceViewer } from '../sources/types';

/**
 * Lookup, insights and suggestions. Each checks the rules first, with what the service knows, and answers a refusal
 * before the source is asked anything: 403 `{ error: <reason code> }` for the organisation and availability rules;
 * the documented answers (401 notConnected, 403 consentRequired, 404 memberHidden) carry the reason code too.
 */
export async function profileRoutes(app: FastifyInstance, context: ServiceContext): Promise<void> {
  /** The viewer, once the rules let them see anything: refused (403 + reason code) otherwise. */
  const admit = async (request: FastifyRequest): Promise<{ viewer: SourceViewer; consent: Consent }> => {
    const user = userOf(request);
    const connection = await context.connections.find(user);
    // LinkedIn's token lapsed (60 days): nothing connected until the user reconnects (GET connection says expired).
    const consent: Consent = connection && !isExpired(connection) ? connection.consent : 'none';
    const refusal = viewerRefusal(context.policy.decide(user, consent, 'unknown'));
    if (refusal) throw new HttpError(403, refusal, 'The rules refuse this call.');
    return { viewer: { user, connection }, consent };
  };

  app.post('/profiles/lookup', async (request) => {
    const { emails } = parseBody(lookupRequestSchema, request);
    const { viewer } = await admit(request);
    const addresses = emails.map((email) => email.toLowerCase());
    const results = await context.source.lookup(addresses, viewer);
    return {
      apiVersion: '1',
      results: emails.map((email, index) => {
        const result = results[index] ?? { status: 'unavailable' as const };
        return result.status === 'match' ? { email, status: 'match', profile: result.profile } : { email, status: result.status };
      }),
    };
  });

  app.post('/profiles/insights', async (request) => {
    const { email } = parseBody(insightsRequestSchema, request);
    const { viewer, consent } = await admit(request);
    if (consent === 'none')
      throw new HttpError(401, 'notConnected', 'Connect LinkedIn to see connected insights.', {}, { reason: 'not-connected' });
    const address = email.toLowerCase();
    const visibility = await context.source.memberVisibility(address, viewer);
    if (visibility === 'noMatch') throw new HttpError(404, 'noMatch', 'No LinkedIn member is known for this address.');
    if (visibility === 'unavailable') return unavailableInsights(email);
    const decision = context.policy.decide(viewer.user, consent, visibility);
    if (decision.reasons.some((r) => r.code === 'member-hidden'))
      throw new HttpError(
        404,
        'memberHidden',
        'This member does not show their profile in Microsoft apps.',
        {},
        { reason: 'member-hidden' },
      );
    if (decision.level !== 'connected') throw new HttpError(403, decision.reasons[0]?.code ?? 'forbidden', 'The rules refuse this call.');
    const insights = await context.source.insights(address, viewer);
    if (insights === 'unavailable') return unavailableInsights(email);
    return { apiVersion: '1', email, ...insights };
  });

  app.post('/suggestions', async (request) => {
    const { emails } = parseBody(suggestionsRequestSchema, request);
    const { viewer, consent } = await admit(request);
    // While LinkedIn's token has lapsed, connected calls answer notConnected (the pane offers Reconnect).
    if (viewer.connection && isExpired(viewer.connection))
      throw new HttpError(
        401,
        'notConnected',
        'The LinkedIn connection has expired: reconnect to see suggestions.',
        {},
        { reason: 'not-connected' },
      );
    const decision = context.policy.decide(viewer.user, consent, 'unknown');
    if (!decision.outboundSharing) {
      const reason = decision.reasons.find((r) => r.code === 'not-connected' || r.code === 'inbound-only')?.code ?? 'not-connected';
      throw new HttpError(403, 'consentRequired', 'Suggestions need a connection made with both-ways consent.', {}, { reason });
    }
    const suggestions = await context.source.suggestions(
      emails.map((email) => email.toLowerCase()),
      viewer,
    );
    if (suggestions === 'unavailable') return { apiVersion: '1', status: 'unavailable' };
    return { apiVersion: '1', suggestions };
  });
}

/** The source cannot answer this from here (e.g. LinkedIn without a partner source): said so, nothing invented. */
function unavailableInsights(email: string) {
  return { apiVersion: '1', email, status: 'unavailable' } as const;
}

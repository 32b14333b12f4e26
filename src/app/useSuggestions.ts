import { useCallback, useEffect, useState } from 'react';
import { isServiceError, type ServiceErrorKind } from '../services/errors';
import type { InsightsClient } from '../services/insightsClient';
import type { Suggestions } from '../contract/insights';

export type SuggestionsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; suggestions: Suggestions['suggestions'] }
  /** The service's source can't give suggestions: said so, never shown as "none of them are on LinkedIn". */
  | { status: 'unavailable' }
  | { status: 'error'; kind: ServiceErrorKind };

/**
 * "People you work with on LinkedIn" sends the current item's addresses to LinkedIn, so it exists only when the
 * decision allows outbound sharing (both-ways consent), runs only when the user asks, and is kept in memory only.
 */
export function useSuggestions(
  insights: InsightsClient,
  itemKey: string | null,
  addresses: readonly string[],
  outboundSharing: boolean,
): [SuggestionsState, () => void] {
  const [state, setState] = useState<SuggestionsState>(IDLE);
  useEffect(() => setState(IDLE), [itemKey, outboundSharing]);
  const request = useCallback(() => {
    if (!outboundSharing || addresses.length === 0) return;
    setState({ status: 'loading' });
    insights.suggestions(addresses).then(
      (answer) => setState(answer === 'unavailable' ? { status: 'unavailable' } : { status: 'ready', suggestions: answer.suggestions }),
      (error: unknown) => setState({ status: 'error', kind: isServiceError(error) ? error.kind : 'invalidPayload' }),
    );
  }, [insights, addresses, outboundSharing]);
  return [outboundSharing ? state : IDLE, request];
}

/** One shared value: a new object on every render would make every render look like a change. */
const IDLE: SuggestionsState = { status: 'idle' };

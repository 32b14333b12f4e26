import { useCallback, useMemo, useRef, useState } from 'react';
import { isServiceError, refusesConnection, type ServiceErrorKind } from '../services/errors';
import type { InsightsClient } from '../services/insightsClient';
import type { Suggestions } from '../contract/insights';

export type SuggestionsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; suggestions: Suggestions['suggestions'] }
  /** The service's source can't give suggestions: said so, never shown as "none of them are on LinkedIn". */
  | { status: 'unavailable' }
  /** `connectionRefused`: the service said the LinkedIn connection is gone (401 notConnected). */
  | { status: 'error'; kind: ServiceErrorKind; connectionRefused?: true };

/** "People you work with" as last asked for, and the item it was asked for (another item's never shows). */
export interface SuggestionsAsked {
  itemKey: string | null;
  state: SuggestionsState;
}

export interface SuggestionsActions {
  /** Sends the item's addresses to LinkedIn: only when the user asks, and only when the decision allows outbound sharing. */
  request: (itemKey: string | null, addresses: readonly string[]) => void;
  /** Forgets them (sharing stopped), answers still on their way included. */
  forget: () => void;
}

/**
 * "People you work with on LinkedIn" sends the current item's addresses to LinkedIn, so it runs only when the user
 * asks (the pane offers it only when the decision allows outbound sharing), and is kept in memory only.
 */
export function useSuggestions(insights: InsightsClient): [SuggestionsAsked, SuggestionsActions] {
  const [asked, setAsked] = useState<SuggestionsAsked>(NOTHING_ASKED);
  // Bumped by every request and by forget: only the latest request's answer counts.
  const latest = useRef(0);
  const request = useCallback(
    (itemKey: string | null, addresses: readonly string[]) => {
      if (addresses.length === 0) return;
      const mine = ++latest.current;
      const settle = (state: SuggestionsState): void => {
        if (mine === latest.current) setAsked({ itemKey, state });
      };
      setAsked({ itemKey, state: { status: 'loading' } });
      insights.suggestions(addresses).then(
        (answer) => settle(answer === 'unavailable' ? { status: 'unavailable' } : { status: 'ready', suggestions: answer.suggestions }),
        (error: unknown) =>
          settle({
            status: 'error',
            kind: isServiceError(error) ? error.kind : 'invalidPayload',
            ...(refusesConnection(error) ? { connectionRefused: true as const } : {}),
          }),
      );
    },
    [insights],
  );
  const forget = useCallback(() => {
    latest.current++;
    setAsked((previous) => (previous === NOTHING_ASKED ? previous : NOTHING_ASKED));
  }, []);
  const actions = useMemo(() => ({ request, forget }), [request, forget]);
  return [asked, actions];
}

/** One shared value: a new object on every render would make every render look like a change. */
const NOTHING_ASKED: SuggestionsAsked = { itemKey: null, state: { status: 'idle' } };

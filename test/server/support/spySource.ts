import { createFixturesSource } from '../../../server/sources/fixtures';
import type { ProfileSource } from '../../../server/sources/types';

export interface SpySource {
  source: ProfileSource;
  /** Calls to each method since the last reset. */
  calls: Record<'memberVisibility' | 'lookup' | 'insights' | 'suggestions', number>;
  total(): number;
  reset(): void;
}

/** The fixtures source, counting every call: proves a refused call never reached the source. */
export function spySource(inner: ProfileSource = createFixturesSource()): SpySource {
  const calls = { memberVisibility: 0, lookup: 0, insights: 0, suggestions: 0 };
  const source: ProfileSource = {
    name: inner.name,
    capabilities: inner.capabilities,
    memberVisibility: (...args) => (calls.memberVisibility++, inner.memberVisibility(...args)),
    lookup: (...args) => (calls.lookup++, inner.lookup(...args)),
    insights: (...args) => (calls.insights++, inner.insights(...args)),
    suggestions: (...args) => (calls.suggestions++, inner.suggestions(...args)),
  };
  return {
    source,
    calls,
    total: () => calls.memberVisibility + calls.lookup + calls.insights + calls.suggestions,
    reset: () => {
      for (const key of Object.keys(calls) as (keyof typeof calls)[]) calls[key] = 0;
    },
  };
}

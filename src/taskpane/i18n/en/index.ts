import { describeReason, REASON_CODES, type ReasonCode } from '../../../policy';
import { cardStrings } from './card';
import { connectStrings } from './connect';
import { paneStrings } from './pane';
import { todayStrings } from './today';
import { policyIssueEnglish } from './policyIssues';
import type { LocaleStrings, ReasonText } from './types';

/** English reason texts are the policy engine's own, verbatim. */
function englishReasons(): Record<ReasonCode, ReasonText> {
  const texts = {} as Record<ReasonCode, ReasonText>;
  for (const code of REASON_CODES) {
    const { message, where } = describeReason(code);
    texts[code] = where === undefined ? { message } : { message, where };
  }
  return texts;
}

/** The reference language, and the fallback for every display language without a translation. */
export const en: LocaleStrings = {
  pane: paneStrings,
  card: cardStrings,
  connect: connectStrings,
  reasons: englishReasons(),
  today: todayStrings,
  policyIssue: policyIssueEnglish,
};

import type { ReasonCode } from '../../../policy';
import type { cardStrings } from './card';
import type { connectStrings } from './connect';
import type { paneStrings } from './pane';
import type { todayStrings } from './today';
import type { PolicyIssueText } from './policyIssues';

/** A reason's sentence and where it can be changed, in one language (who can change it is in pane.changeableBy). */
export interface ReasonText {
  message: string;
  where?: string;
}

/** Every code's text: a translation missing a code does not compile. */
export type ReasonTexts = Readonly<Record<ReasonCode, ReasonText>>;

/**
 * Everything the pane says, in one language. The English objects are the reference: a translation is typed by them,
 * so a key missing (or added to English and not yet translated) is a compile error.
 */
export interface LocaleStrings {
  pane: typeof paneStrings;
  card: typeof cardStrings;
  connect: typeof connectStrings;
  reasons: ReasonTexts;
  today: typeof todayStrings;
  /** What is wrong with a field of the policy file (after the field's name as written). */
  policyIssue: PolicyIssueText;
}

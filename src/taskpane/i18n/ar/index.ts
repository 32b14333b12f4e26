import type { LocaleStrings } from '../en/types';
import { connect } from './connect';
import { card, pane } from './pane';
import { policyIssue } from './policyIssues';
import { reasons } from './reasons';
import { today } from './today';

/** Arabic (ar-SA), Modern Standard Arabic, right to left; product names stay in Latin script as Microsoft writes them. */
export const ar: LocaleStrings = { pane, card, connect, reasons, today, policyIssue };

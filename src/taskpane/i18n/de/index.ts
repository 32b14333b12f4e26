import type { LocaleStrings } from '../en/types';
import { connect } from './connect';
import { card, pane } from './pane';
import { policyIssue } from './policyIssues';
import { reasons } from './reasons';
import { today } from './today';

/** German (de-DE): formal "Sie", as Microsoft 365 addresses its users; product names stay as they are. */
export const de: LocaleStrings = { pane, card, connect, reasons, today, policyIssue };

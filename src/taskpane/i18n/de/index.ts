import type { LocaleStrings } from '../types';
import { connect } from './connect';
import { card, pane } from './pane';
import { reasons } from './reasons';
import { today } from './today';

/** German (de-DE): formal "Sie", as Microsoft 365 addresses its users; product names stay as they are. */
export const de: LocaleStrings = { pane, card, connect, reasons, today };

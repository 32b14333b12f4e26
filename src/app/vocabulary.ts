/**
 * The words the pane's view shares with the layers below it (people on an item, Office's theme, the kinds of service
 * error, the cache's bound): the view imports them from app/, never from office/ or services/ directly.
 */
export type { ItemPerson, OfficeHost, OfficeThemeKind, PersonRole } from '../office/types';
export type { ServiceErrorKind } from '../services/errors';
export type { RefusalReason } from '../contract/errors';
export { CACHE_MAX_ENTRIES } from '../services/profileCache';
export type { PublicState } from './profileLoader';
export type { TodayPerson, TodayMeeting } from './today/meetings';
export type { MeetingMoment } from './today/timeline';
export { PEOPLE_SHOWN_PER_MEETING } from './today/timeline';
export type { PaneViewName } from './today/useTodayView';

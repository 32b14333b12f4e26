import { lazy } from 'react';

/**
 * The Today view comes in a chunk of its own, fetched when Today is first shown (a pane opened with no item selected
 * shows it at once): users who never open Today never download it, and the card's first script stays as light.
 */
export const TodayView = lazy(() => import(/* webpackChunkName: "today" */ './TodayView'));

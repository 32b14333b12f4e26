import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { TodayPane } from '../../app/pane/deriveToday';
import { PEOPLE_SHOWN_PER_MEETING } from '../../app/today/timeline';
import type { TodayMeeting, TodayPerson } from '../../app/today/meetings';
import { useStrings } from '../i18n/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { formatDay } from '../i18n/format';
import { MeetingCard, useExpanded } from './MeetingCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  heading: { margin: 0 },
  earlier: { alignSelf: 'flex-start' },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The people a meeting's card lists now: the first few, all where asked (none on a cancelled or declined one). */
function listedOn(meeting: TodayMeeting, expanded: ReadonlySet<string>): readonly TodayPerson[] {
  return expanded.has(meeting.id) ? meeting.people : meeting.people.slice(0, PEOPLE_SHOWN_PER_MEETING);
}

/** The addresses the list shows now: the people listed on each meeting on screen, no one twice. */
function shownPeople(meetings: readonly TodayMeeting[], expanded: ReadonlySet<string>): string[] {
  return [...new Set(meetings.flatMap((meeting) => listedOn(meeting, expanded).map((person) => person.address)))];
}

/** Said once under the list where a row offers LinkedIn's search: what the search is, and whose terms it runs under. */
function SearchNote(props: { today: TodayPane; meetings: readonly TodayMeeting[]; expanded: ReadonlySet<string> }): JSX.Element | null {
  const styles = useStyles();
  const { today: t } = useStrings();
  const offered = props.meetings.some((meeting) =>
    listedOn(meeting, props.expanded).some((person) => props.today.searchOf(person, meeting.people)),
  );
  return offered ? (
    <Text size={200} className={styles.note} data-today-search-note>
      {t.searchNote}
    </Text>
  ) : null;
}

/**
 * Today's meetings: the day's heading, the meetings that have ended folded away under "Earlier today", and the ones
 * under way and still to come with "Now" and "Next" marked; or that the day is empty. It reports the people on screen
 * (only they are looked up) and, back from a person's card, puts the focus on that person again.
 */
export function MeetingList(props: {
  today: TodayPane;
  onOpen: (person: TodayPerson) => void;
  onShown: (addresses: readonly string[]) => void;
  /** Opens LinkedIn's people search where Office can (true); otherwise the link opens it in a new tab. */
  onOpenSearch: (url: string) => boolean;
  /** The person whose card was just closed: focused again. */
  returnTo?: string;
}): JSX.Element | null {
  const styles = useStyles();
  const { today: t } = useStrings();
  const { locale } = useI18n();
  const { today, onShown, returnTo } = props;
  const [earlierOpen, setEarlierOpen] = useState(false);
  const [expanded, expand] = useExpanded();
  const root = useRef<HTMLElement>(null);
  const timeline = today.timeline;
  const onScreen = timeline ? [...(earlierOpen ? timeline.earlier : []), ...timeline.ahead.map((entry) => entry.meeting)] : [];
  const shownKey = shownPeople(onScreen, expanded).join('\n');
  useEffect(() => onShown(shownKey ? shownKey.split('\n') : []), [shownKey, onShown]);
  useEffect(() => {
    if (!returnTo) return;
    const rows = root.current?.querySelectorAll<HTMLElement>('[data-today-person]') ?? [];
    [...rows].find((row) => row.dataset.todayPerson === returnTo)?.focus();
  }, [returnTo]);
  if (!timeline) return null;
  const card = (meeting: TodayMeeting, moment: Parameters<typeof MeetingCard>[0]['moment']) => (
    <MeetingCard
      key={meeting.id}
      meeting={meeting}
      moment={moment}
      timeZone={today.timeZone}
      people={{
        profileOf: today.profileOf,
        searchOf: (person) => today.searchOf(person, meeting.people),
        onOpen: props.onOpen,
        onOpenSearch: props.onOpenSearch,
      }}
      expanded={expanded.has(meeting.id)}
      onExpand={() => expand(meeting.id)}
    />
  );
  const nothing = timeline.earlier.length === 0 && timeline.ahead.length === 0;
  return (
    <section className={styles.root} ref={root} aria-label={t.tabToday} data-today="ready">
      <Text as="h2" size={400} weight="semibold" className={styles.heading}>
        {t.heading(formatDay(locale, today.now, today.timeZone))}
      </Text>
      {nothing && <Text data-today-empty>{t.empty}</Text>}
      {timeline.earlier.length > 0 && (
        <Button
          appearance="subtle"
          size="small"
          className={styles.earlier}
          aria-expanded={earlierOpen}
          onClick={() => setEarlierOpen((open) => !open)}
        >
          {t.earlier(timeline.earlier.length)}
        </Button>
      )}
      {earlierOpen && (
        <ol className={styles.list} aria-label={t.earlierList}>
          {timeline.earlier.map((meeting) => card(meeting, 'earlier'))}
        </ol>
      )}
      {!nothing && timeline.ahead.length === 0 && <Text>{t.nothingMore}</Text>}
      {timeline.ahead.length > 0 && (
        <ol className={styles.list} aria-label={t.upcoming}>
          {timeline.ahead.map(({ meeting, moment }) => card(meeting, moment))}
        </ol>
      )}
      <SearchNote today={today} meetings={onScreen} expanded={expanded} />
    </section>
  );
}

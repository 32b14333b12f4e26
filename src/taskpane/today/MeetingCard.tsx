import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PEOPLE_SHOWN_PER_MEETING, type MeetingMoment } from '../../app/today/timeline';
import type { TodayMeeting } from '../../app/today/meetings';
import { useStrings } from '../i18n/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { formatTime } from '../i18n/format';
import { TodayPeople, type PeopleHandlers } from './TodayPeople';

const useStyles = makeStyles({
  meeting: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  now: {
    borderInlineStartColor: tokens.colorCompoundBrandStroke,
    '@media (forced-colors: active)': { borderInlineStartColor: 'Highlight' },
  },
  off: { color: tokens.colorNeutralForeground3 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  subject: { margin: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  cancelled: { textDecorationLine: 'line-through' },
});

/** "09:30–10:15", or "All day". */
function useWhen(meeting: TodayMeeting, timeZone: string): string {
  const { today } = useStrings();
  const { locale } = useI18n();
  if (meeting.allDay) return today.allDay;
  return today.time(formatTime(locale, meeting.start, timeZone), formatTime(locale, meeting.end, timeZone));
}

/**
 * One meeting: when (and whether it is now or next), what, where, and the people on it — the first few, the rest on
 * "Show all" (only those shown are looked up). A cancelled or declined meeting says so and shows nobody.
 */
export function MeetingCard(props: {
  meeting: TodayMeeting;
  moment: MeetingMoment | 'earlier';
  timeZone: string;
  /** What the list of its people does for a person (their card, the search offered, opening either). */
  people: PeopleHandlers;
  expanded: boolean;
  onExpand: () => void;
}): JSX.Element {
  const styles = useStyles();
  const { today } = useStrings();
  const { meeting, moment } = props;
  const when = useWhen(meeting, props.timeZone);
  const subject = meeting.subject || today.noSubject;
  const shown = props.expanded ? meeting.people : meeting.people.slice(0, PEOPLE_SHOWN_PER_MEETING);
  const off = meeting.status !== 'active';
  const place = [
    meeting.where ?? (meeting.online ? today.online : ''),
    meeting.fromYesterday ? today.fromYesterday : '',
    meeting.untilTomorrow ? today.untilTomorrow : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li
      className={mergeClasses(styles.meeting, moment === 'now' && styles.now, off && styles.off)}
      data-meeting={meeting.id}
      data-moment={moment}
      data-status={meeting.status}
    >
      <div className={styles.header}>
        <Text weight="semibold">{when}</Text>
        {moment === 'now' && <Badge color="brand">{today.now}</Badge>}
        {moment === 'next' && <Badge appearance="outline">{today.next}</Badge>}
        {off && (
          <Badge appearance="tint" color="subtle">
            {meeting.status === 'cancelled' ? today.cancelled : today.declined}
          </Badge>
        )}
      </div>
      <Text
        as="h3"
        size={300}
        weight="semibold"
        className={mergeClasses(styles.subject, meeting.status === 'cancelled' && styles.cancelled)}
      >
        {subject}
      </Text>
      {place && (
        <Text size={200} className={styles.muted}>
          {place}
        </Text>
      )}
      {off ? (
        <Text size={200} className={styles.muted}>
          {today.notListed}
        </Text>
      ) : meeting.people.length === 0 ? (
        <Text size={200} className={styles.muted}>
          {today.noOneElse}
        </Text>
      ) : (
        <TodayPeople people={shown} label={today.peopleOn(subject)} handlers={props.people} />
      )}
      {!off && shown.length < meeting.people.length && (
        <Button appearance="transparent" size="small" onClick={props.onExpand}>
          {today.showAll(meeting.people.length)}
        </Button>
      )}
    </li>
  );
}

/** Which meetings show all their people (the user asked), by id. */
export function useExpanded(): [ReadonlySet<string>, (id: string) => void] {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  return [expanded, (id) => setExpanded((previous) => new Set([...previous, id]))];
}

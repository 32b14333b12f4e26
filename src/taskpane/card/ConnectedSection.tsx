import { Avatar, Link, makeStyles, mergeClasses, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import type { ConnectedState } from '../../app/profileLoader';
import type { ConnectedInsights } from '../../contract/insights';
import { useAvatarColour } from '../person/avatarColor';
import { initialsOf } from '../person/initials';
import { useFormat, useStrings } from '../i18n/hooks';
import { SectionFrame, SHOW_CONTENT, type SectionView } from './SectionFrame';

const useStyles = makeStyles({
  stack: { display: 'inline-flex' },
  // Each after the first overlaps the one before, ringed in the pane's colour (as Fluent's stacked group draws them).
  stacked: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralBackground1}`,
    ':not(:first-child)': { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalXS})` },
  },
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: 'anywhere' },
  block: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Mutual connections, shared history, recent activity, and "Connect on LinkedIn" for non-connections. */
export function ConnectedSection(props: {
  state: ConnectedState;
  profileUrl?: string;
  onRetry: () => void;
  onReconnect?: () => void;
}): JSX.Element | null {
  const { card } = useStrings();
  const { state } = props;
  if (state.status === 'idle') return null;
  if (state.status === 'unavailable') {
    return <SectionFrame view={{ show: 'empty', text: card.insightsUnavailable, dataState: 'connected-unavailable' }} />;
  }
  if (state.status !== 'ready') {
    const view: SectionView =
      state.status === 'loading'
        ? {
            show: 'loading',
            placeholder: (
              <Skeleton aria-label={card.loadingConnected} data-state="connected-loading">
                <SkeletonItem size={16} />
                <SkeletonItem size={12} />
              </Skeleton>
            ),
          }
        : {
            show: 'error',
            error: {
              kind: state.kind,
              retryAfterSeconds: state.retryAfterSeconds,
              reason: state.reason,
              connected: true,
              connectionRefused: state.connectionRefused,
              onRetry: props.onRetry,
              onReconnect: props.onReconnect,
            },
          };
    return <SectionFrame view={view} />;
  }
  return <ConnectedInsightsView insights={state.insights} profileUrl={props.profileUrl} />;
}

/** The insights themselves: mutual connections, shared history, recent activity, and connecting on LinkedIn. */
function ConnectedInsightsView({ insights, profileUrl }: { insights: ConnectedInsights; profileUrl?: string }): JSX.Element {
  const styles = useStyles();
  const { card } = useStrings();
  const format = useFormat();
  const colourOf = useAvatarColour();
  const emptyOr = (isEmpty: boolean, text: string): SectionView => (isEmpty ? { show: 'empty', text } : SHOW_CONTENT);
  return (
    <section className={styles.root} data-state="connected-card">
      <SectionFrame title={card.mutualTitle} className={styles.block} view={emptyOr(insights.mutualConnections.count === 0, card.noMutual)}>
        <div className={styles.row}>
          {/* A stack of avatars, each in its person's colour (Fluent's AvatarGroupItem cannot take a colour class). */}
          <span className={styles.stack}>
            {insights.mutualConnections.top.map((person, i) => (
              // Names are not unique (nor need they be): the position keeps each avatar its own.
              <Avatar
                key={`${person.name}-${i}`}
                size={24}
                name={person.name}
                initials={initialsOf(person.name)}
                image={person.photoUrl ? { src: person.photoUrl, alt: '' } : undefined}
                className={mergeClasses(colourOf(person.name), styles.stacked)}
              />
            ))}
          </span>
          <Text>{card.mutualCount(insights.mutualConnections.count)}</Text>
          <Text className={styles.muted}>{format.partialList(insights.mutualConnections.top.map((p) => p.name))}</Text>
        </div>
      </SectionFrame>
      <SectionFrame title={card.historyTitle} className={styles.block} view={emptyOr(insights.sharedHistory.length === 0, card.noHistory)}>
        <ul className={styles.list}>
          {insights.sharedHistory.map((entry, i) => (
            <li key={`${entry.name}-${i}`}>
              <Text>
                {card.historyKind[entry.kind]} {entry.name}
                {entry.period ? ` (${format.digits(entry.period)})` : ''}
              </Text>
            </li>
          ))}
        </ul>
      </SectionFrame>
      <SectionFrame
        title={card.activityTitle}
        className={styles.block}
        view={emptyOr(insights.recentActivity.length === 0, card.noActivity)}
      >
        <ul className={styles.list}>
          {insights.recentActivity.map((activity, i) => (
            <li key={`${activity.date}-${i}`}>
              <Text size={200} className={styles.muted}>
                {format.date(activity.date, { utc: true })}{' '}
              </Text>
              {activity.url ? (
                <Link href={activity.url} target="_blank" rel="noopener noreferrer">
                  {activity.text}
                </Link>
              ) : (
                <Text>{activity.text}</Text>
              )}
            </li>
          ))}
        </ul>
      </SectionFrame>
      {insights.isConnection ? (
        <Text className={styles.muted}>{card.alreadyConnection}</Text>
      ) : (
        profileUrl && (
          <Link href={profileUrl} target="_blank" rel="noopener noreferrer">
            {card.connectOnLinkedIn}
          </Link>
        )
      )}
    </section>
  );
}

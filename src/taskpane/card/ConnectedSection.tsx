import { AvatarGroup, AvatarGroupItem, Link, makeStyles, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import type { ConnectedState } from '../../app/profileLoader';
import { initialsOf } from '../initials';
import { useFormat, useStrings } from '../i18n/hooks';
import { SectionError } from './SectionError';

const useStyles = makeStyles({
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
  const styles = useStyles();
  const { card } = useStrings();
  const format = useFormat();
  const { state } = props;
  if (state.status === 'idle') return null;
  if (state.status === 'loading') {
    return (
      <Skeleton aria-label={card.loadingConnected} data-state="connected-loading">
        <SkeletonItem size={16} />
        <SkeletonItem size={12} />
      </Skeleton>
    );
  }
  if (state.status === 'error') {
    return (
      <SectionError
        kind={state.kind}
        retryAfterSeconds={state.retryAfterSeconds}
        connected
        onRetry={props.onRetry}
        onReconnect={props.onReconnect}
      />
    );
  }
  if (state.status === 'unavailable') {
    return (
      <Text className={styles.muted} data-state="connected-unavailable">
        {card.insightsUnavailable}
      </Text>
    );
  }
  const { insights } = state;
  return (
    <section className={styles.root} data-state="connected-card">
      <div className={styles.block}>
        <Text weight="semibold">{card.mutualTitle}</Text>
        {insights.mutualConnections.count === 0 ? (
          <Text className={styles.muted}>{card.noMutual}</Text>
        ) : (
          <div className={styles.row}>
            <AvatarGroup layout="stack" size={24}>
              {insights.mutualConnections.top.map((person, i) => (
                // Names are not unique (nor need they be): the position keeps each avatar its own.
                <AvatarGroupItem
                  key={`${person.name}-${i}`}
                  name={person.name}
                  initials={initialsOf(person.name)}
                  image={person.photoUrl ? { src: person.photoUrl, alt: '' } : undefined}
                />
              ))}
            </AvatarGroup>
            <Text>{card.mutualCount(insights.mutualConnections.count)}</Text>
            <Text className={styles.muted}>{format.partialList(insights.mutualConnections.top.map((p) => p.name))}</Text>
          </div>
        )}
      </div>
      <div className={styles.block}>
        <Text weight="semibold">{card.historyTitle}</Text>
        {insights.sharedHistory.length === 0 ? (
          <Text className={styles.muted}>{card.noHistory}</Text>
        ) : (
          <ul className={styles.list}>
            {insights.sharedHistory.map((entry, i) => (
              <li key={`${entry.name}-${i}`}>
                <Text>
                  {card.historyKind[entry.kind]} {entry.name}
                  {entry.period ? ` (${entry.period})` : ''}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={styles.block}>
        <Text weight="semibold">{card.activityTitle}</Text>
        {insights.recentActivity.length === 0 ? (
          <Text className={styles.muted}>{card.noActivity}</Text>
        ) : (
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
        )}
      </div>
      {insights.isConnection ? (
        <Text className={styles.muted}>{card.alreadyConnection}</Text>
      ) : (
        props.profileUrl && (
          <Link href={props.profileUrl} target="_blank" rel="noopener noreferrer">
            {card.connectOnLinkedIn}
          </Link>
        )
      )}
    </section>
  );
}

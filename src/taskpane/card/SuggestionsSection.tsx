import { Button, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { SuggestionsState } from '../../app/useSuggestions';
import { useStrings } from '../i18n/hooks';
import { SectionFrame, SHOW_CONTENT, type SectionView } from './SectionFrame';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** "People you work with on LinkedIn": on request, with what it sends said up front. */
export function SuggestionsSection(props: { state: SuggestionsState; onRequest: () => void }): JSX.Element {
  const styles = useStyles();
  const { card } = useStrings();
  const { state } = props;
  const view: SectionView =
    state.status === 'loading'
      ? { show: 'loading', placeholder: <Spinner size="tiny" label={card.loadingConnected} /> }
      : state.status === 'error'
        ? {
            show: 'error',
            error: { kind: state.kind, connected: true, connectionRefused: state.connectionRefused, onRetry: props.onRequest },
          }
        : state.status === 'unavailable'
          ? { show: 'empty', text: card.suggestionsUnavailable, dataState: 'suggestions-unavailable' }
          : state.status === 'ready' && state.suggestions.length === 0
            ? { show: 'empty', text: card.suggestionsNone }
            : SHOW_CONTENT;
  return (
    <SectionFrame title={card.suggestionsTitle} className={styles.root} label={card.suggestionsTitle} dataState="suggestions" view={view}>
      {state.status === 'idle' && (
        <>
          <Text size={200} className={styles.muted}>
            {card.suggestionsSends}
          </Text>
          <Button size="small" onClick={props.onRequest}>
            {card.suggestionsShow}
          </Button>
        </>
      )}
      {state.status === 'ready' && (
        <ul className={styles.list}>
          {state.suggestions.map((person, i) => (
            <li key={`${person.name}-${i}`}>
              {person.profileUrl ? (
                <Link href={person.profileUrl} target="_blank" rel="noopener noreferrer">
                  {person.name}
                </Link>
              ) : (
                <Text>{person.name}</Text>
              )}
              {person.headline ? <Text className={styles.muted}> · {person.headline}</Text> : null}
            </li>
          ))}
        </ul>
      )}
    </SectionFrame>
  );
}

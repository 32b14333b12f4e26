import { Button, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { SuggestionsState } from '../../app/useSuggestions';
import { useStrings } from '../i18n/hooks';
import { SectionError } from './SectionError';

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
  return (
    <section className={styles.root} aria-label={card.suggestionsTitle} data-state="suggestions">
      <Text weight="semibold">{card.suggestionsTitle}</Text>
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
      {state.status === 'loading' && <Spinner size="tiny" label={card.loadingConnected} />}
      {state.status === 'unavailable' && (
        <Text className={styles.muted} data-state="suggestions-unavailable">
          {card.suggestionsUnavailable}
        </Text>
      )}
      {state.status === 'error' && <SectionError kind={state.kind} connected onRetry={props.onRequest} />}
      {state.status === 'ready' &&
        (state.suggestions.length === 0 ? (
          <Text className={styles.muted}>{card.suggestionsNone}</Text>
        ) : (
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
        ))}
    </section>
  );
}

import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SectionError, type SectionErrorProps } from './SectionError';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What a card section shows now: its placeholder while loading, its error, its empty text, or its content. */
export type SectionView =
  | { show: 'loading'; placeholder: ReactNode }
  | { show: 'error'; error: SectionErrorProps }
  | { show: 'empty'; text: string; dataState?: string }
  | { show: 'content' };

export const SHOW_CONTENT: SectionView = { show: 'content' };

/**
 * The one frame of every card section (as the Graph Toolkit's person card has its base section): the section's title
 * (when it has one) above whichever of loading, error, empty or content the section is in. Without a title and a
 * root to render, only that part is rendered.
 */
export function SectionFrame(props: {
  view: SectionView;
  title?: string;
  className?: string;
  dataState?: string;
  label?: string;
  children?: ReactNode;
}): JSX.Element {
  const styles = useStyles();
  const { view } = props;
  const body =
    view.show === 'loading' ? (
      view.placeholder
    ) : view.show === 'error' ? (
      <SectionError {...view.error} />
    ) : view.show === 'empty' ? (
      <Text className={styles.muted} data-state={view.dataState}>
        {view.text}
      </Text>
    ) : (
      props.children
    );
  if (props.title === undefined && props.className === undefined) return <>{body}</>;
  return (
    <section className={props.className} data-state={props.dataState} aria-label={props.label}>
      {props.title !== undefined && <Text weight="semibold">{props.title}</Text>}
      {body}
    </section>
  );
}

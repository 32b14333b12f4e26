import { makeStyles, tokens } from '@fluentui/react-components';

/** The pane's vertical rhythm: its parts one under another, a medium gap apart. */
export const useStackStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
});

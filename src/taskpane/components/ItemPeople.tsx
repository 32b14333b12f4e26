import { Divider, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PeopleShown } from '../../app/pane/paneState';
import type { PaneActions } from '../../app/pane/usePane';
import { useStrings } from '../i18n/hooks';
import { PeopleSwitcher } from './PeopleSwitcher';

/**
 * The selected item's people: said so when there is no item or nobody on it; otherwise the switcher, and below it
 * the person chosen (`children`: their card, or only who Outlook says they are).
 */
export function ItemPeople({ shown, actions, children }: { shown: PeopleShown; actions: PaneActions; children: ReactNode }): JSX.Element {
  const { pane } = useStrings();
  if (!shown.item) return <Text data-state="no-item">{pane.noItem}</Text>;
  if (shown.people.length === 0) return <Text data-state="no-people">{pane.noPeople}</Text>;
  return (
    <>
      <PeopleSwitcher
        people={shown.people}
        selectedAddress={shown.selected?.address ?? null}
        onSelect={actions.selectPerson}
        onVisibleChange={actions.setVisiblePeople}
      />
      <Divider />
      {children}
    </>
  );
}

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { PolicyFileEditor } from '../../dev/workbench/PolicyFileEditor';

/** The editor as the workbench holds it: the text is the state, every change goes back in. */
function Editor({ initial, seen }: { initial: string; seen: (string | null)[] }): JSX.Element {
  const [text, setText] = useState<string | null>(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <PolicyFileEditor
        text={text}
        onChange={(next) => {
          seen.push(next);
          setText(next);
        }}
      />
    </FluentProvider>
  );
}

const field = (label: string) => screen.getByLabelText(label);

describe('the workbench policy form', () => {
  test('a list field keeps commas and spaces while typing, and the file gets each address', async () => {
    const seen: (string | null)[] = [];
    render(<Editor initial={'{"version":1,"linkedInAccountConnections":"selected"}'} seen={seen} />);
    const users = field('Selected users (legacy list)');
    await userEvent.type(users, 'alex@contoso.com, megan@contoso.com');
    expect(users).toHaveValue('alex@contoso.com, megan@contoso.com');
    expect(JSON.parse(seen.at(-1) as string).selectedUsers).toEqual(['alex@contoso.com', 'megan@contoso.com']);
    const geos = field('Availability: excluded mailbox locations (replaces the built-in list)');
    await userEvent.type(geos, 'aus jpn');
    expect(geos).toHaveValue('aus jpn');
    expect(JSON.parse(seen.at(-1) as string).availability.excludedMailboxGeos).toEqual(['AUS', 'JPN']);
  });

  test('a list changed in the JSON shows in the form', async () => {
    const seen: (string | null)[] = [];
    render(<Editor initial={'{"selectedUsers":["a@contoso.com","b@contoso.com"]}'} seen={seen} />);
    expect(field('Selected users (legacy list)')).toHaveValue('a@contoso.com, b@contoso.com');
  });

  test('an invalid mode value is shown as itself, marked invalid, not as "not set"', () => {
    render(<Editor initial={'{"version":1,"linkedInAccountConnections":"sometimes"}'} seen={[]} />);
    const mode = field('LinkedIn account connections (organisation mode)') as HTMLSelectElement;
    expect(mode.selectedOptions[0]?.textContent).toBe('sometimes — invalid');
    expect(screen.getByText(/^Invalid: linkedInAccountConnections/)).toBeInTheDocument();
  });

  test('an invalid Office policy value and cloud are shown as themselves too; a valid one as itself', () => {
    render(
      <Editor
        initial={'{"officePolicy":{"showLinkedInFeatures":"off","connectedExperiences":"disabled"},"environment":{"cloud":42}}'}
        seen={[]}
      />,
    );
    const show = field('Office policy: Show LinkedIn features in Office applications') as HTMLSelectElement;
    expect(show.selectedOptions[0]?.textContent).toBe('off — invalid');
    const connected = field('Office policy: Connected experiences') as HTMLSelectElement;
    expect(connected.selectedOptions[0]?.textContent).toBe('disabled');
    const cloud = field('Override: cloud (otherwise detected)') as HTMLSelectElement;
    expect(cloud.selectedOptions[0]?.textContent).toBe('42 — invalid');
  });
});

import { Persona } from '@fluentui/react-components';
import { useAvatarColour } from './avatarColor';
import { initialsOf } from './initials';

/**
 * One person as a row — the people switcher's and Today's: their photo (from LinkedIn, once looked up) or initials,
 * their name, and one line about them (the switcher: role and address; Today: the LinkedIn headline once looked up).
 */
export function PersonRow(props: { name: string; detail: string; photoUrl?: string }): JSX.Element {
  const { name, detail, photoUrl } = props;
  const colourOf = useAvatarColour();
  return (
    <Persona
      size="small"
      name={name}
      secondaryText={detail}
      avatar={{ initials: initialsOf(name), className: colourOf(name), ...(photoUrl ? { image: { src: photoUrl, alt: '' } } : {}) }}
    />
  );
}

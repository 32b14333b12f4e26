import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/**
 * The colours of a person's initials avatar: one of Fluent's palette colours, picked from the name (the same person,
 * the same colour, everywhere), drawn as the palette's strong shade with its soft shade for the letters. Fluent's
 * own "colorful" avatars are the other way round — a soft background barely set off from the pane (1.3:1 to 2.4:1 on
 * white, as low as 1:1 in the dark theme, where "KB" nearly vanished). This way round every colour stands 3:1 or more
 * against the pane and its letters 4.5:1 or more against it, in the light, dark and high-contrast themes alike, since
 * each theme gives its own shades to the same tokens (test/e2e/avatarContrast.e2e.test.mjs measures them). Classes,
 * not inline styles: the card renders no style attribute (test/hostile/rendering.test.tsx holds it to that).
 */
const useAvatarColours = makeStyles({
  darkRed: { backgroundColor: tokens.colorPaletteDarkRedForeground2, color: tokens.colorPaletteDarkRedBackground2 },
  cranberry: { backgroundColor: tokens.colorPaletteCranberryForeground2, color: tokens.colorPaletteCranberryBackground2 },
  red: { backgroundColor: tokens.colorPaletteRedForeground2, color: tokens.colorPaletteRedBackground2 },
  pumpkin: { backgroundColor: tokens.colorPalettePumpkinForeground2, color: tokens.colorPalettePumpkinBackground2 },
  peach: { backgroundColor: tokens.colorPalettePeachForeground2, color: tokens.colorPalettePeachBackground2 },
  marigold: { backgroundColor: tokens.colorPaletteMarigoldForeground2, color: tokens.colorPaletteMarigoldBackground2 },
  gold: { backgroundColor: tokens.colorPaletteGoldForeground2, color: tokens.colorPaletteGoldBackground2 },
  brass: { backgroundColor: tokens.colorPaletteBrassForeground2, color: tokens.colorPaletteBrassBackground2 },
  brown: { backgroundColor: tokens.colorPaletteBrownForeground2, color: tokens.colorPaletteBrownBackground2 },
  forest: { backgroundColor: tokens.colorPaletteForestForeground2, color: tokens.colorPaletteForestBackground2 },
  seafoam: { backgroundColor: tokens.colorPaletteSeafoamForeground2, color: tokens.colorPaletteSeafoamBackground2 },
  darkGreen: { backgroundColor: tokens.colorPaletteDarkGreenForeground2, color: tokens.colorPaletteDarkGreenBackground2 },
  lightTeal: { backgroundColor: tokens.colorPaletteLightTealForeground2, color: tokens.colorPaletteLightTealBackground2 },
  teal: { backgroundColor: tokens.colorPaletteTealForeground2, color: tokens.colorPaletteTealBackground2 },
  steel: { backgroundColor: tokens.colorPaletteSteelForeground2, color: tokens.colorPaletteSteelBackground2 },
  blue: { backgroundColor: tokens.colorPaletteBlueForeground2, color: tokens.colorPaletteBlueBackground2 },
  royalBlue: { backgroundColor: tokens.colorPaletteRoyalBlueForeground2, color: tokens.colorPaletteRoyalBlueBackground2 },
  cornflower: { backgroundColor: tokens.colorPaletteCornflowerForeground2, color: tokens.colorPaletteCornflowerBackground2 },
  navy: { backgroundColor: tokens.colorPaletteNavyForeground2, color: tokens.colorPaletteNavyBackground2 },
  lavender: { backgroundColor: tokens.colorPaletteLavenderForeground2, color: tokens.colorPaletteLavenderBackground2 },
  purple: { backgroundColor: tokens.colorPalettePurpleForeground2, color: tokens.colorPalettePurpleBackground2 },
  grape: { backgroundColor: tokens.colorPaletteGrapeForeground2, color: tokens.colorPaletteGrapeBackground2 },
  lilac: { backgroundColor: tokens.colorPaletteLilacForeground2, color: tokens.colorPaletteLilacBackground2 },
  pink: { backgroundColor: tokens.colorPalettePinkForeground2, color: tokens.colorPalettePinkBackground2 },
  magenta: { backgroundColor: tokens.colorPaletteMagentaForeground2, color: tokens.colorPaletteMagentaBackground2 },
  plum: { backgroundColor: tokens.colorPalettePlumForeground2, color: tokens.colorPalettePlumBackground2 },
  beige: { backgroundColor: tokens.colorPaletteBeigeForeground2, color: tokens.colorPaletteBeigeBackground2 },
  mink: { backgroundColor: tokens.colorPaletteMinkForeground2, color: tokens.colorPaletteMinkBackground2 },
  platinum: { backgroundColor: tokens.colorPalettePlatinumForeground2, color: tokens.colorPalettePlatinumBackground2 },
  anchor: { backgroundColor: tokens.colorPaletteAnchorForeground2, color: tokens.colorPaletteAnchorBackground2 },
});

type Colour = keyof ReturnType<typeof useAvatarColours>;

/**
 * Fluent paints the initials themselves, over the whole avatar (neutral grey on neutral grey unless told a palette
 * colour): they take the avatar's colours instead, or the grey would hide the palette colour under it. A ring
 * in the pane's own colour sets the avatar off wherever it sits, a selected row's highlight included (in high
 * contrast the white avatar would otherwise meet a light highlight).
 */
const useFrame = makeStyles({
  frame: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralBackground1}`,
    '& .fui-Avatar__initials': { color: 'inherit', backgroundColor: 'transparent' },
  },
});

/** A small stable hash of the name (FNV-1a), so a person keeps their colour across panes and sessions. */
function hashOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The class that colours a person's initials avatar, by their name. */
export function useAvatarColour(): (name: string) => string {
  const colours = useAvatarColours();
  const { frame } = useFrame();
  const names = Object.keys(colours) as Colour[];
  return (name) => mergeClasses(colours[names[hashOf(name) % names.length] ?? 'anchor'], frame);
}

import { createContext, useContext } from 'react';
import type { OfficeThemeKind } from '../../office/types';

/** Office's theme as the pane's frame applies it (light without a frame). */
export const ThemeKindContext = createContext<OfficeThemeKind>('light');

export function useThemeKind(): OfficeThemeKind {
  return useContext(ThemeKindContext);
}

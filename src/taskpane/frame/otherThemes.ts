/** Office's dark and high-contrast themes: a chunk of their own, loaded only when Office uses one (themes.ts). */
export { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';

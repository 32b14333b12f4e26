export type { CurrentUser, DeviceSettings, ItemPerson, ItemSnapshot, OfficeHost, OfficeThemeKind, Platform, PersonRole } from './types';
export { createLocalDeviceSettings } from './deviceSettings';
export { platformFromDiagnostics, themeFromOfficeColors } from './platform';
export { memoryRoamingSettings, RoamingSaveError, type RoamingSettings } from './roamingSettings';

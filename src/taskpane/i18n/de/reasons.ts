import type { ReasonTexts } from '../en/types';

const ENTRA = 'Microsoft Entra Admin Center › Benutzer › Benutzereinstellungen › LinkedIn-Kontoverbindungen';
const POLICY_FILE = 'Die Richtliniendatei des Add-Ins (linkedin-policy.json)';
const MODE = `${POLICY_FILE} › linkedInAccountConnections; passend dazu: ${ENTRA}`;
const OFFICE_TEMPLATES = 'Benutzerkonfiguration › Richtlinien › Administrative Vorlagen › Microsoft Office 2016';
const GROUP_POLICY = `Gruppenrichtlinie: ${OFFICE_TEMPLATES} › Verschiedenes`;
const PRIVACY_POLICY = `Gruppenrichtlinie oder Cloudrichtlinie: ${OFFICE_TEMPLATES} › Datenschutz › Trust Center`;
const ON_A_MAC = '(auf einem Mac: die entsprechende Office-Datenschutzeinstellung im Konfigurationsprofil des Geräts)';

/** The policy engine's reasons in German, keyed by code (the engine itself stays English). */
export const reasons: ReasonTexts = {
  'cloud-unavailable': {
    message: 'LinkedIn-Features sind in der Microsoft-Cloud Ihrer Organisation nicht verfügbar.',
  },
  'mailbox-geo-unavailable': {
    message: 'LinkedIn-Features sind für Postfächer am Datenspeicherort Ihrer Organisation nicht verfügbar.',
  },
  'environment-unknown': {
    message:
      'Das Add-In konnte die Microsoft-Cloud oder den Postfach-Datenspeicherort Ihrer Organisation nicht bestätigen. Deshalb sind LinkedIn-Features deaktiviert, bis Ihr Administrator sie angibt.',
    where: `${POLICY_FILE} › environment.cloud und environment.mailboxGeo`,
  },
  'tenant-off': {
    message: 'Ihre Organisation hat LinkedIn-Kontoverbindungen deaktiviert.',
    where: MODE,
  },
  'tenant-default-off': {
    message:
      'LinkedIn-Kontoverbindungen sind für Organisationen in Ihrem Land standardmäßig deaktiviert, und Ihr Administrator hat sie nicht aktiviert.',
    where: MODE,
  },
  'tenant-mode-unknown': {
    message:
      'Die LinkedIn-Einstellung Ihrer Organisation ist noch nicht bekannt. Deshalb bleiben LinkedIn-Features deaktiviert, bis Ihr Administrator sie festlegt.',
    where: MODE,
  },
  'not-in-selected-group': {
    message: 'Ihre Organisation erlaubt LinkedIn-Features nur für eine ausgewählte Gruppe, und Sie gehören nicht dazu.',
    where: `${POLICY_FILE} › selectedGroupId sowie die Mitglieder der Gruppe; passend dazu: ${ENTRA}`,
  },
  'selected-users-unverifiable': {
    message:
      'Ihre Organisation erlaubt LinkedIn-Features nur für eine Liste von Benutzern, die das Add-In nicht sicher prüfen kann. Deshalb bleiben sie deaktiviert, bis Ihr Administrator stattdessen eine Gruppe auswählt.',
    where: `${POLICY_FILE} › selectedGroupId (eine Gruppe anstelle der Liste selectedUsers); passend dazu: ${ENTRA}`,
  },
  'membership-unknown': {
    message:
      'Ihre Organisation erlaubt LinkedIn-Features nur für eine ausgewählte Gruppe, und das Add-In konnte nicht prüfen, ob Sie dazugehören.',
    where: ENTRA,
  },
  'office-policy-off': {
    message: 'Eine Richtlinie auf diesem Computer deaktiviert LinkedIn-Features in Office-Apps.',
    where: `${GROUP_POLICY} › LinkedIn-Features in Office-Anwendungen anzeigen`,
  },
  'connected-experiences-off': {
    message: 'Eine Richtlinie auf diesem Computer deaktiviert verbundene Erfahrungen in Office, die LinkedIn-Features benötigen.',
    where: `${PRIVACY_POLICY} › Verwendung verbundener Erfahrungen in Office zulassen ${ON_A_MAC}`,
  },
  'optional-connected-experiences-off': {
    message:
      'Eine Richtlinie auf diesem Computer deaktiviert optionale verbundene Erfahrungen in Office, zu denen LinkedIn-Features gehören.',
    where: `${PRIVACY_POLICY} › Verwendung zusätzlicher optionaler verbundener Erfahrungen in Office zulassen ${ON_A_MAC}`,
  },
  'user-option-off': {
    message: 'Sie haben „LinkedIn-Features anzeigen“ auf diesem Gerät deaktiviert.',
    where: 'Dieses Add-In › LinkedIn-Features anzeigen',
  },
  'not-connected': {
    message: 'Sie sehen nur öffentliche LinkedIn-Informationen, weil Sie Ihr LinkedIn-Konto nicht verbunden haben.',
    where: 'Dieses Add-In › Ihr LinkedIn-Konto verbinden',
  },
  'inbound-only': {
    message: 'Sie haben nur das Teilen von LinkedIn zu Microsoft gewählt. Deshalb wird nichts aus Ihrem Arbeitskonto an LinkedIn gesendet.',
    where: 'Dieses Add-In › Trennen, dann erneut verbinden und „Daten in beide Richtungen teilen“ wählen',
  },
  'member-hidden': {
    message: 'Das LinkedIn-Profil dieser Person ist in Microsoft-Apps nicht verfügbar.',
    where: 'LinkedIn › Einstellungen & Datenschutz › Sichtbarkeit › Microsoft-Anwendungen (die eigene Einstellung der Person)',
  },
  'today-not-connected': {
    message:
      '„Heute“ braucht Ihr LinkedIn-Konto, verbunden mit dem Teilen von Daten in beide Richtungen, weil es die Personen in Ihrem Kalender an LinkedIn sendet.',
    where: 'Dieses Add-In › Ihr LinkedIn-Konto verbinden › Daten in beide Richtungen teilen',
  },
  'today-inbound-only': {
    message:
      '„Heute“ braucht das Teilen von Daten in beide Richtungen, weil es die Personen in Ihrem Kalender an LinkedIn sendet, und Sie haben nur LinkedIn zu Microsoft gewählt.',
    where: 'Dieses Add-In › Heute › Daten in beide Richtungen teilen (Sie melden sich erneut bei LinkedIn an)',
  },
};

import type { ServiceErrorKind } from '../../../services/errors';
import { formatNumber, plural } from '../format';
import { frameStrings } from '../frame';
import type { LocaleStrings } from '../en/types';

const n = (value: number): string => formatNumber('de-DE', value);

const errorKindText: Record<ServiceErrorKind, string> = {
  offline: 'Sie sind anscheinend offline.',
  timeout: 'Der Server hat zu lange nicht geantwortet.',
  unauthorized: 'Der Server hat die Anmeldung des Add-Ins nicht akzeptiert.',
  forbidden: 'Der Server hat den Zugriff verweigert.',
  notFound: 'Die Datei wurde nicht gefunden.',
  throttled: 'Der Server ist ausgelastet. Versuchen Sie es später erneut.',
  server: 'Auf dem Server ist ein Problem aufgetreten.',
  invalidPayload: 'Der Server hat eine unerwartete Antwort gesendet.',
  linkedInUnavailable: 'LinkedIn hat nicht rechtzeitig geantwortet.',
};

export const pane: LocaleStrings['pane'] = {
  ...frameStrings['de-DE'],
  noItem: 'Wählen Sie eine Nachricht oder Besprechung aus, um LinkedIn-Informationen zu den beteiligten Personen zu sehen.',
  noPeople: 'An diesem Element ist sonst niemand beteiligt.',
  peopleLabel: 'Personen in diesem Element',
  showMore: (count) => `${n(count)} weitere anzeigen`,
  shownOf: (shown, total) =>
    shown === total ? plural('de-DE', total, { one: '{n} Person', other: '{n} Personen' }) : `${n(shown)} von ${n(total)} Personen`,
  shownOfMatches: (shown, matches, total) =>
    `${n(shown)} von ${plural('de-DE', matches, { one: '{n} Treffer', other: '{n} Treffern' })} (insgesamt ${n(total)} Personen)`,
  noPersonMatches: (query) => `Niemand in diesem Element passt zu „${query}“.`,
  filterPeople: 'Person in diesem Element suchen',
  policyInvalidTitle: 'LinkedIn-Features sind nicht verfügbar: Die Richtliniendatei des Add-Ins ist ungültig',
  policyInvalidField: (field, problem) =>
    `Fehlerhaftes Feld: ${field} – ${problem}. Bitten Sie Ihren Administrator, linkedin-policy.json zu korrigieren.`,
  policyUnreachableTitle: 'LinkedIn-Features sind nicht verfügbar: Die Richtliniendatei des Add-Ins konnte nicht geladen werden',
  policyUnreachableBody: (kind) =>
    `${errorKindText[kind]} Das Add-In zeigt nichts von LinkedIn an, bis es die Einstellungen Ihrer Organisation lesen kann.`,
  connectionLimit: {
    unconfirmed:
      'Ihre LinkedIn-Verbindung wurde vom LinkedIn-Dienst noch nicht bestätigt. Deshalb sehen Sie vorerst nur öffentliche LinkedIn-Informationen.',
    expired:
      'Der LinkedIn-Dienst akzeptiert Ihre Verbindung nicht mehr. Deshalb sehen Sie nur öffentliche LinkedIn-Informationen, bis Sie sich neu verbinden.',
  },
  whyTitle: 'Warum',
  whatTitle: 'Was das Add-In darf',
  levelLabel: {
    none: 'Keine LinkedIn-Informationen',
    public: 'Öffentliche LinkedIn-Informationen',
    connected: 'LinkedIn-Einblicke mit verbundenem Konto',
  },
  nothingShown: 'Nur was Outlook weiß – keine LinkedIn-Informationen angezeigt',
  can: {
    showPublic: 'Öffentliche LinkedIn-Informationen anzeigen',
    showConnected: 'Einblicke mit verbundenem Konto anzeigen (gemeinsame Kontakte, gemeinsamer Werdegang, Aktivitäten)',
    connect: 'Ihr LinkedIn-Konto verbinden',
    disconnect: 'Verbindung mit Ihrem LinkedIn-Konto trennen',
    outbound: 'Microsoft-Daten an LinkedIn senden (z. B. „Personen, mit denen Sie arbeiten“)',
  },
  capability: {
    allowed: 'Erlaubt',
    afterConnect: 'Nachdem Sie Ihr LinkedIn-Konto verbunden haben',
    afterConnectBothWays: 'Nach dem Verbinden, wenn Sie Daten in beide Richtungen teilen',
    onlyBothWays: 'Nur wenn Sie Daten in beide Richtungen teilen',
    afterConfirm: 'Sobald der LinkedIn-Kartendienst Ihre Verbindung bestätigt',
    afterReconnect: 'Nachdem Sie sich neu verbunden haben',
    byOrganization: 'Von Ihrer Organisation nicht erlaubt',
    byDevice: 'Von Ihrer IT-Abteilung auf diesem Computer deaktiviert',
    byYou: 'Von Ihnen auf diesem Gerät deaktiviert',
    byMember: 'Durch die LinkedIn-Einstellung dieser Person nicht erlaubt',
    unavailable: 'Für Ihre Organisation nicht verfügbar',
    noSignIn: 'In dieser Outlook-Version nicht möglich',
  },
  changeableBy: {
    user: 'Sie können dies ändern',
    admin: 'Ihr Microsoft 365-Administrator kann dies ändern',
    deviceAdmin: 'Ihre IT-Abteilung kann dies auf diesem Computer ändern',
    member: 'Nur diese Person kann dies ändern',
    nobody: 'Dies lässt sich nicht ändern',
  },
  where: (place) => `Wo: ${place}`,
  optionLabel: 'LinkedIn-Features anzeigen',
  optionLockedOn: 'Durch eine Richtlinie auf diesem Computer aktiviert.',
  optionLockedOff: 'Durch eine Richtlinie auf diesem Computer deaktiviert.',
  role: {
    from: 'Von',
    onBehalfOf: 'Gesendet von (im Auftrag des Absenders)',
    to: 'An',
    cc: 'Cc',
    organizer: 'Organisator',
    required: 'Erforderlich',
    optional: 'Optional',
  },
  settingsTitle: 'Einstellungen',
  adminDetails: 'Details für Ihren Administrator kopieren',
  adminDetailsNote:
    'Ein Link, der Ihrem Administrator in der Workbench des Add-Ins zeigt, was Sie hier sehen und warum. Er enthält Ihre Einstellungen und die LinkedIn-Regeln Ihrer Organisation, aber nichts Persönliches: keine Namen, Adressen oder IDs.',
  adminDetailsCopied: 'Kopiert. Senden Sie den Link unten an Ihren Administrator.',
  adminDetailsNotCopied: 'Dieser Bereich konnte ihn nicht kopieren: Markieren Sie den Link unten und kopieren Sie ihn.',
  adminDetailsLabel: 'Details für Ihren Administrator',
  clearCache: 'Zwischengespeicherte LinkedIn-Daten löschen',
  refresh: 'Aktualisieren',
  refreshLabel: 'Die ausgewählte E-Mail oder Besprechung erneut lesen',
  cacheNote: (people, max) =>
    people === 0
      ? `Auf diesem Gerät ist derzeit nichts von LinkedIn gespeichert. Was das Add-In speichert, bleibt bis zu ${n(24)} Stunden gespeichert, zu höchstens ${n(max)} Personen, und nie zu Personen, die ihr Profil verbergen.`
      : `Auf diesem Gerät werden LinkedIn-Informationen zu ${plural('de-DE', people, { one: '{n} Person', other: '{n} Personen' })} gespeichert, jeweils bis zu ${n(24)} Stunden (höchstens ${n(max)} Personen). Zu Personen, die ihr Profil verbergen, wird nichts gespeichert.`,
  cacheNoteInPane: (people) =>
    people === 0
      ? 'Derzeit wird nichts von LinkedIn behalten. Was dieser Bereich anzeigt, wird nur in ihm behalten, bis Sie ihn schließen; auf diesem Gerät wird nichts gespeichert.'
      : `LinkedIn-Informationen zu ${plural('de-DE', people, { one: '{n} Person', other: '{n} Personen' })} werden nur in diesem Bereich behalten, bis Sie ihn schließen; auf diesem Gerät wird nichts gespeichert.`,
  cleared: (people) =>
    `Gelöscht: LinkedIn-Informationen zu ${plural('de-DE', people, { one: '{n} Person', other: '{n} Personen' })} wurden von diesem Gerät entfernt.`,
};

export const card: LocaleStrings['card'] = {
  loading: 'LinkedIn-Profil wird geladen…',
  loadingConnected: 'LinkedIn-Einblicke werden geladen…',
  noMatch: 'Für diese Adresse wurde kein LinkedIn-Profil gefunden.',
  unavailable: 'Das LinkedIn-Profil dieser Person kann von hier aus nicht abgerufen werden.',
  insightsUnavailable: 'Verbundene Einblicke zu dieser Person können von hier aus nicht abgerufen werden.',
  suggestionsUnavailable: 'Personen, mit denen Sie arbeiten, können von hier aus nicht abgerufen werden.',
  hidden: 'Das LinkedIn-Profil dieser Person ist in Microsoft-Apps nicht verfügbar.',
  viewOnLinkedIn: 'Auf LinkedIn anzeigen',
  searchLinkedIn: (name) => `LinkedIn nach ${name} durchsuchen`,
  searchNote:
    'Öffnet die Personensuche von LinkedIn in Ihrem Browser mit diesem Namen: Die Suche findet auf LinkedIn statt, zu den Bedingungen von LinkedIn.',
  connectOnLinkedIn: 'Auf LinkedIn vernetzen',
  alreadyConnection: 'Sie sind auf LinkedIn miteinander vernetzt',
  mutualTitle: 'Gemeinsame Kontakte',
  mutualCount: (count) => plural('de-DE', count, { one: '{n} gemeinsamer Kontakt', other: '{n} gemeinsame Kontakte' }),
  noMutual: 'Keine gemeinsamen Kontakte',
  historyTitle: 'Gemeinsame Arbeitgeber und Bildungseinrichtungen',
  historyKind: { employer: 'Tätig bei', school: 'Studium an' },
  noHistory: 'Keine gemeinsamen Arbeitgeber oder Bildungseinrichtungen',
  activityTitle: 'Letzte Aktivitäten',
  noActivity: 'Keine aktuellen Aktivitäten',
  retry: 'Erneut versuchen',
  suggestionsTitle: 'Personen auf LinkedIn, mit denen Sie arbeiten',
  suggestionsSends: 'Sendet die Adressen in diesem Element an LinkedIn (Sie haben das Teilen in beide Richtungen gewählt).',
  suggestionsShow: 'Personen anzeigen, mit denen Sie arbeiten',
  suggestionsNone: 'Keine der Personen in diesem Element ist auf LinkedIn.',
  error: {
    offline: 'Sie sind anscheinend offline.',
    timeout: 'Der LinkedIn-Kartendienst hat zu lange nicht geantwortet.',
    unauthorized: 'Das Add-In konnte sich nicht beim LinkedIn-Kartendienst anmelden.',
    forbidden:
      'Der LinkedIn-Kartendienst hat den Zugriff für Ihr Konto verweigert. Ein erneuter Versuch hilft nicht; Ihr Administrator kann den Zugriff des Add-Ins prüfen.',
    notFound: 'Der LinkedIn-Kartendienst hat keine Informationen zu dieser Person.',
    throttled: 'Der LinkedIn-Kartendienst ist ausgelastet.',
    server: 'Beim LinkedIn-Kartendienst ist ein Problem aufgetreten.',
    invalidPayload: 'Der LinkedIn-Kartendienst hat eine unerwartete Antwort gesendet.',
    linkedInUnavailable: 'LinkedIn hat dem LinkedIn-Kartendienst nicht rechtzeitig geantwortet.',
  },
  refusedBy: 'Der LinkedIn-Kartendienst hat abgelehnt:',
  refusedByPolicyFile: {
    'policy-file-invalid': {
      message:
        'Die Richtliniendatei Ihrer Organisation ist ungültig. Deshalb bleiben LinkedIn-Features deaktiviert, bis Ihr Administrator sie korrigiert.',
      where: 'Die Richtliniendatei des Add-Ins (linkedin-policy.json); /readyz des Dienstes nennt das Problem',
    },
    'policy-file-unreadable': {
      message:
        'Er kann die Richtliniendatei Ihrer Organisation nicht lesen. Deshalb bleiben LinkedIn-Features deaktiviert, bis Ihr Administrator das behebt.',
      where: 'Die Richtliniendatei des Add-Ins (linkedin-policy.json) und die Einstellung POLICY_FILE des Dienstes',
    },
  },
  reconnect: 'LinkedIn akzeptiert Ihre Verbindung nicht mehr. Verbinden Sie LinkedIn erneut, um Einblicke zu sehen.',
  reconnectInSettings:
    'Verbinden Sie LinkedIn erneut, um Einblicke zu sehen: Trennen Sie die Verbindung unten unter „Einstellungen“, und verbinden Sie sich dann neu.',
  retryAfter: (seconds) =>
    plural('de-DE', seconds, {
      one: 'Sie können es in {n} Sekunde erneut versuchen.',
      other: 'Sie können es in {n} Sekunden erneut versuchen.',
    }),
  retryNow: 'Sie können es jetzt erneut versuchen.',
};

import { formatNumber, plural } from '../format';
import type { LocaleStrings } from '../en/types';

/** The Today view in German. */
export const today: LocaleStrings['today'] = {
  tabsLabel: 'Was der Bereich zeigt',
  tabItem: 'Dieses Element',
  tabToday: 'Heute',
  heading: (date) => `Heute, ${date}`,
  loading: 'Der heutige Kalender wird gelesen…',
  empty: 'Heute steht nichts in Ihrem Kalender.',
  nothingMore: 'Heute steht nichts mehr in Ihrem Kalender.',
  upcoming: 'Anstehende Besprechungen',
  earlierList: 'Beendete Besprechungen',
  earlier: (count) => plural('de-DE', count, { one: 'Früher am Tag ({n} Besprechung)', other: 'Früher am Tag ({n} Besprechungen)' }),
  now: 'Jetzt',
  next: 'Als Nächstes',
  allDay: 'Ganztägig',
  time: (from, to) => `${from}–${to}`,
  fromYesterday: 'seit gestern',
  untilTomorrow: 'endet morgen',
  online: 'Onlinebesprechung',
  noSubject: '(Kein Betreff)',
  cancelled: 'Abgesagt',
  declined: 'Abgelehnt',
  notListed: 'Niemand darin wird angezeigt oder nachgeschlagen.',
  external: 'Extern',
  noOneElse: 'An dieser Besprechung nimmt sonst niemand teil.',
  peopleOn: (subject) => `Personen in „${subject}“`,
  showAll: (count) => `Alle ${formatNumber('de-DE', count)} anzeigen`,
  loadingProfile: 'Wird nachgeschlagen…',
  noProfile: 'Kein LinkedIn-Profil gefunden',
  searchNote:
    '„LinkedIn nach … durchsuchen“ öffnet die Personensuche von LinkedIn in Ihrem Browser mit dem Namen dieser Person: Die Suche findet auf LinkedIn statt, zu den Bedingungen von LinkedIn.',
  back: 'Zurück zu „Heute“',
  refusedTitle: '„Heute“ ist für Sie nicht verfügbar',
  shareBothWays: 'Daten in beide Richtungen teilen',
  shareBothWaysDetail:
    'Sie melden sich erneut bei LinkedIn an und wählen das Teilen in beide Richtungen. „Heute“ sendet dann die Personen in Ihrem Kalender an LinkedIn, um ihre Profile anzuzeigen.',
  connectFirst: 'Verbinden Sie Ihr LinkedIn-Konto und wählen Sie das Teilen von Daten in beide Richtungen:',
  connectionLimit: {
    unconfirmed: '„Heute“ wartet, bis der LinkedIn-Kartendienst Ihre LinkedIn-Verbindung bestätigt hat.',
    expired: 'Der LinkedIn-Kartendienst akzeptiert Ihre LinkedIn-Verbindung nicht mehr. Verbinden Sie sich erneut, um „Heute“ zu nutzen.',
  },
  unavailable:
    'In dieser Outlook-Version kann sich das Add-In nicht bei Microsoft 365 anmelden. Deshalb kann „Heute“ Ihren Kalender hier nicht lesen. Der Rest des Add-Ins funktioniert wie bisher.',
  notGrantedTitle: 'Ihr Administrator hat dem Add-In das Lesen Ihres Kalenders nicht erlaubt',
  notGranted:
    '„Heute“ liest die grundlegenden Angaben der heutigen Besprechungen (die Microsoft Graph-Berechtigung Calendars.ReadBasic: keine Inhalte, keine Anlagen), die Ihr Microsoft 365-Administrator für alle in Ihrer Organisation erteilt. Alles andere im Add-In funktioniert wie bisher.',
  notGrantedWhere:
    'Microsoft Entra Admin Center › App-Registrierungen › die App des Add-Ins › API-Berechtigungen › Calendars.ReadBasic › Administratorzustimmung erteilen',
  errorTitle: '„Heute“ konnte Ihren Kalender nicht lesen',
  error: {
    offline: 'Sie sind anscheinend offline.',
    timeout: 'Microsoft 365 hat zu lange nicht geantwortet.',
    unauthorized: 'Das Add-In konnte sich nicht bei Microsoft 365 anmelden, um Ihren Kalender zu lesen.',
    forbidden: 'Microsoft 365 hat dem Add-In Ihren Kalender nicht gezeigt.',
    notFound: 'Microsoft 365 hat keinen Kalender für Sie gefunden.',
    throttled: 'Microsoft 365 ist ausgelastet.',
    server: 'Microsoft 365 hatte ein Problem beim Lesen Ihres Kalenders.',
    invalidPayload: 'Microsoft 365 hat eine unerwartete Antwort gesendet.',
    linkedInUnavailable: 'Microsoft 365 hat nicht rechtzeitig geantwortet.',
  },
  kept: '„Heute“: Ihr Kalender wird nur gelesen, während Sie „Heute“ verwenden, nur im Speicher dieses Bereichs gehalten und am Ende des Tages vergessen. LinkedIn-Informationen zu den Personen darin bleiben höchstens bis zum Ende des Tages auf diesem Gerät. Der LinkedIn-Kartendienst speichert nichts aus Ihrem Kalender.',
};

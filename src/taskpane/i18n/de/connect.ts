import { formatNumber, plural } from '../format';
import type { LocaleStrings } from '../en/types';
import { dialogText, type DialogTexts } from '../dialogProblem';

export const connect: LocaleStrings['connect'] = {
  open: 'Ihr LinkedIn-Konto verbinden',
  title: 'Ihr LinkedIn-Konto verbinden',
  intro: 'Sehen Sie auf den Karten gemeinsame Kontakte, gemeinsamen Werdegang und aktuelle Aktivitäten. Wählen Sie, was geteilt wird:',
  twoWay: 'Daten in beide Richtungen teilen',
  twoWayDetail:
    'LinkedIn stellt Microsoft Ihr Profil, Ihre Interessen, Abonnements und Kontakte 1. Grades bereit. Microsoft stellt LinkedIn Ihr Profil (Name, Foto, E-Mail-Adresse, Vorgesetzte, direkt unterstellte Mitarbeitende), Ihren Kalender (Zeiten, Orte und Teilnehmende – keine Betreffzeilen oder Tagesordnungen), Ihre Interessen, Abonnements und Kontakte bereit. LinkedIn behält importierte Kontakte, bis Sie sie dort löschen.',
  inbound: 'Nur von LinkedIn zu Microsoft',
  inboundDetail:
    'LinkedIn stellt Microsoft Ihr Profil, Ihre Interessen, Abonnements und Kontakte 1. Grades bereit. Aus Ihrem Arbeitskonto geht nichts an LinkedIn.',
  privacy: 'Datenschutzbestimmungen:',
  linkedInPrivacy: 'LinkedIn',
  microsoftPrivacy: 'Microsoft',
  continue: 'Weiter zu LinkedIn',
  cancel: 'Abbrechen',
  connecting: 'Warten auf die Anmeldung bei LinkedIn…',
  connectedTitle: 'Mit LinkedIn verbunden',
  status: (consent, since) =>
    `Verbunden – ${consent === 'twoWay' ? 'Daten werden in beide Richtungen geteilt' : 'nur von LinkedIn zu Microsoft'} – seit ${since}`,
  statusUnconfirmed: (consent, since) =>
    `Verbunden seit ${since} (${consent === 'twoWay' ? 'Daten werden in beide Richtungen geteilt' : 'nur von LinkedIn zu Microsoft'}), vom LinkedIn-Dienst noch nicht bestätigt`,
  statusExpired: (consent, since) =>
    `Verbunden seit ${since} (${consent === 'twoWay' ? 'Daten werden in beide Richtungen geteilt' : 'nur von LinkedIn zu Microsoft'}), aber der LinkedIn-Dienst akzeptiert die Verbindung nicht mehr: neu verbinden oder trennen`,
  notConnected: 'Nicht mit LinkedIn verbunden',
  disconnect: 'Trennen',
  disconnectConfirm:
    'Verbindung mit Ihrem LinkedIn-Konto trennen? Das Add-In widerruft die Verbindung und entfernt Ihre gespeicherte Auswahl sowie die LinkedIn-Informationen, die es auf diesem Gerät speichert.',
  disconnectYes: 'Trennen',
  disconnectNo: 'Verbunden bleiben',
  disconnecting: 'Verbindung wird getrennt…',
  disconnected: 'Die Verbindung mit Ihrem LinkedIn-Konto ist getrennt.',
  removedKept: (people) =>
    people === 0
      ? 'Das Add-In hat Ihre gespeicherte Auswahl entfernt; auf diesem Gerät hatte es keine LinkedIn-Informationen gespeichert.'
      : `Das Add-In hat Ihre gespeicherte Auswahl entfernt, ebenso die LinkedIn-Informationen zu ${plural('de-DE', people, { one: '{n} Person', other: '{n} Personen' })}, die es auf diesem Gerät gespeichert hatte.`,
  keptInPane:
    'Öffentliche LinkedIn-Informationen, die der Bereich ab jetzt anzeigt, werden nur in diesem Bereich behalten, bis Sie ihn schließen; auf diesem Gerät wird nichts gespeichert.',
  remainsBoth: 'Entfernen Sie auch die Berechtigung auf der Microsoft-Seite (Meine Apps) und auf LinkedIn.',
  remainsLinkedIn: 'Entfernen Sie auch die Berechtigung auf LinkedIn.',
  myApps: 'Meine Apps',
  linkedInPermissions: 'LinkedIn-Einstellungen',
  contactsRemain: 'Bereits in LinkedIn importierte Kontakte bleiben dort, bis Sie sie auf LinkedIn löschen.',
  manageContacts: 'Importierte Kontakte verwalten',
  disconnectFailedService:
    'Der LinkedIn-Kartendienst konnte die Verbindung mit LinkedIn gerade nicht trennen; es wurde nichts geändert. Versuchen Sie es später erneut.',
  disconnectFailedSave:
    'Die Verbindung wurde entfernt, aber Outlook konnte die Änderung nicht speichern. Sie wird beim nächsten Start des Add-Ins gelöscht.',
  disconnectFailedDevice:
    'Ihr LinkedIn-Konto ist getrennt, aber der Speicher dieses Geräts konnte nicht geleert werden. Verwenden Sie „Zwischengespeicherte LinkedIn-Daten löschen“ oder löschen Sie die Websitedaten dieser Seite in Ihrem Browser.',
  noDialogOrigin:
    'Das Verbinden mit LinkedIn ist in dieser Outlook-Version nicht verfügbar: Sie kann nicht bestätigen, woher die Anmeldeantwort kommt. Aktualisieren Sie Outlook, um eine Verbindung herzustellen.',
  removedOnService: 'Ihre LinkedIn-Verbindung wurde entfernt.',
  expired:
    'Ihre LinkedIn-Anmeldung ist abgelaufen: LinkedIn beendet sie nach 60 Tagen. Bis Sie sich erneut verbinden, werden nur öffentliche Informationen angezeigt.',
  disconnectFailedLimit:
    'Der LinkedIn-Kartendienst ist ausgelastet. Versuchen Sie es später erneut. Es wurde nichts geändert: Ihr Konto ist weiterhin verbunden.',
  reconnect:
    'Verbinden Sie LinkedIn erneut: Der LinkedIn-Dienst akzeptiert Ihre Verbindung nicht mehr. Verbinden Sie Ihr Konto noch einmal, um Einblicke mit verbundenem Konto zu sehen.',
  reconnectAction: 'LinkedIn erneut verbinden',
  statusUnknown: 'Ihre LinkedIn-Verbindung konnte nicht überprüft werden. Deshalb werden vorerst nur öffentliche Informationen angezeigt.',
  failure: (failure) => {
    switch (failure.reason) {
      case 'cancelled':
        return 'Nicht verbunden: Die Anmeldung wurde abgebrochen.';
      case 'signInFailed':
        return 'Nicht verbunden: LinkedIn konnte Sie nicht anmelden.';
      case 'timedOut':
        return 'Nicht verbunden: Die Anmeldung hat zu lange gedauert. Versuchen Sie es erneut.';
      case 'inProgress':
        return 'Eine Anmeldung ist bereits geöffnet.';
      case 'dialog':
        return dialogText(dialogTexts, failure.code);
      case 'service':
        return failure.kind === 'throttled'
          ? 'Nicht verbunden: Der LinkedIn-Kartendienst ist ausgelastet. Versuchen Sie es später erneut.'
          : 'Nicht verbunden: Der LinkedIn-Kartendienst konnte die Verbindung nicht herstellen. Versuchen Sie es später erneut.';
      case 'notConfirmed':
        return 'Nicht verbunden: Der LinkedIn-Dienst hat Ihre Auswahl nicht bestätigt.';
      case 'saveFailed':
        return failure.code === 9057
          ? `Nicht verbunden: Die Outlook-Einstellungen für Add-Ins sind voll (über ${formatNumber('de-DE', 32)} KB).`
          : 'Nicht verbunden: Outlook konnte Ihre Auswahl nicht speichern.';
    }
  },
};

const dialogTexts: DialogTexts = {
  alreadyOpen: 'Ein Anmeldefenster ist bereits geöffnet.',
  popupBlocked:
    'Nicht verbunden: Ihr Browser hat das Anmeldefenster blockiert. Lassen Sie Pop-ups für Outlook zu, und versuchen Sie es erneut.',
  dismissed: 'Nicht verbunden: Das Anmeldefenster wurde geschlossen.',
  pageNotAllowed: 'Nicht verbunden: Die Anmeldeseite ist nicht zulässig (sie muss unter der eigenen HTTPS-Adresse des Add-Ins liegen).',
  pageNotLoaded: 'Nicht verbunden: Die Anmeldeseite konnte nicht geladen werden.',
  other: (code) => `Nicht verbunden: Das Anmeldefenster konnte nicht geöffnet werden (${code}).`,
};

import type { PolicyIssueText } from '../en/policyIssues';
import { formatNumber } from '../format';

const n = (value: number): string => formatNumber('de-DE', value);

const TYPE: Record<string, string> = {
  string: 'eine Zeichenfolge',
  array: 'eine Liste',
  object: 'ein Objekt',
  number: 'eine Zahl',
  boolean: 'true oder false',
};

/** German: the file's values and field names stay as written (they are JSON), the sentence around them is German. */
export const policyIssue: PolicyIssueText = (issue) => {
  switch (issue.kind) {
    case 'notJson':
      return 'ist kein gültiges JSON';
    case 'unreadable':
      return 'konnte nicht gelesen werden';
    case 'unknownField':
      return 'ist kein bekanntes Feld';
    case 'notOneOf':
      return `muss einer dieser Werte sein: ${issue.options.map((option) => `"${option}"`).join(', ')}`;
    case 'wrongType':
      return `muss ${TYPE[issue.expected] ?? issue.expected} sein`;
    case 'format':
      return {
        mailboxGeo: 'muss ein Microsoft 365-Datenstandort aus 3 Buchstaben sein, z. B. "NAM" oder "EUR"',
        countryCode: 'muss ein Ländercode nach ISO 3166 aus 2 Buchstaben sein, z. B. "US" oder "DE"',
        groupId: 'muss die Objekt-ID einer Microsoft Entra-Gruppe sein (eine GUID)',
        userAddress: 'muss eine E-Mail-Adresse oder ein Benutzerprinzipalname sein',
      }[issue.format];
    case 'tooMany':
      return `darf höchstens ${n(issue.max)} Werte enthalten`;
    case 'tooLong':
      return `darf höchstens ${n(issue.max)} Zeichen lang sein`;
    case 'selectedNeedsGroup':
      return 'der Modus "selected" braucht eine selectedGroupId oder eine nicht leere Liste selectedUsers';
    case 'shape':
      return 'hat eine unerwartete Form';
  }
};

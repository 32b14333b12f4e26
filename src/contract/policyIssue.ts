import { WHOLE_FILE } from './issuePath';

/**
 * What is wrong with one field of the admin's policy file, as data: the pane says it in the user's language (the
 * field name as written in the file), the service logs it in English (describePolicyIssue), and the workbench can
 * write a file that has the same problem at the same field (Copy details for your admin).
 */
export type PolicyIssue =
  | { kind: 'notJson' }
  | { kind: 'unreadable' }
  | { kind: 'unknownField' }
  | { kind: 'notOneOf'; options: readonly string[] }
  | { kind: 'wrongType'; expected: string }
  | { kind: 'format'; format: PolicyFormat }
  | { kind: 'tooMany'; max: number }
  | { kind: 'tooLong'; max: number }
  | { kind: 'selectedNeedsGroup' }
  | { kind: 'shape' };

/** The fields whose values follow a pattern: each has its own sentence. */
export const POLICY_FORMATS = ['mailboxGeo', 'countryCode', 'groupId', 'userAddress'] as const;
export type PolicyFormat = (typeof POLICY_FORMATS)[number];

const FORMAT_TEXT: Record<PolicyFormat, string> = {
  mailboxGeo: 'must be a 3-letter Microsoft 365 data location such as "NAM" or "EUR"',
  countryCode: 'must be a 2-letter ISO 3166 country code such as "US" or "DE"',
  groupId: 'must be a Microsoft Entra group object id (a GUID)',
  userAddress: 'must be an e-mail address or user principal name',
};

/** The pattern check's message for a format: what the schema reports, and how the issue is recognised again. */
export function formatMessage(format: PolicyFormat): string {
  return FORMAT_TEXT[format];
}

export function formatOfMessage(message: string): PolicyFormat | undefined {
  return POLICY_FORMATS.find((format) => FORMAT_TEXT[format] === message);
}

const quoted = (options: readonly string[]): string => options.map((option) => `"${option}"`).join(', ');

/** The issue in English, as the service logs it and /readyz reports it (the pane's English says the same). */
export function describePolicyIssue(issue: PolicyIssue): string {
  switch (issue.kind) {
    case 'notJson':
      return 'is not valid JSON';
    case 'unreadable':
      return 'could not be read';
    case 'unknownField':
      return 'is not a known field';
    case 'notOneOf':
      return `must be one of ${quoted(issue.options)}`;
    case 'wrongType':
      return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    case 'format':
      return FORMAT_TEXT[issue.format];
    case 'tooMany':
      return `may list at most ${issue.max} values`;
    case 'tooLong':
      return `may be at most ${issue.max} characters long`;
    case 'selectedNeedsGroup':
      return 'mode "selected" needs a selectedGroupId or a non-empty selectedUsers list';
    case 'shape':
      return 'has an unexpected shape';
  }
}

/** The field "as written" for an issue about the whole file. */
export { WHOLE_FILE };

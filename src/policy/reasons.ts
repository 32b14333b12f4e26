import type { ChangeableBy, Reason, ReasonCode } from './types';

/** Every reason code, in the order the rules evaluate them (and the order a decision lists them). */
export const REASON_CODES: readonly ReasonCode[] = [
  'cloud-unavailable',
  'mailbox-geo-unavailable',
  'environment-unknown',
  'tenant-off',
  'tenant-default-off',
  'tenant-mode-unknown',
  'not-in-selected-group',
  'membership-unknown',
  'office-policy-off',
  'connected-experiences-off',
  'optional-connected-experiences-off',
  'user-option-off',
  'not-connected',
  'inbound-only',
  'member-hidden',
];

const ENTRA = 'Microsoft Entra admin center › User settings › LinkedIn account connections';
const GROUP_POLICY = 'Group Policy › User Configuration › Administrative Templates › Microsoft Office 2016 › Miscellaneous';
const PRIVACY_POLICY = 'Group Policy › User Configuration › Administrative Templates › Microsoft Office 2016 › Privacy › Trust Center';

/** The text of each reason, who can change it and where. All user-visible policy text lives here. */
const REASONS: Record<ReasonCode, Omit<Reason, 'code'>> = {
  'cloud-unavailable': {
    changeableBy: 'nobody',
    message: "LinkedIn features aren't available in your organization's Microsoft cloud.",
  },
  'mailbox-geo-unavailable': {
    changeableBy: 'nobody',
    message: "LinkedIn features aren't available for mailboxes stored in your organization's data location.",
  },
  'environment-unknown': {
    changeableBy: 'nobody',
    message: "The add-in couldn't confirm that LinkedIn features are available for your organization, so they're off.",
  },
  'tenant-off': {
    changeableBy: 'admin',
    message: 'Your organization has turned off LinkedIn account connections.',
    where: ENTRA,
  },
  'tenant-default-off': {
    changeableBy: 'admin',
    message: 'LinkedIn account connections are off by default for organizations in your country, and your admin has not turned them on.',
    where: ENTRA,
  },
  'tenant-mode-unknown': {
    changeableBy: 'admin',
    message: "Your organization's LinkedIn setting isn't known yet, so LinkedIn features stay off until your admin sets it.",
    where: ENTRA,
  },
  'not-in-selected-group': {
    changeableBy: 'admin',
    message: 'Your organization allows LinkedIn features only for a selected group, and you are not in it.',
    where: ENTRA,
  },
  'membership-unknown': {
    changeableBy: 'admin',
    message: "Your organization allows LinkedIn features only for a selected group, and the add-in couldn't check that you're in it.",
    where: ENTRA,
  },
  'office-policy-off': {
    changeableBy: 'deviceAdmin',
    message: 'A policy on this computer turns off LinkedIn features in Office.',
    where: `${GROUP_POLICY} › Show LinkedIn features in Office applications`,
  },
  'connected-experiences-off': {
    changeableBy: 'deviceAdmin',
    message: 'A policy on this computer turns off connected experiences in Office, which LinkedIn features need.',
    where: `${PRIVACY_POLICY} › Allow the use of connected experiences in Office`,
  },
  'optional-connected-experiences-off': {
    changeableBy: 'deviceAdmin',
    message: 'A policy on this computer turns off optional connected experiences in Office, which include LinkedIn features.',
    where: `${PRIVACY_POLICY} › Allow the use of additional optional connected experiences in Office`,
  },
  'user-option-off': {
    changeableBy: 'user',
    message: 'You turned off "Show LinkedIn features" on this device.',
    where: 'This add-in › Show LinkedIn features',
  },
  'not-connected': {
    changeableBy: 'user',
    message: 'You see public LinkedIn information only, because you haven’t connected your LinkedIn account.',
    where: 'This add-in › Connect your LinkedIn account',
  },
  'inbound-only': {
    changeableBy: 'user',
    message: 'You chose to share from LinkedIn to Microsoft only, so nothing from your work account is sent to LinkedIn.',
    where: 'This add-in › Disconnect, then connect again and choose to share both ways',
  },
  'member-hidden': {
    changeableBy: 'member',
    message: "This person's LinkedIn profile isn't available in Microsoft apps.",
    where: 'Their LinkedIn settings › Visibility › Microsoft applications',
  },
};

export function reason(code: ReasonCode): Reason {
  return { code, ...REASONS[code] };
}

export function changeableByOf(code: ReasonCode): ChangeableBy {
  return REASONS[code].changeableBy;
}

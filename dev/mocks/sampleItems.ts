import { crowdMembers } from '../../server/sources/fixtures/crowd';
import { WORKBENCH_VIEWER } from '../../server/sources/fixtures/viewer';
import type { CurrentUser, ItemPerson, ItemSnapshot } from '../../src/office';

/** The signed-in user of the simulated mailbox. */
export const SAMPLE_VIEWER: CurrentUser = { ...WORKBENCH_VIEWER };

export interface SampleItem extends ItemSnapshot {
  /** One line for the message list. */
  preview: string;
  received: string;
  body: string;
}

const p = (displayName: string, address: string, role: ItemPerson['role']): ItemPerson => ({ displayName, address, role });
const me = (role: ItemPerson['role']): ItemPerson => p(SAMPLE_VIEWER.displayName, SAMPLE_VIEWER.address, role);

/** A deterministic crowd of recipients for the "many recipients" samples (the same people the fixtures know). */
export function crowd(count: number, domain = 'contoso.com', role: ItemPerson['role'] = 'to'): ItemPerson[] {
  return crowdMembers(count, domain).map((member) => p(member.displayName, member.address, role));
}

export const SAMPLE_ITEMS: SampleItem[] = [
  {
    key: 'external-sender',
    kind: 'message',
    subject: 'Partnership proposal for Q1',
    preview: 'Following up on our call, here is the proposal…',
    received: 'Today 09:12',
    body: 'Hi Megan,\n\nFollowing up on our call, here is the proposal we discussed. Happy to walk your team through it.\n\nBest,\nAiko',
    people: [p('Aiko Tanaka', 'aiko.tanaka@fabrikam.com', 'from'), me('to'), p('Alex Wilber', 'alex.wilber@contoso.com', 'cc')],
  },
  {
    key: 'internal-sender',
    kind: 'message',
    subject: 'Budget review moved to Thursday',
    preview: 'The budget review is moving to Thursday 2 pm…',
    received: 'Today 08:40',
    body: 'Team,\n\nThe budget review is moving to Thursday 2 pm. Same room.\n\nAlex',
    people: [p('Alex Wilber', 'alex.wilber@contoso.com', 'from'), me('to'), p('Diego Siciliani', 'diego.siciliani@contoso.com', 'to')],
  },
  {
    key: 'many-recipients',
    kind: 'message',
    subject: 'Industry roundtable: attendee list',
    preview: 'Thanks to all 45 of you for joining the roundtable…',
    received: 'Yesterday',
    body: 'Thanks to all of you for joining the roundtable. The attendee list is in the To line so you can connect.',
    people: [p('Priya Raman', 'priya.raman@adatum.com', 'from'), me('to'), ...crowd(40, 'adatum.com'), ...crowd(4, 'fabrikam.com', 'cc')],
  },
  {
    key: 'meeting',
    kind: 'appointment',
    subject: 'Design sync with Fabrikam',
    preview: 'Meeting · Friday 10:00–11:00',
    received: 'Friday 10:00',
    body: 'Agenda: walk through the new onboarding flow.',
    people: [
      p('Isaiah Langer', 'isaiah.langer@fabrikam.com', 'organizer'),
      me('required'),
      p('Aiko Tanaka', 'aiko.tanaka@fabrikam.com', 'required'),
      p('Alex Wilber', 'alex.wilber@contoso.com', 'required'),
      p('Johanna Lorenz-Schmidt-Bergmann', 'johanna.lorenz-schmidt-bergmann@northwind.de', 'optional'),
    ],
  },
  {
    key: 'unknown-sender',
    kind: 'message',
    subject: 'Your invoice is ready',
    preview: 'Invoice #20931 is attached…',
    received: 'Monday',
    body: 'Invoice #20931 is attached. This mailbox is not monitored.',
    people: [p('Billing', 'billing@unknown-startup.io', 'from'), me('to')],
  },
  {
    key: 'hidden-member',
    kind: 'message',
    subject: 'Re: Conference speaker slot',
    preview: 'Happy to take the afternoon slot…',
    received: 'Monday',
    body: 'Happy to take the afternoon slot. Slides by Friday.\n\nRafael',
    people: [p('Rafael Ortiz', 'rafael.ortiz@northwind.com', 'from'), me('to')],
  },
  {
    key: 'on-behalf-rtl',
    kind: 'message',
    subject: 'زيارة الفريق الأسبوع القادم',
    preview: 'Sent on behalf of Layla Haddad…',
    received: 'Last week',
    body: 'مرحبا ميغان، نتطلع إلى زيارتكم الأسبوع القادم.',
    people: [p('ليلى حداد', 'layla.haddad@tailspin.ae', 'from'), p('Omar Assistant', 'omar.assistant@tailspin.ae', 'onBehalfOf'), me('to')],
  },
  {
    key: 'all-company',
    kind: 'message',
    subject: 'All-company: holiday schedule',
    preview: 'Sent to 500 people…',
    received: 'Last week',
    body: 'The holiday schedule for December is attached.',
    people: [p('Diego Siciliani', 'diego.siciliani@contoso.com', 'from'), me('to'), ...crowd(499, 'contoso.com')],
  },
];

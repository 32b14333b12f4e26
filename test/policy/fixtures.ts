import type { AccessInput } from '../../src/policy';

/** A worldwide tenant with LinkedIn on, a web user with the option on, not connected, viewing a visible member. */
export const BASE: AccessInput = {
  cloud: 'worldwide',
  mailboxGeo: 'NAM',
  tenantCountry: 'US',
  tenantMode: 'yes',
  membership: 'member',
  platform: 'web',
  officePolicy: {
    showLinkedInFeatures: 'notConfigured',
    connectedExperiences: 'notConfigured',
    optionalConnectedExperiences: 'notConfigured',
  },
  userOption: true,
  consent: 'none',
  memberVisibility: 'visible',
};

export type InputPatch = Partial<Omit<AccessInput, 'officePolicy'>> & { officePolicy?: Partial<AccessInput['officePolicy']> };

export function input(patch: InputPatch = {}): AccessInput {
  return { ...BASE, ...patch, officePolicy: { ...BASE.officePolicy, ...patch.officePolicy } };
}

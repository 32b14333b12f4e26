import type { Cloud } from './vocabulary';

/**
 * Where LinkedIn features are not offered: the US Government and sovereign clouds, and mailboxes hosted in the
 * data locations of the 2018 rollout list. Data, not code: the admin's policy file can replace either list.
 */
export const DEFAULT_AVAILABILITY: { readonly excludedClouds: readonly Cloud[]; readonly excludedMailboxGeos: readonly string[] } = {
  excludedClouds: ['gcc', 'gccHigh', 'dod', 'china', 'germany'],
  excludedMailboxGeos: ['AUS', 'CAN', 'CHN', 'FRA', 'DEU', 'IND', 'KOR', 'GBR', 'JPN', 'ZAF'],
};

/** Tenants provisioned in these countries have LinkedIn account connections off until an admin turns them on. */
export const DEFAULT_OFF_COUNTRIES: readonly string[] = ['DE', 'FR'];

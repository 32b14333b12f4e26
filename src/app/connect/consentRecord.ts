import * as z from '../../contract/zod';
import type { RoamingSettings } from '../../office';
import type { Consent } from '../viewer';

/** The roaming setting that holds the user's LinkedIn consent: no token, no profile data, well under 1 KB. */
export const CONSENT_SETTING = 'linkedin.consent';
export const CONSENT_RECORD_VERSION = 1;

const recordSchema = z.strictObject({
  consent: z.enum(['linkedInToMicrosoft', 'twoWay']),
  connectedAt: z.string().check(
    z.maxLength(40),
    z.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'must be a date' }),
  ),
  version: z.literal(CONSENT_RECORD_VERSION),
});
export type ConsentRecord = z.output<typeof recordSchema>;

/** The consent a record stands for before the service is asked: the record's, none, or unknown (fail closed). */
export function consentOfRecord(record: ConsentRecord | 'none' | 'unknown'): Consent {
  return record === 'none' ? 'none' : record === 'unknown' ? 'unknown' : record.consent;
}

/** The record, 'none' when there is none, or 'unknown' when what is stored is not a record this version understands. */
export function readConsentRecord(settings: RoamingSettings): ConsentRecord | 'none' | 'unknown' {
  const raw = settings.get(CONSENT_SETTING);
  if (raw === undefined || raw === null) return 'none';
  const parsed = recordSchema.safeParse(raw);
  return parsed.success ? parsed.data : 'unknown';
}

/** Writes and saves the record; throws (leaving the saved state as it was) when Outlook refuses the save. */
export async function saveConsentRecord(settings: RoamingSettings, record: ConsentRecord): Promise<void> {
  const previous = settings.get(CONSENT_SETTING);
  if (JSON.stringify(record).length > 1024) throw new Error('The consent record must stay under 1 KB.');
  settings.set(CONSENT_SETTING, record);
  try {
    await settings.save();
  } catch (error) {
    // Nothing half-written: the in-memory settings go back to what is saved.
    if (previous === undefined) settings.remove(CONSENT_SETTING);
    else settings.set(CONSENT_SETTING, previous);
    throw error;
  }
}

/** Removes and saves; throws when Outlook refuses, restoring the in-memory value. */
export async function removeConsentRecord(settings: RoamingSettings): Promise<void> {
  const previous = settings.get(CONSENT_SETTING);
  if (previous === undefined) return;
  settings.remove(CONSENT_SETTING);
  try {
    await settings.save();
  } catch (error) {
    settings.set(CONSENT_SETTING, previous);
    throw error;
  }
}

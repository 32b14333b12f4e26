import type { ServiceConfig } from '../config';
import type { LinkedInClient } from '../linkedin/client';
import { createFixturesSource } from './fixtures';
import { createLinkedInSource } from './linkedin';
import type { ProfileSource } from './types';

/** The configured profile source; `linkedin` asks through the service's LinkedIn client (server/plugins/linkedIn.ts). */
export function createProfileSource(config: Pick<ServiceConfig, 'profileSource'>, linkedIn: LinkedInClient | undefined): ProfileSource {
  switch (config.profileSource) {
    case 'fixtures':
      return createFixturesSource();
    case 'linkedin':
      if (!linkedIn) throw new Error('PROFILE_SOURCE=linkedin needs the LINKEDIN_* sign-in variables');
      return createLinkedInSource(linkedIn);
  }
}

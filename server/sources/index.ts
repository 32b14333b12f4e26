import type { ServiceConfig } from '../config';
import { createLinkedInClient } from '../linkedin/client';
import { createFixturesSource } from './fixtures';
import { createLinkedInSource } from './linkedin';
import type { ProfileSource } from './types';

/** The configured profile source. `linkedin` is added by the LinkedIn sign-in module (server/linkedin/). */
export function createProfileSource(config: ServiceConfig): ProfileSource {
  switch (config.profileSource) {
    case 'fixtures':
      return createFixturesSource();
    case 'linkedin':
      if (!config.linkedin) throw new Error('PROFILE_SOURCE=linkedin needs the LINKEDIN_* sign-in variables');
      return createLinkedInSource(createLinkedInClient(config.linkedin));
  }
}

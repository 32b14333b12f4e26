import type { ServiceConfig } from '../config';
import { createFixturesSource } from './fixtures';
import type { ProfileSource } from './types';

/** The configured profile source. `linkedin` is added by the LinkedIn sign-in module (server/linkedin/). */
export function createProfileSource(config: ServiceConfig): ProfileSource {
  switch (config.profileSource) {
    case 'fixtures':
      return createFixturesSource();
    case 'linkedin':
      throw new Error('PROFILE_SOURCE=linkedin is not available in this build');
  }
}

import fp from 'fastify-plugin';
import type { ServiceConfig } from '../config';
import { createProfileSource } from '../sources';
import type { ProfileSource } from '../sources/types';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where profiles come from (PROFILE_SOURCE): asked only once the rules allow the call. */
    profileSource: ProfileSource;
  }
}

export interface ProfileSourcePluginOptions {
  config: Pick<ServiceConfig, 'profileSource'>;
  /** Another source than the configured one (tests, the workbench). */
  source?: ProfileSource | undefined;
}

/** The configured source; the `linkedin` one asks LinkedIn through the service's one client. */
export const profileSourcePlugin = fp<ProfileSourcePluginOptions>(
  async (app, { config, source }) => {
    app.decorate('profileSource', source ?? createProfileSource(config, app.linkedIn));
  },
  { name: 'profile-source', dependencies: ['linkedin'] },
);

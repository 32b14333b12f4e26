import fp from 'fastify-plugin';
import { createLinkedInClient, type LinkedInClient } from '../linkedin/client';
import type { LinkedInConfig } from '../linkedinConfig';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The service's one LinkedIn client (one key-set cache for LinkedIn's id_tokens): the sign-in, the revokes and the
     * `linkedin` profile source all ask LinkedIn through it. Undefined when LinkedIn sign-in is not configured.
     */
    linkedIn: LinkedInClient | undefined;
  }
}

export interface LinkedInPluginOptions {
  config: LinkedInConfig | undefined;
}

export const linkedInPlugin = fp<LinkedInPluginOptions>(
  async (app, { config }) => {
    app.decorate('linkedIn', config ? createLinkedInClient(config) : undefined);
  },
  { name: 'linkedin' },
);

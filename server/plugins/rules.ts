import fp from 'fastify-plugin';
import type { ServiceRules } from '../rules/serviceRules';

declare module 'fastify' {
  interface FastifyInstance {
    /** The rules every call is decided by (the policy file as it is now, the service's settings, the user's consent). */
    rules: ServiceRules;
  }
}

export const rulesPlugin = fp<{ rules: ServiceRules }>(
  async (app, { rules }) => {
    app.decorate('rules', rules);
  },
  { name: 'rules' },
);

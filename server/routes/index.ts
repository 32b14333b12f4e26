import type { FastifyPluginAsync } from 'fastify';
import { completeConnectionRoutes, signInPageRoutes } from '../linkedin/routes';
import { connectionRoutes } from './connection';
import { profileRoutes } from './profiles';

/**
 * Route modules (Fastify plugins), all under /api/v1; each reads what it needs from the service's decorators
 * (server/plugins/). AUTHENTICATED_ROUTES run behind the Entra token check and the per-user rate limit (use
 * `userOf(request)` for the tid+oid user); PUBLIC_ROUTES have neither (e.g. the sign-in dialog's pages, which carry
 * no bearer token). A new module: one line here.
 */
export const AUTHENTICATED_ROUTES: readonly FastifyPluginAsync[] = [connectionRoutes, completeConnectionRoutes, profileRoutes];
export const PUBLIC_ROUTES: readonly FastifyPluginAsync[] = [signInPageRoutes];

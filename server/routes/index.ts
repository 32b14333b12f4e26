import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from './context';
import { completeConnectionRoutes, signInPageRoutes } from '../linkedin/routes';
import { connectionRoutes } from './connection';
import { profileRoutes } from './profiles';

export type RouteModule = (app: FastifyInstance, context: ServiceContext) => Promise<void>;

/**
 * Route modules, all under /api/v1. AUTHENTICATED_ROUTES run behind the Entra token check and the per-user rate
 * limit (use `userOf(request)` for the tid+oid user); PUBLIC_ROUTES have neither (e.g. the sign-in dialog's pages,
 * which carry no bearer token). A new module: one line here.
 */
export const AUTHENTICATED_ROUTES: readonly RouteModule[] = [connectionRoutes, completeConnectionRoutes, profileRoutes];
export const PUBLIC_ROUTES: readonly RouteModule[] = [signInPageRoutes];

// Node's own timers (their handles can be unref'd), whatever the global ones are where the service is embedded.
import { clearInterval, setInterval } from 'node:timers';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { userOf } from '../auth/authenticate';
import type { ServiceConfig } from '../config';
import type { TokenCipher } from '../crypto/tokenCipher';
import { connectionStoreFor } from '../linkedin/connections';
import { createPendingSignIns, type PendingSignIns } from '../linkedin/pendingSignIns';
import { createLinkedInRevoker } from '../linkedin/revoke';
import type { Revoke } from '../linkedin/revocations';
import type { Metrics } from '../metrics';
import { connectionReadAhead } from '../store/connectionReadAhead';
import type { ConnectionStore, StoredConnection } from '../store/connections';
import type { RevocationQueue } from '../store/revocationQueue';

declare module 'fastify' {
  interface FastifyInstance {
    /** The connections, per Entra user: every write of one (connect, disconnect, expiry) goes through it. */
    connections: ConnectionStore;
    /**
     * A route's onRequest hook, after the scope's token check: starts reading the caller's connection, so it goes out
     * beside the rate limits' counts instead of after them (store/connectionReadAhead.ts). A route that has it reads
     * the caller's connection through `callerConnection`.
     */
    readCallerConnectionAhead: onRequestHookHandler;
    /** The authenticated caller's connection: the read this call's hook started, or a read now. */
    callerConnection: (request: FastifyRequest) => Promise<StoredConnection | undefined>;
    /** Sign-ins under way, in the database so any instance can answer any step. */
    pendingSignIns: PendingSignIns;
    /** Every LinkedIn token the service drops goes here to be revoked (linkedin/revocations.ts). */
    revocations: RevocationQueue;
    /** The service's token cipher (its keys; also its keyed pseudonyms). */
    tokenCipher: TokenCipher;
  }
}

export interface ConnectionStorePluginOptions {
  config: Pick<ServiceConfig, 'encryptionKeys' | 'linkedin'>;
  /** How LinkedIn is asked to revoke a token; default: its revoke endpoint, through the service's LinkedIn client. */
  revoke?: Revoke | undefined;
  /** How often revokes LinkedIn did not confirm are tried again (default 60 s; 0: never by itself, as tests drive it). */
  retryEveryMs?: number | undefined;
  metrics?: Metrics | undefined;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * What the service keeps of a user's LinkedIn connection, and of a sign-in under way, over the database: the stores,
 * the revocation queue their dropped tokens go to, and the jobs that keep them (revokes tried again until LinkedIn
 * confirms; abandoned sign-ins swept within a minute of their expiry, even with no new sign-in).
 */
export const connectionStorePlugin = fp<ConnectionStorePluginOptions>(
  async (app, options) => {
    const revoke = options.revoke ?? createLinkedInRevoker(app.linkedIn);
    const { cipher, revocations, connections } = connectionStoreFor(app.database, options.config, app.log, revoke);
    const pendingSignIns = createPendingSignIns(app.database.db, cipher, revocations);
    app.decorate('tokenCipher', cipher);
    app.decorate('revocations', revocations);
    app.decorate('connections', connections);
    const ahead = connectionReadAhead<FastifyRequest>((user) => connections.find(user));
    // A callback hook: it only starts the read (an async one costs every request a promise and a turn).
    app.decorate('readCallerConnectionAhead', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
      if (request.entraUser) ahead.start(request, request.entraUser);
      done();
    });
    app.decorate('callerConnection', (request: FastifyRequest) => ahead.take(request, userOf(request)));
    app.decorate('pendingSignIns', pendingSignIns);
    options.metrics?.gauge('linkedin_revocations_waiting', 'LinkedIn tokens dropped whose revoke LinkedIn has not confirmed yet.', () =>
      revocations.waiting(),
    );
    const retryEveryMs = options.retryEveryMs ?? 60_000;
    const stops: (() => void)[] = [];
    app.addHook('onReady', async () => {
      if (retryEveryMs > 0) stops.push(revocations.start(retryEveryMs));
      if (!app.linkedIn) return;
      const sweeper = setInterval(() => void pendingSignIns.sweep(new Date()).catch(() => undefined), SWEEP_EVERY_MS);
      sweeper.unref();
      stops.push(() => clearInterval(sweeper));
    });
    app.addHook('onClose', async () => {
      for (const stop of stops) stop();
    });
  },
  { name: 'connection-store', dependencies: ['database', 'linkedin'] },
);

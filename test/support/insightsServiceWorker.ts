import { parentPort, workerData } from 'node:worker_threads';
import { createDevApp, WORKBENCH_IDENTITY, type DevApp } from '../../dev/service/devApp';
import { createFixturesSource } from '../../server/sources/fixtures';
import { createLinkedInSource } from '../../server/sources/linkedin';
import type { ProfileSource } from '../../server/sources/types';
import { WORKBENCH_API } from '../../dev/workbenchControls';
import { dialogStep } from '../../src/dialog/signInResult';
import { answerAuthorizePage } from '../server/support/linkedin';
import { templateBlob } from '../server/support/pgliteTemplate';
import type { ServiceCall, ServiceAnswer, ServiceState } from './insightsServiceProtocol';

/**
 * The insights service for the pane's tests, in a worker thread of the test's own process (Node's realm, away from
 * jsdom's): the real development service (dev/service/devApp.ts) over the tests' migrated PGlite template, answering
 * each request the pane's msw handler forwards with `app.inject`, after making the service hold and meet what the
 * test's controls say. See insightsService.ts for the test's side.
 */
const API = '/api/v1/';
const LINKEDIN_TOKEN_LIFETIME_MS = 60 * 86_400_000;
const { dialogPage } = workerData as { dialogPage: string };

let source: 'fixtures' | 'linkedin' = 'fixtures';
let linkedInSource: ProfileSource | undefined;
const fixtures = createFixturesSource();
const sourceNow = (): ProfileSource => (source === 'linkedin' && linkedInSource ? linkedInSource : fixtures);
const switching: ProfileSource = {
  name: 'tests',
  get capabilities() {
    return sourceNow().capabilities;
  },
  memberVisibility: (...args) => sourceNow().memberVisibility(...args),
  lookup: (...args) => sourceNow().lookup(...args),
  insights: (...args) => sourceNow().insights(...args),
  suggestions: (...args) => sourceNow().suggestions(...args),
};

const workbenchUser = { tenantId: WORKBENCH_IDENTITY.tenantId, objectId: WORKBENCH_IDENTITY.objectId, groups: undefined };

/** Makes the service hold and meet the test's controls. */
async function hold(dev: DevApp, state: ServiceState): Promise<void> {
  source = state.source;
  const { environment } = state;
  dev.settings.set({
    policyText: state.policyText,
    cloud: environment.cloud,
    mailboxGeo: environment.mailboxGeo,
    tenantCountry: environment.tenantCountry,
    groupMembership: environment.groupMembership,
    latencyMs: state.latencyMs,
    faults: state.faults,
  });
  const connection = state.connection;
  if (!connection) return;
  if (connection.status === 'notConnected') {
    await dev.connections.remove(workbenchUser, 'disconnect');
    return;
  }
  const connectedAt = new Date(connection.connectedAt);
  await dev.connections.save(workbenchUser, {
    consent: connection.consent,
    accessToken: `test-linkedin-token-${connectedAt.getTime()}`,
    tokenExpiresAt: new Date(Date.now() + (connection.status === 'expired' ? -1 : LINKEDIN_TOKEN_LIFETIME_MS)),
    connectedAt,
  });
}

/** The request as the pane sent it; a bearer token becomes the local Entra issuer's, as in the workbench. */
async function answer(dev: DevApp, call: Extract<ServiceCall, { type: 'request' }>): Promise<ServiceAnswer> {
  await hold(dev, call.state);
  const headers = { ...call.headers };
  if (/^Bearer \S+/.test(headers.authorization ?? '')) {
    const minted = await dev.app.inject({ method: 'POST', url: `${WORKBENCH_API}/token` });
    headers.authorization = `Bearer ${minted.json<{ accessToken: string }>().accessToken}`;
  }
  const response = await dev.app.inject({
    method: call.method as 'GET',
    url: call.path,
    headers,
    ...(call.body ? { payload: call.body } : {}),
  });
  const answerHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers))
    if (value !== undefined && !['content-length', 'transfer-encoding', 'connection'].includes(name)) answerHeaders[name] = String(value);
  return { id: call.id, status: response.statusCode, headers: answerHeaders, body: response.body };
}

/** What the dialog page (src/dialog/signInResult.ts) does, step by step, with the service and LinkedIn answering. */
async function signIn(dev: DevApp, call: Extract<ServiceCall, { type: 'signIn' }>): Promise<ServiceAnswer> {
  await hold(dev, call.state);
  const opened = new URL(call.dialogUrl);
  const first = dialogStep({ href: opened.href, origin: opened.origin, pathname: opened.pathname });
  if (first.kind !== 'authorize') throw new Error(`the dialog page would not start a sign-in from ${call.dialogUrl}`);
  const authorize = new URL(first.url);
  const toLinkedIn = await dev.app.inject({
    method: 'GET',
    url: authorize.pathname.slice(authorize.pathname.indexOf(API)) + authorize.search,
  });
  if (toLinkedIn.statusCode !== 302) throw new Error(`the authorize page answered ${toLinkedIn.statusCode}: ${toLinkedIn.body}`);
  const location = String(toLinkedIn.headers.location ?? '');
  // Back on the dialog page at once when the service refused before LinkedIn; otherwise LinkedIn's page, then the callback.
  let back = new URL(location);
  if (!location.startsWith(dialogPage)) {
    const callback = await answerAuthorizePage(location, call.choice);
    back = new URL(String((await dev.app.inject({ method: 'GET', url: callback.pathname + callback.search })).headers.location ?? ''));
  }
  const last = dialogStep({ href: back.href, origin: back.origin, pathname: back.pathname });
  if (last.kind !== 'answer') throw new Error(`the dialog page had no answer for the pane at ${back.pathname}`);
  return { id: call.id, status: 200, headers: {}, body: last.message };
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('insightsServiceWorker runs as a worker thread');
  const dev = await createDevApp({
    port: 1,
    dialogPages: [dialogPage],
    pgliteTemplate: await templateBlob(),
    logLevel: 'silent',
    source: switching,
  });
  // The service's own LinkedIn client: one per service, as in production.
  linkedInSource = createLinkedInSource(dev.app.linkedIn ?? failNoSignIn());
  port.on('message', (call: ServiceCall) => {
    if (call.type === 'close') {
      void dev.close().then(() => port.postMessage({ id: call.id, status: 0, headers: {}, body: '' }));
      return;
    }
    const work = call.type === 'request' ? answer(dev, call) : signIn(dev, call);
    work.then(
      (reply) => port.postMessage(reply),
      (error: unknown) =>
        port.postMessage({
          id: call.id,
          status: -1,
          headers: {},
          body: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
  port.postMessage({ id: 0, status: 0, headers: {}, body: 'ready' });
}

function failNoSignIn(): never {
  throw new Error('the development service has no LinkedIn sign-in');
}

void main().catch((error: unknown) => {
  parentPort?.postMessage({
    id: 0,
    status: -1,
    headers: {},
    body: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
});

// The benchmark's stand-in for the network (npm run bench): the admin policy file and the insights service
// (docs/insights-service.md), answered by the benchmark's own HTTP server after `latencyMs`, and counted.
// Served over real HTTP (not intercepted in the browser), so the pane pays what it would pay on a fast network.
export const POLICY = {
  version: 1,
  linkedInAccountConnections: 'yes',
  officePolicy: {
    showLinkedInFeatures: 'notConfigured',
    connectedExperiences: 'notConfigured',
    optionalConnectedExperiences: 'notConfigured',
  },
  environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
};

/** @param {string} email */
const profileFor = (email) => ({
  id: `bench-${email}`,
  name: email.split('@')[0].replace(/\./g, ' '),
  headline: `Bench headline [${email}]`,
  currentPosition: { title: 'Engineer', company: 'Fabrikam' },
  location: 'Seattle',
  profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(email.split('@')[0])}`,
});

/**
 * @typedef {object} BenchApi
 * @property {number} latencyMs how long every answer waits
 * @property {string[]} requests "METHOD path" of every call (policy file, insights), in order
 * @property {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => boolean} handle
 *   answers a request of the benchmark's network (true), or leaves it to the static server (false)
 */

/** `handle` is given to the static server; `requests` lists "METHOD path" of every call (policy file, insights), in order. */
export function createBenchApi() {
  /** @type {BenchApi} */
  const api = {
    latencyMs: 0,
    requests: [],
    handle(request, response) {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      /** @param {number} status @param {unknown} body */
      const send = (status, body, latencyMs = api.latencyMs) => {
        const text = JSON.stringify(body);
        const reply = () => response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(text);
        if (latencyMs > 0) setTimeout(reply, latencyMs);
        else reply();
      };
      // The policy file is a request to the server like the lookup: it pays the same latency (the round trip the
      // inlined policy of row (b2) saves). The pages and scripts are the same for every page compared, at none.
      if (pathname.endsWith('/linkedin-policy.json')) {
        api.requests.push('GET linkedin-policy.json');
        send(200, POLICY);
        return true;
      }
      const match = /\/api\/v1\/(.*)$/.exec(pathname);
      if (!match) return false;
      const path = match[1];
      api.requests.push(`${request.method} ${path}`);
      /** @type {Buffer[]} */
      const chunks = [];
      request.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
      request.on('end', () => {
        if (path === 'profiles/lookup' && request.method === 'POST') {
          const { emails } = /** @type {{ emails: string[] }} */ (JSON.parse(Buffer.concat(chunks).toString('utf8')));
          send(200, { apiVersion: '1', results: emails.map((email) => ({ email, status: 'match', profile: profileFor(email) })) });
        } else if (path === 'connection' && request.method === 'GET') {
          send(200, { apiVersion: '1', status: 'notConnected' });
        } else {
          send(404, { error: 'not in the benchmark' });
        }
      });
      return true;
    },
  };
  return api;
}

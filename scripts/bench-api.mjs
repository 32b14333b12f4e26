// The benchmark's stand-in for the network (npm run bench): the admin policy file and the insights service
// (docs/insights-service.md), answered by the browser context itself, after `latencyMs`, and counted.
const POLICY = {
  version: 1,
  linkedInAccountConnections: 'yes',
  officePolicy: { showLinkedInFeatures: 'notConfigured', connectedExperiences: 'notConfigured', optionalConnectedExperiences: 'notConfigured' },
  environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
};

const profileFor = (email) => ({
  id: `bench-${email}`,
  name: email.split('@')[0].replace(/\./g, ' '),
  headline: `Bench headline [${email}]`,
  currentPosition: { title: 'Engineer', company: 'Fabrikam' },
  location: 'Seattle',
  profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(email.split('@')[0])}`,
});

/** Installs the routes on a browser context; `requests` lists "METHOD /path" of every API call, in order. */
export function benchApi({ latencyMs }) {
  const requests = [];
  const later = (fn) => (latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, latencyMs)).then(fn) : fn());
  const json = (route, status, body) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  return {
    requests,
    async install(context) {
      await context.route('**/linkedin-policy.json', (route) => json(route, 200, POLICY));
      await context.route('**/api/v1/**', (route) => {
        const request = route.request();
        const path = new URL(request.url()).pathname.replace(/^.*\/api\/v1\//, '');
        requests.push(`${request.method()} ${path}`);
        return later(() => {
          if (path === 'profiles/lookup' && request.method() === 'POST') {
            const { emails } = request.postDataJSON();
            return json(route, 200, { apiVersion: '1', results: emails.map((email) => ({ email, status: 'match', profile: profileFor(email) })) });
          }
          if (path === 'connection' && request.method() === 'GET') return json(route, 200, { apiVersion: '1', status: 'notConnected' });
          return json(route, 404, { error: 'not in the benchmark' });
        });
      });
    },
  };
}

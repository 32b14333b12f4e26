import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, sourceFiles } from './sourceFiles';

/**
 * How the service is wired (README, "How the service is put together"), held by reading its files: one LinkedIn client
 * per service, built by its plugin; every write of a connection or its audit trail in server/store/; no route parsing
 * a body or a query by hand. The admin's tool (its own process, and its erase writes by design) is outside the rules;
 * the development-only rooms (stand-ins, the workbench's service, the bench) are not in server/ but in dev/.
 */
const OUTSIDE = ['server/admin/', 'server/db/migrations/'];
const serviceFiles = sourceFiles(join(ROOT, 'server'))
  .map((file) => relative(ROOT, file))
  .filter((file) => !OUTSIDE.some((room) => file.startsWith(room)));
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const filesMatching = (pattern: RegExp) => serviceFiles.filter((file) => pattern.test(text(file))).sort();

test('the service files are found (the rules below look at real code)', () => {
  expect(serviceFiles).toContain('server/app.ts');
  expect(serviceFiles).toContain('server/routes/profiles.ts');
  expect(serviceFiles.length).toBeGreaterThan(40);
});

test('one LinkedIn client: built by the LinkedIn plugin (and, for a tool in its own process, by connectionStoreFor)', () => {
  expect(filesMatching(/createLinkedInClient\(/)).toEqual([
    'server/linkedin/client.ts',
    'server/linkedin/connections.ts',
    'server/plugins/linkedIn.ts',
  ]);
});

test('every write of a connection and of the audit trail is in server/store/', () => {
  const writes = /(insertInto|updateTable|deleteFrom)\(\s*'(connections|audit_trail)'/;
  expect(filesMatching(writes).filter((file) => !file.startsWith('server/store/'))).toEqual([]);
  expect(filesMatching(writes)).toEqual(['server/store/connections.ts', 'server/store/expiry.ts']);
});

test('no body or query is parsed by hand: the routes declare the contract schemas', () => {
  expect(filesMatching(/request\.(body|query) as |safeParse\(request|parse\(request\.(body|query)/)).toEqual([]);
  expect(filesMatching(/schema: \{[^}]*(body|querystring):/)).toEqual(
    expect.arrayContaining(['server/linkedin/routes.ts', 'server/routes/profiles.ts']),
  );
});

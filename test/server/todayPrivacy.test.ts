import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { loggerOptions } from '../../server/logging';
import { crowdMembers } from '../../server/sources/fixtures/crowd';
import { startTestService, type TestService } from './support/service';

/**
 * Today on the service: the people on a user's calendar reach the service only as the addresses of a lookup stating
 * the Today purpose. Nothing of them is kept — no row in any table changes — and nothing of them is logged, at the
 * most talkative log level, whether the lookup is answered or refused.
 */
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});
let service: TestService;
const INBOUND_USER = '5f5f5f5f-1b1b-4c2c-8d3d-4e4e4e4e4e4e';

beforeAll(async () => {
  service = await startTestService({ logger: loggerOptions('trace', sink) });
  await service.connect('twoWay');
  await service.connect('linkedInToMicrosoft', INBOUND_USER);
}, 180_000);
afterAll(() => service.close());

/** Every row of every table of the service's database, as text. */
async function everything(): Promise<string> {
  const tables = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(service.database.db);
  const dump: string[] = [];
  for (const { table_name: table } of tables.rows) {
    const rows = await sql`select * from ${sql.table(table)}`.execute(service.database.db);
    dump.push(`${table}: ${JSON.stringify(rows.rows)}`);
  }
  return dump.join('\n');
}

test('Today lookups, answered and refused, leave no row changed and no attendee in the log', async () => {
  const attendees = crowdMembers(20, 'fabrikam.com').map((member) => member.address);
  const before = await everything();
  expect(before).toMatch(/connections/);
  const ask = async (objectId?: string) =>
    service.app.inject({
      method: 'POST',
      url: '/api/v1/profiles/lookup',
      headers: { authorization: `Bearer ${await service.token(objectId ? { objectId } : {})}` },
      payload: { emails: attendees, purpose: 'today' },
    });
  expect((await ask()).statusCode).toBe(200);
  expect((await ask(INBOUND_USER)).statusCode).toBe(403);
  const after = await everything();
  expect(after).toBe(before);
  const log = lines.join('');
  expect(log).toContain('/api/v1/profiles/lookup');
  for (const address of attendees) {
    expect(log).not.toContain(address);
    expect(log).not.toContain(address.split('@')[0]);
  }
  expect(after.toLowerCase()).not.toContain('fabrikam');
});

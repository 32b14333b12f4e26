import Fastify from 'fastify';
import { createTokenCipher } from '../../server/crypto/tokenCipher';
import type { DatabaseHandle } from '../../server/db/database';
import { createPendingSignIns, type PendingSignIns } from '../../server/linkedin/pendingSignIns';
import { createRevocationQueue } from '../../server/linkedin/revocations';
import { freshTestDatabase } from './support/pgliteTemplate';
import { KEY } from './support/service';

/**
 * Pending sign-ins are bounded per client and in total, the oldest going first; a token an evicted sign-in held (a
 * code never redeemed) is revoked. Small bounds here (3 per client, 5 in all); the service's are 50 and 10,000.
 */
let database: DatabaseHandle;
let pending: PendingSignIns;
const revoked: string[] = [];
const cipher = createTokenCipher([{ id: 'k1', key: Buffer.from(KEY, 'base64') }]);
let clock = Date.now();
const tick = () => new Date((clock += 1000));

beforeAll(async () => {
  database = await freshTestDatabase();
  const revocations = createRevocationQueue({ db: database.db, cipher, revoke: async (t) => void revoked.push(t), log: Fastify().log });
  pending = createPendingSignIns(database.db, cipher, revocations, { perClient: 3, total: 5 });
}, 180_000);
afterAll(() => database.close());

let count = 0;
async function begin(client: string): Promise<string> {
  count += 1;
  const state = `pane-state-${String(count).padStart(20, '0')}`;
  const request = {
    paneState: state,
    codeChallenge: 'c'.repeat(43),
    consent: 'twoWay' as const,
    redirectUri: 'https://a.example/dialog.html',
  };
  await pending.begin(request, `linkedin-${state}`, 'nonce', tick(), client);
  return state;
}
const panesOf = async (client?: string) => {
  let query = database.db.selectFrom('pending_sign_ins').select('pane_state').orderBy('created_at');
  if (client) query = query.where('client_key', '=', client);
  return (await query.execute()).map((row) => row.pane_state);
};

test('one client past its bound: its oldest go first, others keep theirs', async () => {
  const a = [await begin('a'), await begin('a'), await begin('a')];
  const b = await begin('b');
  const a4 = await begin('a');
  expect(await panesOf('a')).toEqual([a[1], a[2], a4]);
  expect(await panesOf('b')).toEqual([b]);
});

test('past the total bound the oldest of all go first, and a token one held is revoked', async () => {
  // The oldest pending sign-in got LinkedIn's answer: it holds a token for a code never redeemed.
  const [oldest] = await panesOf();
  const answered = await pending.claimLinkedInAnswer(`linkedin-${oldest}`, tick());
  if (!answered) throw new Error('no pending sign-in to answer');
  await pending.issueCode(answered, 'service-code-never-redeemed-000000000', 'linkedin-token-held', new Date(clock + 3_600_000), tick());
  expect(await panesOf()).toHaveLength(4);
  await begin('c');
  await begin('d');
  const all = await panesOf();
  expect(all).toHaveLength(5);
  expect(all).not.toContain(oldest);
  expect(revoked).toEqual(['linkedin-token-held']);
  expect(await database.db.selectFrom('revocations').selectAll().execute()).toEqual([]);
});

import { startEmbeddedPostgres, EmbeddedDatabaseError, type EmbeddedPostgres } from '../../server/db/pgliteThread';
import { templateBlob } from './support/pgliteTemplate';

/**
 * The embedded database runs on its own thread, one backend for every request: a transaction must run alone there,
 * or another request's statement would see (or be rolled back with) its uncommitted rows.
 */
let database: EmbeddedPostgres;

beforeAll(async () => {
  database = await startEmbeddedPostgres('memory://', await templateBlob());
  await database.query('create table notes (text text not null)');
});
afterAll(() => database.close());

test("another session's statement waits for an open transaction, and never sees its rolled-back rows", async () => {
  const writer = database.session();
  const reader = database.session();
  await writer.begin();
  await writer.query('insert into notes values ($1)', ['uncommitted']);
  let readDone = false;
  const read = reader.query<{ n: number }>('select count(*)::int as n from notes', []).then((result) => {
    readDone = true;
    return result;
  });
  // The writer's own statements still run while the reader waits.
  expect((await writer.query<{ n: number }>('select count(*)::int as n from notes', [])).rows).toEqual([{ n: 1 }]);
  expect(readDone).toBe(false);
  await writer.rollback();
  expect((await read).rows).toEqual([{ n: 0 }]);
  await writer.release();
  await reader.release();
});

test('a session released with its transaction open is rolled back, and the others go on', async () => {
  const abandoned = database.session();
  await abandoned.begin();
  await abandoned.query('insert into notes values ($1)', ['abandoned']);
  const other = database.query<{ n: number }>('select count(*)::int as n from notes');
  await abandoned.release();
  expect((await other).rows).toEqual([{ n: 0 }]);
});

test("a failing statement answers PostgreSQL's error code and leaves the database usable", async () => {
  await expect(database.query('insert into notes values (null)')).rejects.toMatchObject({ code: '23502' });
  await expect(database.query('select 1 as one')).resolves.toEqual({ rows: [{ one: 1 }], affectedRows: 0 });
});

test('after close, a statement is refused at once (never hangs)', async () => {
  const closing = await startEmbeddedPostgres('memory://', await templateBlob());
  await closing.close();
  await expect(closing.query('select 1')).rejects.toBeInstanceOf(EmbeddedDatabaseError);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_LIFETIME_MS, LINKEDIN_STEP_MS } from '../../server/linkedin/pendingSignIns';
import { tablesOf } from './support/held';
import { freshTestDatabase } from './support/pgliteTemplate';

/**
 * The privacy page (public/privacy.html, shipped as privacy.html) says what the service keeps: one entry per table of
 * its database, so a table added by a later migration fails here until the page says what it holds and for how long;
 * and the lifetimes it states are the code's.
 */
const page = readFileSync(join(__dirname, '../../public/privacy.html'), 'utf8');

test('every table the service keeps is described on the privacy page, and nothing else', async () => {
  const database = await freshTestDatabase();
  try {
    const tables = (await tablesOf(database)).filter((name) => !name.startsWith('kysely_'));
    const described = [...page.matchAll(/data-held="([a-z_]+)"/g)].map((match) => match[1]);
    expect(described.sort()).toEqual(tables.sort());
  } finally {
    await database.close();
  }
}, 180_000);

test("the lifetimes the page states are the code's", () => {
  const text = page.replace(/\s+/g, ' ');
  expect(text).toContain(`${LINKEDIN_STEP_MS / 60_000} minutes on LinkedIn's pages, ${CODE_LIFETIME_MS / 60_000} for the add-in to finish`);
  expect(text).toContain('stops working after 60 days');
});

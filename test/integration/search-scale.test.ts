import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { searchUsers, SEARCH_LIMIT } from '../../plugin/src/adapters/postgres/read-models/search.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';

/**
 * The user pickers' search at 10,000 users (read-models/search.ts): a page of names, found and
 * cut by PostgreSQL, fast enough to follow typing. The figures are printed for the docs.
 */
const USERS = 10_000;
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  await db.ds.query(
    `INSERT INTO app_user (login, email, first_name, last_name)
     SELECT format('essai.%s', n), format('essai.%s@exemple.test', n), (ARRAY['Camille', 'Claude', 'Sacha'])[1 + n % 3],
            CASE WHEN n = 4321 THEN 'Quenouille' ELSE format('Essai %s', n) END
       FROM generate_series(1, ${USERS}) n`,
  );
  await db.ds.query(`ANALYZE app_user`);
}, 120_000);
afterAll(async () => db?.drop());

/** The median of `runs` timings of `fn`, in milliseconds. */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

describe('searchUsers among 10,000 users', () => {
  it('finds the one user by part of their name, and cuts a wide search to a page, each within 100 ms', async () => {
    const one = await searchUsers(db.ds, { text: 'quenou', namesOnly: true });
    const [needle] = await db.ds.query(`SELECT full_name FROM app_user WHERE login = 'essai.4321'`);
    expect(one.map((u) => u.label)).toEqual([`${needle.full_name} (essai.4321)`]);
    const wide = await searchUsers(db.ds, { text: 'essai', namesOnly: true });
    expect(wide).toHaveLength(SEARCH_LIMIT);
    const all = await searchUsers(db.ds, { text: '', namesOnly: false });
    expect(all).toHaveLength(SEARCH_LIMIT);
    const figures = {
      narrow: await median(9, () => searchUsers(db.ds, { text: 'quenou', namesOnly: true })),
      wide: await median(9, () => searchUsers(db.ds, { text: 'essai', namesOnly: true })),
      empty: await median(9, () => searchUsers(db.ds, { text: '', namesOnly: false, kind: 'internal', activeOnly: true })),
    };
    console.log(`searchUsers at ${USERS} users, median of 9 (ms): ${JSON.stringify(figures)}`);
    for (const ms of Object.values(figures)) expect(ms).toBeLessThan(100);
  });
});

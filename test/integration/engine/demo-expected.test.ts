import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { EXPECTED_FILE, example, readJson } from '../../support/examples.js';
import { ACTIONS, MODULES, accessService, caslReferences, sqlReferences, userId } from '../../support/engine.js';
import { importDoc } from '../../support/import.js';
import type { AccessService } from '@portier/adminjs';

/** test/fixtures/example-org.expected.json, reproduced exactly by the SQL and by the CASL ability. */
const expected = readJson(EXPECTED_FILE);
let db: TestDatabase;
let service: AccessService;
beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  service = accessService(db.ds);
});
afterAll(async () => {
  await db.drop();
});

describe('the worked example (demo-org.expected.json)', () => {
  for (const [login, modules] of Object.entries<Record<string, Record<string, string[]>>>(expected.users)) {
    it(`${login}: every module and action, in SQL and in CASL`, async () => {
      const access = (await service.forUser(await userId(db.ds, login)))!;
      const got: Record<string, Record<string, string[]>> = {};
      const casl: Record<string, Record<string, string[]>> = {};
      for (const module of MODULES) {
        got[module] = {};
        casl[module] = {};
        for (const action of ACTIONS) {
          got[module][action] = await sqlReferences(db.ds, access, module, action);
          casl[module][action] = await caslReferences(service, access, module, action);
        }
      }
      const want = Object.fromEntries(Object.entries(modules).map(([m, a]) => [m, Object.fromEntries(Object.entries(a).map(([k, v]) => [k, [...v].sort()]))]));
      expect(got).toEqual(want);
      expect(casl).toEqual(want);
    });
  }

  it.each(expected.cannotLogIn as string[])('%s cannot log in: nothing at all', async (login) => {
    const access = (await service.forUser(await userId(db.ds, login)))!;
    expect(access.access.active).toBe(false);
    for (const module of MODULES) for (const action of ACTIONS) expect(await sqlReferences(db.ds, access, module, action)).toEqual([]);
  });
});

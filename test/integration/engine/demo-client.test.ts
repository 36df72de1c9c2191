import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { ACTIONS, MODULES, accessService, caslReferences, sqlReferences, userId } from '../../support/engine.js';
import { DEMO_SEED_FILE, readJson } from '../../support/examples.js';
import { importDoc } from '../../support/import.js';
import { canCreate, canExport, decide } from '../../support/reference-evaluator.js';

/**
 * The demo's client users on the demo organisation: what each dossier lets them do, by the SQL
 * the database runs, by CASL on each record, and by the plain evaluator of docs/spec/client-access.md.
 */
let db: TestDatabase;
const doc = readJson(DEMO_SEED_FILE) as any;

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, doc);
});
afterAll(async () => {
  await db.drop();
});

describe('the demo accountant and the other client users', () => {
  it('the accountant holds two dossiers under two different client profiles', () => {
    const client = doc.users.find((u: { login: string }) => u.login === 'client');
    expect(client.dossiers.map((d: { profile: string }) => d.profile)).toEqual(['Comptabilité complète', 'Easy Invoicing']);
  });

  it.each(['client', 'client.gerant', 'client.gestion', 'client.commercial'])(
    '%s: SQL, CASL and the spec agree on every record, create and export',
    async (login) => {
      const service = accessService(db.ds);
      const access = (await service.forUser(await userId(db.ds, login)))!;
      const table: Record<string, string> = {};
      for (const module of MODULES) {
        const counts: string[] = [];
        for (const action of ACTIONS) {
          const spec = (doc.records[module] ?? [])
            .filter((r: { reference: string }) => decide(doc, login, module, r.reference, action))
            .map((r: { reference: string }) => r.reference)
            .sort();
          expect([module, action, await sqlReferences(db.ds, access, module, action)]).toEqual([module, action, spec]);
          expect([module, action, await caslReferences(service, access, module, action)]).toEqual([module, action, spec]);
          counts.push(`${action} ${spec.length}`);
        }
        expect(access.access.create.has(module)).toBe(canCreate(doc, login, module));
        expect(access.access.export.has(module)).toBe(canExport(doc, login, module));
        if (counts.some((c) => !c.endsWith(' 0')))
          table[module] = `${counts.join(', ')}${access.access.create.has(module) ? ', create' : ''}${access.access.export.has(module) ? ', export' : ''}`;
      }
      console.log(`${login}: ${JSON.stringify(table, null, 1)}`);
      expect(Object.keys(table).length).toBeGreaterThan(0);
    },
  );
});

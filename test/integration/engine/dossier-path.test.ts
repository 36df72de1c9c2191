import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dossierAccountOf, type AccessService } from '@portier/adminjs';
import { dossierAccountSql, inDossiersSql } from '../../../plugin/src/adapters/postgres/dossier-sql.js';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { accessService } from '../../support/engine.js';
import { example } from '../../support/examples.js';
import { importDoc } from '../../support/import.js';

/**
 * Which dossier a record is in is computed three ways: in JavaScript when a client creates a record
 * (`dossierAccountOf`), in SQL as the record's fact the ability reads (`dossierAccountSql`), and in
 * SQL as the filter of a client's lists (`inDossiersSql`). All three walk the module's one
 * `dossierPath`; this compares them on every record, including one of each case the path decides
 * differently: its own account first, else its first parent present, one level only.
 */
let db: TestDatabase;
let service: AccessService;

const owner = { user: 'alice' };
const crafted: Record<string, Array<Record<string, unknown>>> = {
  Deal: [{ reference: 'DEA-NA', name: 'Affaire sans compte', owner }],
  Quote: [
    { reference: 'QUO-NA', name: 'Devis sans compte, affaire DEA-2', deal: 'DEA-2', owner },
    { reference: 'QUO-NONE', name: 'Devis sans lien', owner },
  ],
  SalesOrder: [
    { reference: 'SO-OWN', name: 'Son compte avant ses parents', account: 'ACC-3', quote: 'QUO-1', deal: 'DEA-2', owner },
    { reference: 'SO-Q', name: 'Le devis avant l’affaire', quote: 'QUO-1', deal: 'DEA-2', owner },
    { reference: 'SO-QNA', name: 'Le devis décide, même sans compte', quote: 'QUO-NA', deal: 'DEA-2', owner },
    { reference: 'SO-D', name: 'L’affaire, sans devis', deal: 'DEA-1', owner },
    { reference: 'SO-DNA', name: 'Une affaire sans compte', deal: 'DEA-NA', owner },
    { reference: 'SO-NONE', name: 'Sans lien', owner },
  ],
  Invoice: [
    { reference: 'INV-SO', name: 'Par sa commande', salesOrder: 'SO-1', owner },
    { reference: 'INV-SOQ', name: 'Sa commande n’a pas de compte à elle', salesOrder: 'SO-Q', owner },
  ],
};
/** What the path decides for the crafted records (by Account reference; null: in no dossier). */
const expected: Record<string, string | null> = {
  'QUO-NA': 'ACC-2',
  'QUO-NONE': null,
  'DEA-NA': null,
  'SO-OWN': 'ACC-3',
  'SO-Q': 'ACC-1',
  'SO-QNA': null,
  'SO-D': 'ACC-1',
  'SO-DNA': null,
  'SO-NONE': null,
  'INV-SO': 'ACC-1',
  'INV-SOQ': null,
};

beforeAll(async () => {
  db = await freshDatabase();
  const doc = example();
  for (const [module, records] of Object.entries(crafted)) doc.records[module].push(...records);
  await importDoc(db.ds, doc);
  service = accessService(db.ds);
});
afterAll(async () => {
  await db?.drop();
});

async function ids(module: string): Promise<number[]> {
  return (await db.ds.query(`SELECT id FROM "${service.table(module).table}" ORDER BY id`)).map((r: { id: number }) => r.id);
}

describe('which dossier a record is in: one path, read three ways', () => {
  it('JavaScript, the SQL fact and the SQL filter agree on every record of every module', async () => {
    const catalog = service.registry.catalog;
    const accounts: Array<{ id: number; reference: string }> = await db.ds.query(`SELECT id, reference FROM account ORDER BY id`);
    const referenceOf = new Map(accounts.map((a) => [a.id, a.reference]));
    const tables = (module: string) => service.table(module);
    const seen: Record<string, string | null> = {};
    for (const spec of catalog.modules) {
      const t = service.table(spec.name);
      const facts = await service.recordFacts(spec.name, await ids(spec.name));
      const rows: Array<{ id: number; account: number | null }> = await db.ds.query(
        `SELECT x.id, ${dossierAccountSql(t, 'x', tables)} AS account FROM "${t.table}" x ORDER BY x.id`,
      );
      // The filter, asked once per Account: the records it keeps are that Account's dossier.
      const filtered = new Map<number, number[]>();
      let n = 0;
      for (const a of accounts) {
        const where = inDossiersSql(t, 'x', tables, '= $1', () => `d${n++}`);
        for (const r of await db.ds.query(`SELECT x.id FROM "${t.table}" x WHERE ${where} AND $1::int IS NOT NULL`, [a.id]))
          filtered.set(r.id, [...(filtered.get(r.id) ?? []), a.id]);
      }
      for (const row of rows) {
        const record = facts.get(row.id)!;
        const parentRow = async (field: string) => {
          const link = spec.links.find((l) => l.field === field)!;
          const id = record[field] as number | null;
          return id == null ? null : ((await service.recordFacts(link.module, [id])).get(id) ?? null);
        };
        // dossierAccountOf takes its parents synchronously: load the ones the record links to first.
        const loaded = new Map<string, Record<string, unknown> | null>();
        for (const l of spec.links) loaded.set(l.field, await parentRow(l.field));
        const js = dossierAccountOf(spec, record, (f) => loaded.get(f) ?? null, catalog);
        const fact = (record.dossier as { accountId: number | null }).accountId;
        const where = `${spec.name} ${record.reference}`;
        expect([where, fact === null ? null : Number(fact)]).toEqual([where, js]);
        expect([where, row.account === null ? null : Number(row.account)]).toEqual([where, js]);
        expect([where, filtered.get(row.id) ?? []]).toEqual([where, js === null ? [] : [js]]);
        seen[record.reference as string] = js === null ? null : referenceOf.get(js)!;
      }
    }
    expect(Object.fromEntries(Object.keys(expected).map((r) => [r, seen[r]]))).toEqual(expected);
    // An Account is its own dossier; an Activity is in none, whatever it links to.
    expect(seen['ACC-1']).toBe('ACC-1');
    expect(seen['ACT-1']).toBeNull();
  });
});

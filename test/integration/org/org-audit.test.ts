import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importOrg, OrgFileError, verifyAuditChain } from '@portier/adminjs';
import { registry } from '../../../src/modules.js';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { example } from '../../support/examples.js';
import { importDoc, testHash } from '../../support/import.js';

/** An organisation import writes one audit entry per row it creates, updates or deletes, in its transaction. */
let db: TestDatabase;
interface Entry {
  action: string;
  module: string;
  record_id: string;
  reference: string;
  changes: Record<string, [unknown, unknown]>;
  message: string;
  actor_login: string;
}
const entriesAfter = async (id: number): Promise<Entry[]> =>
  db.ds.query(`SELECT action, module, record_id, reference, changes, message, actor_login FROM audit_entry WHERE id > $1 ORDER BY id`, [id]);
const lastId = async (): Promise<number> => Number((await db.ds.query(`SELECT coalesce(max(id), 0) AS id FROM audit_entry`))[0].id);

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('audit trail of organisation imports', () => {
  it('a first import writes one "create" entry per row it created, with its fields, and never a password', async () => {
    const start = await lastId();
    const summary = await importDoc(db.ds, example());
    const entries = await entriesAfter(start);
    expect(summary.audited).toBe(entries.length);
    const created = (module: string) => entries.filter((e) => e.module === module && e.action === 'create');
    expect(created('User')).toHaveLength(summary.users.created);
    expect(created('Role')).toHaveLength(summary.roles.created);
    expect(created('Team')).toHaveLength(summary.teams.created);
    expect(created('SharingRule')).toHaveLength(summary.rules.created);
    for (const [module, counts] of Object.entries(summary.records)) expect(created(module)).toHaveLength(counts.created);
    expect(entries.every((e) => e.message === 'import' && e.actor_login === 'import')).toBe(true);

    const con1 = entries.find((e) => e.module === 'Contact' && e.reference === 'CON-1')!;
    expect(con1.changes.name).toEqual([null, 'Jean Dupain']);
    expect(con1.changes.type).toEqual([null, 'client']);
    expect(Object.keys(con1.changes)).toContain('primaryAdvisorId'); // property names, as AdminJS's writes
    const alice = entries.find((e) => e.module === 'User' && e.reference === 'alice')!;
    expect(alice.changes.password).toEqual(['***', '***']);
    expect(JSON.stringify(entries)).not.toMatch(/\$argon2/);
    expect((await verifyAuditChain(db.ds)).firstBroken).toBeNull();
  });

  it('re-importing the same file changes nothing and writes nothing', async () => {
    const start = await lastId();
    const summary = await importDoc(db.ds, example());
    expect(summary.audited).toBe(0);
    expect(await entriesAfter(start)).toEqual([]);
  });

  it('a changed field is one "update" entry with [before, after]; only what changed', async () => {
    const doc = example();
    doc.records.Contact.find((r: { reference: string }) => r.reference === 'CON-1').name = 'Jean Dupain-Verdier';
    doc.users.find((u: { login: string }) => u.login === 'dir').company = 'Verdier SA';
    const start = await lastId();
    await importDoc(db.ds, doc);
    const entries = await entriesAfter(start);
    expect(entries.map((e) => [e.action, e.module, e.reference])).toEqual([
      ['update', 'User', 'dir'],
      ['update', 'Contact', 'CON-1'],
    ]);
    expect(entries[0].changes).toEqual({ company: ['Acme', 'Verdier SA'] });
    expect(entries[1].changes).toEqual({ name: ['Jean Dupain', 'Jean Dupain-Verdier'] });
  });

  it('--replace writes a "delete" entry for each row the new file leaves out', async () => {
    const doc = example();
    doc.records.Activity = doc.records.Activity.slice(1);
    const gone = example().records.Activity[0].reference;
    const start = await lastId();
    await importDoc(db.ds, doc, true);
    const deletes = (await entriesAfter(start)).filter((e) => e.module === 'Activity' && e.action === 'delete');
    expect(deletes.map((e) => e.reference)).toContain(gone);
    const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM activity WHERE reference = $1`, [gone]);
    expect(n).toBe(0);
    expect((await verifyAuditChain(db.ds)).firstBroken).toBeNull();
  });

  it('a refused file writes no entry, and the actor given is the one recorded', async () => {
    const start = await lastId();
    const bad = example();
    bad.users[0].role = 'No such role';
    await expect(importOrg(db.ds, registry, bad, { hashPassword: testHash })).rejects.toBeInstanceOf(OrgFileError);
    expect(await entriesAfter(start)).toEqual([]);

    const doc = example();
    doc.records.Contact[0].name = 'Par un administrateur';
    await importOrg(db.ds, registry, doc, { hashPassword: testHash, actor: { id: null, login: 'import:ops', ip: '10.0.0.1', userAgent: 'cli' } });
    const [entry] = await entriesAfter(start);
    expect(entry).toMatchObject({ action: 'update', actor_login: 'import:ops', module: 'Contact' });
  });
});

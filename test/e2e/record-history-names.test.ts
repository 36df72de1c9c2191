import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { EXPECTED_FILE, example, readJson } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { parseCsv } from '../support/csv.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * Names, not ids, in a record's history and the audit trail (issue 20, item 2): an id in a
 * change names the referenced record by its title when the reader may read that record, and as
 * "not accessible" (null) when they may not — or when it no longer exists, so that the history
 * tells nothing of it; users by their names. Who may read which account comes from the example's
 * expected answers (test/fixtures/example-org.expected.json), not from the engine under test.
 * The server runs with PORTIER_TIME_ZONE=America/Montreal: the answers and the CSV say that zone.
 */
let db: TestDatabase;
let server: RunningServer;
const expected = readJson(EXPECTED_FILE).users as Record<string, Record<string, { read: string[] }>>;
const accounts = new Map<string, { id: number; name: string }>(); // by reference
let quote: { id: number; reference: string };
let users: Map<string, { id: number; name: string }>;

/** 20:41 UTC on 15 January 2026: 15:41 in Montreal. */
const INSTANT = '2026-01-15T20:41:00Z';
/** 03:00 UTC on 16 January 2026: 22:00 on the 15th in Montreal. */
const LATE = '2026-01-16T03:00:00Z';

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1', PORTIER_TIME_ZONE: 'America/Montreal' });
  for (const a of await db.ds.query(`SELECT id, reference, name FROM account`)) accounts.set(a.reference, { id: a.id, name: a.name });
  users = new Map((await db.ds.query(`SELECT id, login, full_name AS name FROM app_user`)).map((u: any) => [u.login, { id: u.id, name: u.name }]));
  // QUO-1 is read by bob and by the admin; its account moves, in this entry, through every account and one deleted since.
  [quote] = await db.ds.query(`SELECT id, reference FROM quote WHERE reference = 'QUO-1'`);
  const moves = [...accounts.values()].map((a) => a.id);
  await db.ds.query(
    `INSERT INTO audit_entry (at, actor_id, actor_login, action, module, record_id, reference, changes) VALUES ($1, $2, 'dir', 'update', 'Quote', $3, $4, $5)`,
    [
      INSTANT,
      users.get('dir')!.id,
      String(quote.id),
      quote.reference,
      JSON.stringify({ accountId: [moves, [...moves, 999_999]], ownerUserId: [users.get('bob')!.id, users.get('alice')!.id], status: ['draft', 'sent'] }),
    ],
  );
  // 03:00 UTC on the 16th: still the 15th in Montreal (22:00).
  await db.ds.query(
    `INSERT INTO audit_entry (at, actor_id, actor_login, action, module, record_id, reference, changes) VALUES ($1, $2, 'dir', 'update', 'Quote', $3, $4, $5)`,
    [LATE, users.get('dir')!.id, String(quote.id), quote.reference, JSON.stringify({ status: ['sent', 'accepted'] })],
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** The history entry above, as `login` receives it. */
async function entryFor(login: string) {
  const client = await AdminClient.signIn(server.url, login);
  const res = await client.portier('GET', `/history/Quote/${quote.id}`);
  expect(res.status).toBe(200);
  expect(res.body.timeZone).toBe('America/Montreal');
  const entry = res.body.entries.find((e: any) => e.at === new Date(INSTANT).toISOString());
  expect(entry).toBeDefined();
  return entry;
}

describe("a record's history", () => {
  it.each(['bob', 'admin'])('names for %s the accounts he may read, and only those', async (login) => {
    expect(expected[login].Quote.read).toContain('QUO-1');
    const titles = (await entryFor(login)).refs.accountId as Record<string, string | null>;
    for (const [reference, a] of accounts) {
      const mayRead = expected[login].Account.read.includes(reference);
      expect([reference, titles[String(a.id)]]).toEqual([reference, mayRead ? a.name : null]);
    }
    // One deleted since answers like one out of reach.
    expect(titles['999999']).toBeNull();
  });

  it('keeps a title from a reader who may not read the account, however the entry names it', async () => {
    // alice reads no quote: the record's history answers as for a record that does not exist.
    const alice = await AdminClient.signIn(server.url, 'alice');
    expect(expected.alice.Quote.read).not.toContain('QUO-1');
    const res = await alice.portier('GET', `/history/Quote/${quote.id}`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(accounts.get('ACC-1')!.name);
  });

  it('names users by their names', async () => {
    const refs = (await entryFor('bob')).refs.ownerUserId;
    expect(refs).toEqual({ [users.get('bob')!.id]: users.get('bob')!.name, [users.get('alice')!.id]: users.get('alice')!.name });
  });

  it("leaves an enum's code to the page, which labels it (no reference there)", async () => {
    expect((await entryFor('bob')).refs.status).toBeUndefined();
  });
});

describe("the organisation's time zone", () => {
  it('dates the audit CSV in it, and reads typed days as days there', async () => {
    const admin = await AdminClient.signIn(server.url, 'admin');
    // A day typed in the filters is that day in Montreal: both entries are on the 15th there, none on the 16th.
    const fetchCsv = async (q: Record<string, string>) => {
      const res = await fetch(`${server.url}/admin/portier/audit.csv?${new URLSearchParams(q)}`, { headers: { cookie: admin.cookie } });
      expect(res.status).toBe(200);
      const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await res.arrayBuffer())).replace(/^\uFEFF/, ''));
      return rows.filter((r) => r.length > 1);
    };
    const quoteOnly = { module: 'Quote', recordId: String(quote.id) };
    const rows = await fetchCsv({ ...quoteOnly, from: '2026-01-15', to: '2026-01-15' });
    expect(rows[0][1]).toBe('Date (America/Montreal)');
    expect(rows.slice(1).map((r) => r[1])).toEqual(['2026-01-15 22:00:00', '2026-01-15 15:41:00']);
    expect(await fetchCsv({ ...quoteOnly, from: '2026-01-16', to: '2026-01-16' })).toHaveLength(1); // the header alone
  });
});

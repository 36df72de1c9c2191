import { beforeEach, describe, expect, it } from '@jest/globals';
import { exampleWithSpareSeats } from '../support/examples.js';
import { orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 5 of issue 16: records passed to an heir when their owner is deleted (a user, a team)
 * each get their own history entry, in the deletion's transaction (docs/spec/access-model.md,
 * "Heirs"; "Who reads the audit trail": a record's history panel shows it).
 */
let org: OrgServer;
const doc = exampleWithSpareSeats();

const server = orgServerFor(doc, { reload: true });
// The audit trail is never emptied: each test reads the entries written after it began.
let since = 0;
beforeEach(async () => {
  org = server();
  since = Number((await org.one(`SELECT coalesce(max(id), 0) AS id FROM audit_entry`)).id);
});

/** Every record whose owner fields name the user, as `module:reference`, straight from the tables. */
async function recordsOf(userId: number): Promise<string[]> {
  const rows = await org.ds.query(
    `
    SELECT 'Account:' || reference AS r FROM account WHERE owner_user_id = $1 UNION ALL SELECT 'Lead:' || reference FROM lead WHERE owner_user_id = $1
    UNION ALL SELECT 'Deal:' || reference FROM deal WHERE owner_user_id = $1 UNION ALL SELECT 'Ticket:' || reference FROM ticket WHERE owner_user_id = $1
    UNION ALL SELECT 'Quote:' || reference FROM quote WHERE owner_user_id = $1 UNION ALL SELECT 'SalesOrder:' || reference FROM sales_order WHERE owner_user_id = $1
    UNION ALL SELECT 'PurchaseOrder:' || reference FROM purchase_order WHERE owner_user_id = $1 UNION ALL SELECT 'Invoice:' || reference FROM invoice WHERE owner_user_id = $1
    UNION ALL SELECT 'Activity:' || reference FROM activity WHERE owner_user_id = $1
    UNION ALL SELECT 'Contact:' || reference FROM contact WHERE $1 IN (primary_advisor_id, secondary_advisor_id, assistant_id)`,
    [userId],
  );
  return rows.map((r: { r: string }) => r.r).sort();
}

const inherited = async () =>
  org.ds.query(
    `SELECT module || ':' || reference AS r, actor_login, changes, message FROM audit_entry WHERE action = 'inherit' AND id > $1 ORDER BY module, reference`,
    [since],
  );

describe("an heir's records each say where they came from", () => {
  it('deleting bob: one entry per record alice receives, with the owner fields that changed', async () => {
    const bob = await org.userId('bob');
    const alice = await org.userId('alice');
    const received = await recordsOf(bob);
    expect(received.length).toBeGreaterThan(3);
    const ines = await org.signIn('ines');
    expect((await ines.delete('User', bob, { heirId: alice })).status).toBe(200);
    const entries = await inherited();
    expect(entries.map((e: { r: string }) => e.r)).toEqual(received);
    for (const e of entries) expect(e).toMatchObject({ actor_login: 'ines', message: 'Repris de bob, supprimé.' });
    // CON-1: bob was its secondary advisor; CON-3: its primary advisor.
    expect(entries.find((e: { r: string }) => e.r === 'Contact:CON-1').changes).toEqual({ secondaryAdvisorId: [bob, alice] });
    expect(entries.find((e: { r: string }) => e.r === 'Account:ACC-4').changes).toEqual({ ownerUserId: [bob, alice] });
  });

  it("the record's own history shows it, to whoever may read the record now", async () => {
    const ines = await org.signIn('ines');
    expect((await ines.delete('User', await org.userId('bob'), { heirId: await org.userId('alice') })).status).toBe(200);
    const alice = await org.signIn('alice');
    const history = await alice.portier('GET', `/history/Account/${await org.recordId('account', 'ACC-4')}`);
    expect(history.status).toBe(200);
    expect(history.body.entries[0]).toMatchObject({ action: 'inherit', actorLogin: 'ines', reference: 'ACC-4', message: 'Repris de bob, supprimé.' });
  });

  it('deleting a team: one entry per record its heir receives', async () => {
    const ines = await org.signIn('ines');
    const team = await org.teamId('Grands comptes');
    const alice = await org.userId('alice');
    expect((await ines.portier('DELETE', `/teams/${team}`, { heirUserId: alice })).status).toBe(200);
    const entries = await inherited();
    expect(entries.map((e: { r: string }) => e.r)).toEqual(['Account:ACC-3', 'Activity:ACT-3', 'Deal:DEA-3']);
    expect(entries[0].changes).toEqual({ ownerUserId: [null, alice], ownerTeamId: [team, null] });
  });

  it('a refused deletion leaves no entry (one transaction)', async () => {
    const ines = await org.signIn('ines');
    // farid is made a system user: his deletion is refused after the checks, before anything is written.
    await org.ds.query(`UPDATE app_user SET system = true WHERE login = 'farid'`);
    expect((await ines.bulkDelete('User', [await org.userId('bob'), await org.userId('farid')], { heirId: await org.userId('alice') })).status).toBe(403);
    expect(await inherited()).toEqual([]);
    expect((await recordsOf(await org.userId('bob'))).length).toBeGreaterThan(3);
  });
});

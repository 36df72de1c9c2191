import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { example } from '../support/examples.js';
import { importDoc } from '../support/import.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * The sharing page's routes (docs/spec/access-model.md, "Organisation-wide defaults" and "Sharing rules"),
 * over HTTP on the worked example: `ines` holds manageUsers and manageAccess, `alice` holds no
 * set-up right. Defaults: Account public_read, Deal private, Ticket public_read_write,
 * PurchaseOrder public_read; four rules.
 */
let db: TestDatabase;
let server: RunningServer;
let ines: AdminClient;
let alice: AdminClient;
const roleId = async (name: string): Promise<number> => (await db.ds.query(`SELECT id FROM role WHERE name = $1`, [name]))[0].id;
const teamId = async (name: string): Promise<number> => (await db.ds.query(`SELECT id FROM team WHERE name = $1`, [name]))[0].id;
const defaults = async (): Promise<Record<string, string>> =>
  Object.fromEntries((await db.ds.query(`SELECT module, level FROM sharing_default`)).map((r: { module: string; level: string }) => [r.module, r.level]));
const ruleCount = async (): Promise<number> => (await db.ds.query(`SELECT count(*)::int AS n FROM sharing_rule`))[0].n;

beforeAll(async () => {
  db = await freshDatabase();
  await importDoc(db.ds, example());
  server = await startServer({ DATABASE_URL: db.url, SESSION_SECRET: 'test', PORTIER_NO_DEMO: '1' });
  ines = await AdminClient.signIn(server.url, 'ines');
  alice = await AdminClient.signIn(server.url, 'alice');
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

interface ModuleRow {
  module: string;
  level: string;
  locked: string | null;
  reasons: string[];
  options: Array<{ level: string; refused: string | null }>;
}
const page = async (client = ines, lang = 'fr') => {
  const res = await client.portier('GET', `/sharing?lang=${lang}`);
  expect(res.status).toBe(200);
  return res.body as {
    modules: ModuleRow[];
    followers: Array<{ module: string; reason: string }>;
    rules: Array<{ id: number; name: string | null; module: string; sentence: string }>;
  };
};
const row = (body: { modules: ModuleRow[] }, module: string) => body.modules.find((m) => m.module === module)!;

describe('the sharing page', () => {
  it('lists the defaults per module, and says up front why Activity and Contact take none', async () => {
    const body = await page();
    expect(Object.fromEntries(body.modules.map((m) => [m.module, m.level]))).toEqual({
      Lead: 'private',
      Account: 'public_read',
      Deal: 'private',
      Ticket: 'public_read_write',
      Quote: 'private',
      SalesOrder: 'private',
      PurchaseOrder: 'public_read',
      Invoice: 'private',
      Activity: 'private',
    });
    expect(row(body, 'Activity').locked).toBe('Les activités sont toujours privées et ne prennent pas de règle de partage.');
    expect(body.followers).toEqual([
      { module: 'Contact', follows: 'Account', reason: expect.stringContaining('Pas de partage par défaut propre : suit celui des comptes et contacts.') },
    ]);
    // Account is public: its children may take any level.
    expect(row(body, 'Deal')).toMatchObject({ locked: null, reasons: [] });
    expect(row(body, 'Deal').options.every((o) => o.refused === null)).toBe(true);
    // Account cannot become private while Ticket and PurchaseOrder are public: said before trying.
    expect(row(body, 'Account').options.find((o) => o.level === 'private')!.refused).toMatch(
      /Les comptes et contacts ne peuvent pas passer en privé tant que les tickets sont en « lecture et écriture publiques » : passez d'abord les tickets en privé/,
    );
  });

  it("explains each rule by its sentence, with the registry's module labels, in French and in English", async () => {
    const sentences = (await page()).rules.map((r) => r.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        'Les affaires appartenant à Ventes Nord et subordonnés sont partagées en lecture avec Ventes Sud.',
        "Les comptes et contacts appartenant à l'équipe Grands comptes sont partagés en lecture et écriture avec Support.",
        "Les factures appartenant à Comptabilité sont partagées en lecture avec l'équipe Qualité.",
      ]),
    );
    expect((await page(ines, 'en')).rules.map((r) => r.sentence)).toContain(
      'Deals owned by Ventes Nord and subordinates are shared with Ventes Sud, read only.',
    );
  });

  it("creates, edits and deletes a rule; the draft's sentence is previewed before saving", async () => {
    const draft = {
      module: 'Lead',
      fromKind: 'roleAndSubordinates',
      fromRoleId: await roleId('Ventes'),
      toKind: 'team',
      toTeamId: await teamId('Qualité'),
      access: 'read_write',
    };
    const sentence = "Les pistes appartenant à Ventes et subordonnés sont partagées en lecture et écriture avec l'équipe Qualité.";
    expect((await ines.portier('POST', '/sharing/rules/preview', { module: 'Lead', fromKind: 'role' })).body.sentence).toBeNull();
    expect((await ines.portier('POST', '/sharing/rules/preview', draft)).body).toEqual({ sentence, problem: null });
    const before = await ruleCount();

    const created = await ines.portier('POST', '/sharing/rules', { ...draft, name: 'Pistes pour la qualité' });
    expect(created.status).toBe(200);
    expect(created.body.rule.sentence).toBe(sentence);
    const id = created.body.rule.id;
    const [stored] = await db.ds.query(`SELECT name, module, from_kind, from_role_id, to_kind, to_team_id, access FROM sharing_rule WHERE id = $1`, [id]);
    expect(stored).toEqual({
      name: 'Pistes pour la qualité',
      module: 'Lead',
      from_kind: 'roleAndSubordinates',
      from_role_id: draft.fromRoleId,
      to_kind: 'team',
      to_team_id: draft.toTeamId,
      access: 'read_write',
    });
    expect((await page()).rules.find((r) => r.id === id)!.sentence).toBe(sentence);

    const edited = await ines.portier('PUT', `/sharing/rules/${id}`, { ...draft, name: 'Pistes pour la qualité', fromKind: 'role', access: 'read' });
    expect(edited.status).toBe(200);
    expect(edited.body.rule.sentence).toBe("Les pistes appartenant à Ventes sont partagées en lecture avec l'équipe Qualité.");
    expect((await db.ds.query(`SELECT from_kind, access FROM sharing_rule WHERE id = $1`, [id]))[0]).toEqual({ from_kind: 'role', access: 'read' });

    expect((await ines.portier('DELETE', `/sharing/rules/${id}`)).status).toBe(200);
    expect(await ruleCount()).toBe(before);
    expect((await ines.portier('DELETE', `/sharing/rules/${id}`)).status).toBe(404);
  });

  it('refuses a rule on Contact or Activity, or without its role or team, in French, and stores nothing', async () => {
    const before = await ruleCount();
    const from = { fromKind: 'role', fromRoleId: await roleId('Ventes'), toKind: 'role', toRoleId: await roleId('Support'), access: 'read' };
    const contact = await ines.portier('POST', '/sharing/rules', { ...from, module: 'Contact' });
    expect([contact.status, contact.body.message]).toEqual([
      400,
      expect.stringContaining("Pas de règles propres : les règles des comptes et contacts s'y appliquent."),
    ]);
    const activity = await ines.portier('POST', '/sharing/rules', { ...from, module: 'Activity' });
    expect([activity.status, activity.body.message]).toEqual([400, expect.stringContaining('Les activités sont toujours privées')]);
    const noTeam = await ines.portier('POST', '/sharing/rules', { ...from, module: 'Deal', toKind: 'team', toRoleId: null });
    expect([noTeam.status, noTeam.body.message]).toEqual([400, expect.stringContaining('Choisissez une équipe existante (destinataire).')]);
    expect((await ines.portier('POST', '/sharing/rules/preview', { ...from, module: 'Contact' })).body.problem).toMatch(
      /Pas de règles propres : les règles des comptes et contacts/,
    );
    expect(await ruleCount()).toBe(before);
  });

  it('while Account is private, locks its children with the reason, and refuses to open one: nothing changes', async () => {
    for (const [module, level] of [
      ['Ticket', 'private'],
      ['PurchaseOrder', 'private'],
      ['Account', 'private'],
    ]) {
      const res = await ines.portier('PUT', `/sharing/defaults/${module}`, { level });
      expect([module, res.status]).toEqual([module, 200]);
    }
    const body = await page();
    const reason = 'Les affaires doivent rester en privé tant que les comptes et contacts sont en privé.';
    expect(row(body, 'Deal').locked).toBe(reason);
    expect(
      row(body, 'Deal')
        .options.filter((o) => o.level !== 'private')
        .map((o) => o.refused),
    ).toEqual([reason, reason, reason]);
    expect(row(body, 'Lead').locked).toBeNull(); // Lead is independent

    const before = await defaults();
    const refused = await ines.portier('PUT', '/sharing/defaults/Deal', { level: 'public_read' });
    expect([refused.status, refused.body.message]).toEqual([400, `${reason} Rien n'a été modifié.`]);
    expect(await defaults()).toEqual(before);
    const [entry] = await db.ds.query(`SELECT action, message FROM audit_entry WHERE action = 'refused' ORDER BY id DESC LIMIT 1`);
    expect(entry.message).toContain(reason);
    // A user who reads English is refused in English, the modules named by their English labels.
    await db.ds.query(`UPDATE app_user SET locale = 'en' WHERE login = 'ines'`);
    const english = await ines.portier('PUT', '/sharing/defaults/Deal', { level: 'public_read' });
    await db.ds.query(`UPDATE app_user SET locale = 'fr' WHERE login = 'ines'`);
    expect([english.status, english.body.message]).toEqual([400, 'Deals must stay private while accounts and contacts are private. Nothing was changed.']);

    // Opening Account again unlocks them.
    expect((await ines.portier('PUT', '/sharing/defaults/Account', { level: 'public_read' })).status).toBe(200);
    expect((await ines.portier('PUT', '/sharing/defaults/Deal', { level: 'public_read' })).status).toBe(200);
    expect((await defaults()).Deal).toBe('public_read');
  });

  it('refuses without the capability (403, in French), and changes nothing', async () => {
    const before = [await defaults(), await ruleCount()];
    for (const [method, path, body] of [
      ['GET', '/sharing', undefined],
      ['PUT', '/sharing/defaults/Lead', { level: 'public_read' }],
      ['POST', '/sharing/rules', { module: 'Lead', fromKind: 'role', fromRoleId: 1, toKind: 'role', toRoleId: 1, access: 'read' }],
      ['POST', '/sharing/rules/preview', { module: 'Lead' }],
    ] as const) {
      const res = await alice.portier(method, path, body);
      expect([path, res.status, res.body.message]).toEqual([path, 403, expect.stringMatching(/^Refusé : il faut le droit/)]);
    }
    expect([await defaults(), await ruleCount()]).toEqual(before);
  });
});

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 10 of issue 16: explain without leaking. The "Pourquoi ?" record search lists only the
 * records the viewer may read (all of them for admins and viewAll holders); a record the viewer
 * cannot read is still explained by its exact reference, without its name or its facts (which team
 * owns it, which role its owner has). ines (user manager, no module right) reads no record; oscar
 * manages users and reads everything (viewAll).
 */
let org: OrgServer;
let ines: AdminClient;
let oscar: AdminClient;
const doc = exampleWithSpareSeats();
doc.profiles.push({ name: 'Gestion et lecture', licenseTier: 'premium', viewAll: true, capabilities: ['manageUsers'], modules: {} });
doc.roles.push({ name: 'Contrôle', parent: 'Direction', profiles: ['Gestion et lecture'] });
doc.users.push({
  login: 'cabinet',
  email: 'cabinet@client.test',
  password: 'Portier2024',
  kind: 'client',
  role: null,
  dossiers: [{ account: 'ACC-1', profile: 'Connect & pay' }],
});
doc.users.push({
  login: 'oscar',
  email: 'oscar@exemple.test',
  password: 'Portier2024',
  firstName: 'Oscar',
  lastName: 'Petit',
  status: 'active',
  role: 'Contrôle',
});

const server = orgServerFor(doc);
beforeAll(async () => {
  org = server();
  [ines, oscar] = await Promise.all(['ines', 'oscar'].map((l) => org.signIn(l)));
});

const records = async (client: AdminClient, module: string, q = '') =>
  (await client.portier('GET', `/effective-access/records?module=${module}&q=${encodeURIComponent(q)}`)).body.records;
const explain = async (client: AdminClient, login: string, module: string, reference: string, action = 'read') =>
  client.portier('GET', `/effective-access/users/${await org.userId(login)}/explain?module=${module}&reference=${reference}&action=${action}`);

describe('the record search of "Pourquoi ?"', () => {
  it('lists nothing a user manager may not read: no reference, no name', async () => {
    for (const module of ['Contact', 'Account', 'Deal', 'Invoice']) {
      expect([module, await records(ines, module)]).toEqual([module, []]);
    }
    expect(await records(ines, 'Contact', 'Dup')).toEqual([]);
  });

  it('lists every record to a viewAll holder, with its name', async () => {
    const contacts = await records(oscar, 'Contact');
    expect(contacts.map((r: { reference: string }) => r.reference).sort()).toEqual(doc.records.Contact.map((r: { reference: string }) => r.reference).sort());
    expect(contacts.find((r: { reference: string }) => r.reference === 'CON-1').name).toBe(doc.records.Contact[0].name);
  });
});

describe('explaining a record one may not read, by its exact reference', () => {
  it("gives the verdict and the chain, without the record's name, owning team or owner's role", async () => {
    const team = await explain(ines, 'chloe', 'Account', 'ACC-3', 'edit');
    expect(team.status).toBe(200);
    expect(team.body).toMatchObject({ allowed: true, text: "Chloé Petit peut modifier ce compte parce qu'il appartient à l'une de ses équipes." });
    expect(JSON.stringify(team.body)).not.toMatch(/Grands comptes|Hôtel des Alpes/);
    const hierarchy = await explain(ines, 'damien', 'Deal', 'DEA-1', 'delete');
    expect(hierarchy.body.text).toBe('Damien Leroy peut supprimer cette affaire parce que son rôle, Ventes, est au-dessus de celui du propriétaire.');
    expect(JSON.stringify(hierarchy.body)).not.toContain('Ventes Nord');
    expect(JSON.stringify(hierarchy.body)).not.toContain(doc.records.Deal[0].name);
  });

  // Attack on the finished issue 16: the sharing rule that matched the record was named, with its
  // `from` ("Ventes Nord et subordonnés"), which said its owner's role all the same.
  it("says a sharing rule applies, not which one (its `from` would name the owner's role or team)", async () => {
    const viaRule = await explain(ines, 'chloe', 'Deal', 'DEA-1', 'read');
    expect(viaRule.body).toMatchObject({ allowed: true, reasons: expect.arrayContaining([{ code: 'rule', rule: null }]) });
    expect(viaRule.body.text).toBe("Chloé Petit voit cette affaire parce qu'une règle de partage la lui ouvre.");
    expect(JSON.stringify(viaRule.body)).not.toMatch(/Ventes Nord|alice/);
  });

  it('a viewer who may read the record gets the facts', async () => {
    const team = await explain(oscar, 'chloe', 'Account', 'ACC-3', 'edit');
    expect(team.body.text).toBe("Chloé Petit peut modifier ce compte parce qu'il appartient à son équipe Grands comptes.");
    expect((await explain(oscar, 'chloe', 'Deal', 'DEA-1', 'read')).body.text).toContain('Ventes Nord');
  });
});

// Attack on the finished issue 16: the client-access page of user managers and access consultants
// listed every Account's name (its dossier picker, searched by name too, and the users' dossiers).
describe('the client-access page', () => {
  const accounts = async (client: AdminClient, q: string) => (await client.portier('GET', `/clients/accounts?q=${encodeURIComponent(q)}`)).body.accounts;
  const dossiers = async (client: AdminClient) =>
    (await client.portier('GET', '/clients/users')).body.users
      .find((u: { login: string }) => u.login === 'cabinet')
      .dossiers.map((d: { account: string; accountName: string | null }) => [d.account, d.accountName]);

  // A dossier is opened only on an Account one may read (docs/client-access.md, "Créer un client"),
  // so the picker no longer offers one found by its exact reference.
  it('offers a user manager no Account they may not read, not even one named by its exact reference', async () => {
    expect(await accounts(ines, '')).toEqual([]);
    expect(await accounts(ines, 'Dup')).toEqual([]);
    expect(await accounts(ines, 'ACC-2')).toEqual([]);
    expect(await dossiers(ines)).toEqual([['ACC-1', null]]);
  });

  it('shows the names of the Accounts the viewer may read', async () => {
    expect(await accounts(oscar, 'Dup')).toEqual([{ id: await org.recordId('account', 'ACC-1'), reference: 'ACC-1', name: 'Boulangerie Dupain' }]);
    expect(await dossiers(oscar)).toEqual([['ACC-1', 'Boulangerie Dupain']]);
  });
});

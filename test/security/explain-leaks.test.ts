import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 10 of issue 16: explain without leaking. The "Pourquoi ?" record search lists only the
 * records the viewer may read (all of them for admins and viewAll holders); a record the viewer
 * cannot read, even named by its exact reference, answers as one that does not exist. ines (user manager, no module right) reads no record; oscar
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
  // Issue 20: the facts were hidden, but the answer (200 with a verdict, 404 for a missing
  // reference only) still told a user manager which references exist. Now it is a missing record's.
  it.each([
    ['chloe', 'Account', 'ACC-3', 'ACC-404', 'edit'],
    ['damien', 'Deal', 'DEA-1', 'DEA-404', 'delete'],
    ['chloe', 'Deal', 'DEA-1', 'DEA-404', 'read'],
    ['alice', 'Contact', 'CON-1', 'CON-404', 'read'],
  ])('answers %s on %s %s exactly as on a reference that does not exist', async (login, module, reference, missing, action) => {
    const hidden = await explain(ines, login, module, reference, action);
    const absent = await explain(ines, login, module, missing, action);
    expect(absent.status).toBe(404);
    expect([hidden.status, hidden.body]).toEqual([absent.status, JSON.parse(JSON.stringify(absent.body).replaceAll(missing, reference))]);
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

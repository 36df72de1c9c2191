import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { orgServerFor, type OrgServer } from '../support/org-server.js';
import { parseCsv } from '../support/csv.js';

/**
 * The client profile editor over HTTP (docs/client-access.md, "Restreindre un profil client";
 * docs/spec/client-access.md): a consultant duplicates a predefined client profile, restricts the
 * copy within its tier (an export removed, a field hidden), and gives it to a dossier; the client
 * user then can no longer export that module nor see that field. The four predefined profiles stay
 * as they are; a right beyond the tier is refused with the rights named; only `manageAccess` edits.
 */
const doc = exampleWithSpareSeats();
doc.users.push({
  login: 'comptable',
  email: 'comptable@client.test',
  password: 'Portier2024',
  kind: 'client',
  role: null,
  dossiers: [{ account: 'ACC-1', profile: 'Comptabilité complète' }],
});
// A user manager who does not manage profiles: the Accès clients page is theirs, the profile editor is not.
doc.profiles.push({ name: 'Utilisateurs seulement', licenseTier: 'premium', capabilities: ['manageUsers'], modules: {} });
doc.roles.push({ name: 'Ressources humaines', parent: 'Direction', profiles: ['Utilisateurs seulement'] });
doc.users.push({ login: 'remi.rh', email: 'rh@exemple.test', password: 'Portier2024', firstName: 'Rémi', lastName: 'Hamon', role: 'Ressources humaines' });

const server = orgServerFor(doc);
let org: OrgServer;
let ines: AdminClient;
let comptable: AdminClient;
beforeAll(async () => {
  org = server();
  [ines, comptable] = await Promise.all(['ines', 'comptable'].map((l) => org.signIn(l)));
});

const profileRow = (id: number) => org.one(`SELECT name, license_tier, system, audience, modules, fields, description FROM profile WHERE id = $1`, [id]);
/** The body the editor sends: the profile as it is, with the changes of the test. */
const bodyOf = (p: { name: string; license_tier: string; modules: unknown; fields: unknown; description?: string }) => ({
  name: p.name,
  description: p.description ?? '',
  licenseTier: p.license_tier,
  modules: p.modules,
  fields: p.fields,
});
let copyId: number;

describe('the client profile editor, for consultants', () => {
  it('tells the editor, per right, the lowest tier that includes it (none for the internal notes)', async () => {
    const r = await ines.portier('GET', '/clients/profile-catalog');
    expect(r.status).toBe(200);
    expect(r.body.tiers).toEqual(['connect', 'invoicing', 'accounting', 'commercial']);
    expect(r.body.reservedTo.Invoice).toMatchObject({ read: 'connect', edit: 'invoicing', export: 'accounting', delete: null });
    expect(r.body.reservedTo.Deal.read).toBe('commercial');
    expect(r.body.reservedTo.Activity.read).toBeNull();
    expect(r.body.maxima.accounting.Invoice).toEqual(expect.arrayContaining(['read', 'export']));
    // Owners and authors are never shown to client users: their field access is not offered.
    const invoice = r.body.modules.find((m: { name: string }) => m.name === 'Invoice');
    expect(invoice.fields).toEqual(expect.arrayContaining(['amount', 'name']));
    for (const hidden of ['ownerUserId', 'ownerTeamId', 'createdById', 'id']) expect(invoice.fields).not.toContain(hidden);
  });

  it('"Dupliquer pour restreindre" creates a copy that keeps the tier, the price and every right, under a free name', async () => {
    const source = await org.profileId('Comptabilité complète');
    const dup = await ines.portier('POST', `/clients/profiles/${source}/duplicate`, {});
    expect(dup.status).toBe(200);
    expect(dup.body.name).toBe('Comptabilité complète – restreint');
    copyId = dup.body.id;
    const [copy, original] = await Promise.all([profileRow(copyId), profileRow(source)]);
    expect(copy).toMatchObject({ license_tier: 'accounting', audience: 'client', system: false, modules: original.modules, fields: original.fields });
    const again = await ines.portier('POST', `/clients/profiles/${source}/duplicate`, {});
    expect([again.status, again.body.name]).toEqual([200, 'Comptabilité complète – restreint (2)']);
    const listed = (await ines.portier('GET', '/clients/profiles')).body.profiles.find((p: { id: number }) => p.id === copyId);
    expect(listed).toMatchObject({ tier: 'accounting', priceLevel: 3, system: false });
  });

  it('saves the restricted copy (an export removed, a field hidden), audited with what changed', async () => {
    const before = await profileRow(copyId);
    const modules = { ...before.modules, Invoice: { ...before.modules.Invoice, export: false } };
    const saved = await ines.portier('PUT', `/clients/profiles/${copyId}`, { ...bodyOf(before), modules, fields: { Invoice: { amount: 'none' } } });
    expect([saved.status, saved.body.message]).toEqual([200, expect.stringContaining('enregistré')]);
    const after = await profileRow(copyId);
    expect(after.modules.Invoice).toEqual({ create: true, read: true, edit: true, delete: false, export: false });
    expect(after.fields).toEqual({ Invoice: { amount: 'none' } });
    expect(after.license_tier).toBe('accounting');
    const entry = await org.one(`SELECT actor_login, action, changes FROM audit_entry WHERE module = 'Profile' AND record_id = $1 ORDER BY id DESC LIMIT 1`, [
      String(copyId),
    ]);
    expect(entry).toMatchObject({ actor_login: 'ines', action: 'update' });
    expect(entry.changes.modules[0].Invoice.export).toBe(true);
    expect(entry.changes.modules[1].Invoice.export).toBe(false);
    expect(entry.changes.fields).toEqual([{}, { Invoice: { amount: 'none' } }]);
  });

  it('refuses a right beyond the tier with 400, naming each right and the tier that includes it; nothing changes', async () => {
    const before = await profileRow(copyId);
    const modules = { ...before.modules, Deal: { read: true }, Contact: { read: true, edit: true } };
    const r = await ines.portier('PUT', `/clients/profiles/${copyId}`, { ...bodyOf(before), modules });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('niveau « Comptabilité complète »');
    expect(r.body.message).toContain('Deal : lire (réservé au niveau Gestion commerciale avancée)');
    expect(r.body.message).toContain('Contact : modifier (réservé au niveau Gestion commerciale avancée)');
    expect(r.body.message).toContain("Rien n'a été modifié.");
    const activity = await ines.portier('PUT', `/clients/profiles/${copyId}`, { ...bodyOf(before), modules: { ...before.modules, Activity: { read: true } } });
    expect([activity.status, activity.body.message]).toEqual([400, expect.stringContaining('Activity : lire (aucun niveau client ne le comprend)')]);
    // Lowering the tier under what the profile grants is refused the same way: the tier never moves implicitly.
    const lower = await ines.portier('PUT', `/clients/profiles/${copyId}`, { ...bodyOf(before), licenseTier: 'connect' });
    expect([lower.status, lower.body.message]).toEqual([400, expect.stringContaining('PurchaseOrder : créer (réservé au niveau Comptabilité complète)')]);
    expect(await profileRow(copyId)).toEqual(before);
  });

  it('refuses to change a predefined client profile over HTTP (its screen is read-only), and answers an internal profile as missing', async () => {
    for (const name of ['Connect & pay', 'Easy Invoicing', 'Comptabilité complète', 'Gestion commerciale avancée']) {
      const id = await org.profileId(name);
      const before = await profileRow(id);
      const modules = Object.fromEntries(Object.keys(before.modules).map((m) => [m, { ...before.modules[m], export: false }]));
      const r = await ines.portier('PUT', `/clients/profiles/${id}`, { ...bodyOf(before), modules });
      expect([name, r.status, r.body.message]).toEqual([name, 403, expect.stringContaining('dupliquez-le')]);
      expect(await profileRow(id)).toEqual(before);
    }
    const internal = await org.profileId('Commercial');
    const r = await ines.portier('PUT', `/clients/profiles/${internal}`, { name: 'Commercial', licenseTier: 'connect', modules: {}, fields: {} });
    expect(r.status).toBe(404);
    expect((await org.one(`SELECT audience FROM profile WHERE id = $1`, [internal])).audience).toBe('internal');
  });

  it('takes nothing but what a client profile holds: capabilities or contact scopes in the body are bad input', async () => {
    const before = await profileRow(copyId);
    const r = await ines.portier('PUT', `/clients/profiles/${copyId}`, { ...bodyOf(before), capabilities: ['manageUsers'] });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/capabilities/);
    expect(await profileRow(copyId)).toEqual(before);
  });

  it('refuses the editor to users without manageAccess: a salesman, and a user manager', async () => {
    const id = await org.profileId('Comptabilité complète');
    for (const login of ['bob', 'remi.rh']) {
      const user = await org.signIn(login);
      expect([login, (await user.portier('GET', '/clients/profile-catalog')).status]).toEqual([login, 403]);
      expect([login, (await user.portier('POST', `/clients/profiles/${id}/duplicate`, {})).status]).toEqual([login, 403]);
      const before = await profileRow(copyId);
      expect([login, (await user.portier('PUT', `/clients/profiles/${copyId}`, bodyOf(before))).status]).toEqual([login, 403]);
      expect(await profileRow(copyId)).toEqual(before);
    }
  });
});

describe('a client user under the restricted copy', () => {
  const invoiceParams = async () => {
    const list = await comptable.list('Invoice');
    const inv1 = list.body.records.find((r: { params: { reference: string } }) => r.params.reference === 'INV-1');
    const show = await comptable.show('Invoice', await org.recordId('invoice', 'INV-1'));
    return { list: inv1.params, show: show.body.record.params };
  };

  it('can no longer export the module and no longer sees the hidden field, once a consultant gives the copy to their dossier', async () => {
    const exported = await comptable.export('Invoice');
    expect(exported.status).toBe(200);
    expect(parseCsv(exported.body.csv.replace(/^\uFEFF/, '').trim())[0]).toContain('amount');
    const before = await invoiceParams();
    expect('amount' in before.list && 'amount' in before.show).toBe(true);

    // "Transférer un utilisateur (avancé)": the client user, their dossier ACC-1, the restricted copy.
    const moved = await ines.portier('POST', `/clients/users/${await org.userId('comptable')}/dossiers/${await org.recordId('account', 'ACC-1')}/transfer`, {
      to: copyId,
    });
    expect(moved.status).toBe(200);

    expect((await comptable.export('Invoice')).status).toBe(403);
    const after = await invoiceParams();
    expect(Object.keys(after.list)).not.toContain('amount');
    expect(Object.keys(after.show)).not.toContain('amount');
    expect(after.show.name).toBe('Facture four'); // the rest of the invoice is still theirs to read
    // The other modules keep the copy's rights: export of sales orders is still allowed.
    expect((await comptable.export('SalesOrder')).status).toBe(200);
  });
});

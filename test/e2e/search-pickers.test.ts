import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { orgServerFor, type OrgServer } from '../support/org-server.js';
import { decide, type RefOrg } from '../support/reference-evaluator.js';

/**
 * The searchable pickers' routes (GET /portier/search/…): names containing the typed text, at
 * most a page, only from lists the caller may read — users' names for every collaborator, their
 * roles and the roles list for who manages users or access, teams' names for every collaborator,
 * records through the engine's read condition (checked here against the independent evaluator).
 * A client user reads none of the set-up lists.
 *
 * On the example organisation: `ines` manages users and access; `bob` is a salesman; `comptable`
 * a client user with one dossier.
 */
const doc = exampleWithSpareSeats();
doc.users.push({
  login: 'comptable',
  email: 'comptable@client.test',
  password: 'Portier2024',
  kind: 'client',
  role: null,
  dossiers: [{ account: 'ACC-1', profile: 'Connect & pay' }],
});
const org = doc as unknown as RefOrg;
const server = orgServerFor(doc);
let o: OrgServer;
let ines: AdminClient;
let bob: AdminClient;
let comptable: AdminClient;

type Options = Array<{ id: number; label: string; detail: string | null }>;
const search = async (who: AdminClient, path: string): Promise<{ status: number; options: Options }> => {
  const r = await who.portier('GET', path);
  return { status: r.status, options: (r.body as { options: Options }).options };
};

beforeAll(async () => {
  o = server();
  [ines, bob, comptable] = await Promise.all([o.signIn('ines'), o.signIn('bob'), o.signIn('comptable')]);
});

describe('GET /search/users', () => {
  it('finds a user by part of their name or login, named, with their role for who manages users', async () => {
    const { status, options } = await search(ines, '/search/users?q=lic');
    expect(status).toBe(200);
    const alice = await o.one(`SELECT u.id, u.full_name, r.name AS role FROM app_user u JOIN role r ON r.id = u.role_id WHERE login = 'alice'`);
    expect(options).toContainEqual({ id: alice.id, label: `${alice.full_name} (alice)`, detail: alice.role });
    for (const found of options) expect(found.label.toLowerCase()).toContain('lic');
  });

  it('gives a collaborator the names only, not the roles', async () => {
    const { status, options } = await search(bob, '/search/users?q=alice');
    expect(status).toBe(200);
    expect(options).toHaveLength(1);
    expect(options[0].detail).toBeNull();
  });

  it('takes the typed text literally: % and _ match only themselves', async () => {
    expect((await search(ines, '/search/users?q=%25')).options).toEqual([]);
    expect((await search(ines, '/search/users?q=_')).options).toEqual([]);
  });

  it('narrows to internal or client users, and to active ones, on the server', async () => {
    const clients = (await search(ines, '/search/users?kind=client')).options.map((f) => f.label);
    const expected = (await o.ds.query(`SELECT login FROM app_user WHERE kind = 'client' ORDER BY login`)).map((u: { login: string }) => u.login);
    expect(clients.map((l) => /\(([^)]+)\)$/.exec(l)![1]).sort()).toEqual(expected);
    const internals = (await search(ines, '/search/users?kind=internal&q=comptable')).options;
    expect(internals).toEqual([]);
    await o.ds.query(`UPDATE app_user SET status = 'inactive' WHERE login = 'hugo'`);
    try {
      expect((await search(ines, '/search/users?q=hugo&active=1')).options).toEqual([]);
      expect((await search(ines, '/search/users?q=hugo')).options).toHaveLength(1);
    } finally {
      await o.ds.query(`UPDATE app_user SET status = 'active' WHERE login = 'hugo'`);
    }
  });

  it('answers at most one page, in SQL, whatever the organisation holds', async () => {
    const [{ n }] = await o.ds.query(`SELECT count(*)::int AS n FROM app_user`);
    const { options } = await search(ines, '/search/users');
    expect(options.length).toBe(Math.min(n, 30));
  });

  it('refuses a client user: no list of users, roles or teams', async () => {
    for (const path of ['/search/users?q=a', '/search/roles?q=a', '/search/teams?q=a']) {
      const r = await comptable.portier('GET', path);
      expect(r.status).toBe(403);
      expect((r.body as { options?: unknown }).options).toBeUndefined();
    }
  });
});

describe('GET /search/roles and /search/teams', () => {
  it('finds roles for who manages access, and refuses a salesman', async () => {
    const { status, options } = await search(ines, '/search/roles?q=ventes');
    expect(status).toBe(200);
    const expected = doc.roles.filter((r: { name: string }) => r.name.toLowerCase().includes('ventes')).map((r: { name: string }) => r.name);
    expect(options.map((f) => f.label).sort()).toEqual(expected.sort());
    expect((await bob.portier('GET', '/search/roles?q=ventes')).status).toBe(403);
  });

  it('finds teams by name for every collaborator', async () => {
    const { status, options } = await search(bob, '/search/teams?q=comptes');
    expect(status).toBe(200);
    expect(options.map((f) => f.label)).toEqual(['Grands comptes']);
  });
});

describe('GET /search/records', () => {
  it('offers exactly the records the user may read (as the independent evaluator decides), by reference or name', async () => {
    for (const login of ['bob', 'ines', 'comptable']) {
      const who = login === 'bob' ? bob : login === 'ines' ? ines : comptable;
      for (const module of ['Deal', 'Account', 'Contact']) {
        const records = doc.records[module] as Array<{ reference: string }>;
        const readable = records.filter((r) => decide(org, login, module, r.reference, 'read')).map((r) => r.reference);
        const { status, options } = await search(who, `/search/records?module=${module}&q=`);
        expect(status).toBe(200);
        expect(options.map((f) => f.label.split(' · ')[0]).sort()).toEqual(readable.sort());
      }
    }
  });

  it('searches the typed text in the reference and the name', async () => {
    // A record bob may read, found by a piece of its name, then by its reference.
    const [module, record] = ['Account', 'Contact', 'Deal']
      .flatMap((m) => (doc.records[m] as Array<{ reference: string; name: string }>).map((r) => [m, r] as const))
      .find(([m, r]) => decide(org, 'bob', m, r.reference, 'read'))!;
    const label = `${record.reference} · ${record.name}`;
    const byName = await search(bob, `/search/records?module=${module}&q=${encodeURIComponent(record.name.slice(1, 6))}`);
    expect(byName.options.map((f) => f.label)).toContain(label);
    const byReference = await search(bob, `/search/records?module=${module}&q=${encodeURIComponent(record.reference.toLowerCase())}`);
    expect(byReference.options.map((f) => f.label)).toEqual([label]);
  });

  it('answers an unknown module like a missing record', async () => {
    expect((await bob.portier('GET', '/search/records?module=Nope&q=a')).status).toBe(404);
  });
});

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { messageOf, orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 11 of issue 16: look-alike names. The names of roles, profiles and teams (and rules) are
 * compared after Unicode normalisation (NFKC) and trimming, and a name holding a control or an
 * invisible format character (Unicode Cc, Cf: a zero-width space, a right-to-left override) is
 * refused (docs/spec/org-format.md, "Names"), on every path that names them.
 */
let org: OrgServer;
let ines: AdminClient;
const doc = exampleWithSpareSeats();

const server = orgServerFor(doc);
beforeAll(async () => {
  org = server();
  ines = await org.signIn('ines');
});

const ZWSP = '\u200B';
const RLO = '\u202E';
const HIDDEN = /caractère de contrôle ou invisible \(U\+(200B|202E|0007)\)/;
const count = async (table: string) => Number((await org.one(`SELECT count(*)::int AS n FROM ${table}`)).n);

describe('a name with a hidden character is refused', () => {
  it('roles, through the route and the AdminJS form', async () => {
    const before = await count('role');
    const parentId = await org.roleId('Direction');
    const profileIds = [await org.profileId('Support')];
    for (const name of [`Direction${ZWSP}`, `${RLO}Direction`, 'Dir\u0007ection']) {
      const route = await ines.portier('POST', '/roles', { name, parentId, profileIds });
      const form = await ines.create('Role', { name, parentId, 'profileIds.0': profileIds[0] });
      for (const res of [route, form])
        expect([JSON.stringify(name), res.status, messageOf(res)]).toEqual([JSON.stringify(name), 400, expect.stringMatching(HIDDEN)]);
    }
    expect(await count('role')).toBe(before);
  });

  it('profiles and teams too', async () => {
    expect(messageOf(await ines.portier('POST', '/profiles', { name: `Support${ZWSP}` }))).toMatch(HIDDEN);
    expect(messageOf(await ines.create('Profile', { name: `${RLO}Support`, licenseTier: 'standard' }))).toMatch(HIDDEN);
    expect(messageOf(await ines.portier('POST', '/teams', { name: `Qualité${ZWSP}` }))).toMatch(HIDDEN);
    expect(messageOf(await ines.edit('Team', await org.teamId('Qualité'), { name: `Grands comptes${RLO}` }))).toMatch(HIDDEN);
  });
});

// Attack on the finished issue 16: invisible characters outside Cc and Cf (default-ignorable code
// points such as a combining grapheme joiner, a Hangul filler or a variation selector, and the
// braille blank) passed, and so did inner runs of spaces, which a web page shows as one.
describe('other invisible characters, and inner runs of spaces', () => {
  it('a name with an invisible character of any category is refused', async () => {
    for (const c of ['\u034F', '\u3164', '\uFE0F', '\u2800', '\u115F', '\uE000', '\u0378', '\uD800']) {
      const res = await ines.portier('POST', '/profiles', { name: `Support${c}` });
      const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      expect([code, res.status, messageOf(res)]).toEqual([code, 400, expect.stringContaining(`caractère de contrôle ou invisible (U+${code})`)]);
    }
  });

  it('inner runs of spaces are one space: a duplicate, and stored so', async () => {
    const res = await ines.portier('POST', '/roles', {
      name: 'Ventes  Nord',
      parentId: await org.roleId('Direction'),
      profileIds: [await org.profileId('Support')],
    });
    expect([res.status, messageOf(res)]).toEqual([400, expect.stringMatching(/Un rôle s'appelle déjà « Ventes Nord »/)]);
    const team = await ines.portier('POST', '/teams', { name: 'Salon   du   livre' });
    expect(await org.one(`SELECT name FROM team WHERE id = $1`, [team.body.id])).toEqual({ name: 'Salon du livre' });
  });
});

describe('names are one name after NFKC and trimming', () => {
  it('full-width letters and spaces around make a duplicate', async () => {
    const parentId = await org.roleId('Direction');
    const profileIds = [await org.profileId('Support')];
    for (const name of ['Ｓｕｐｐｏｒｔ', ' Support ']) {
      const res = await ines.portier('POST', '/roles', { name, parentId, profileIds });
      expect([name, res.status, messageOf(res)]).toEqual([name, 400, expect.stringMatching(/Un rôle s'appelle déjà « Support »/)]);
    }
    expect(messageOf(await ines.portier('POST', '/teams', { name: 'Ｑｕａｌｉｔé' }))).toMatch(/Une équipe s'appelle déjà « Qualité »/);
    expect(messageOf(await ines.portier('POST', '/profiles', { name: 'Ｃｏｍｍｅｒｃｉａｌ' }))).toMatch(/Un profil s'appelle déjà « Commercial »/);
  });

  it('a new name is stored normalised', async () => {
    const res = await ines.portier('POST', '/teams', { name: '  Ｓａｌｏｎｓ  ' });
    expect(res.status).toBe(200);
    expect(await org.one(`SELECT name FROM team WHERE id = $1`, [res.body.id])).toEqual({ name: 'Salons' });
  });

  it('in an organisation file, where rows define names and where they refer to them', async () => {
    const { importDoc } = await import('../support/import.js');
    await expect(importDoc(org.ds, { version: 1, roles: [{ name: `Ventes${ZWSP}`, parent: 'Direction', profiles: ['Commercial'] }] })).rejects.toThrow(
      /roles\[0\]\.name: contains a control or invisible character \(U\+200B\)/,
    );
    const before = await count('role');
    await importDoc(org.ds, { version: 1, roles: [{ name: 'Ｖｅｎｔｅｓ ', parent: ' Direction', profiles: ['Ｃｏｍｍｅｒｃｉａｌ'] }] });
    expect(await count('role')).toBe(before); // the stored Ventes, updated
  });
});

import { beforeEach, describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { exampleWithSpareSeats } from '../support/examples.js';
import { messageOf, orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * Finding 1 of issue 16: "Admin accounts are changed by admins only" and "Own account"
 * (docs/spec/access-model.md). In the worked example ines holds manageUsers and manageAccess
 * without being admin; admin and (here) dir are admins, so no refusal below is the last-admin one.
 */
let org: OrgServer;
let ines: AdminClient;
const doc = exampleWithSpareSeats();
doc.users.find((u: { login: string }) => u.login === 'dir').isAdmin = true;

const server = orgServerFor(doc, { reload: true });
beforeEach(async () => {
  org = server();
  ines = await org.signIn('ines');
});

const ADMIN_ACCOUNT = /^Refusé : admin est un administrateur\. Seul un administrateur change son compte/;
const lastEntry = () => org.one(`SELECT action, actor_login, module, record_id, message FROM audit_entry ORDER BY id DESC LIMIT 1`);

describe('a user manager who is not admin changes nothing of an admin account', () => {
  it("cannot set an admin's password: 403, the admin still signs in with theirs, and the refusal is in the audit trail", async () => {
    const adminId = await org.userId('admin');
    const res = await ines.edit('User', adminId, { password: 'Volé2024x' });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(ADMIN_ACCOUNT)]);
    expect(await lastEntry()).toEqual({
      action: 'refused',
      actor_login: 'ines',
      module: 'User',
      record_id: String(adminId),
      message: expect.stringMatching(/admin est un administrateur/),
    });
    await expect(AdminClient.signIn(org.url, 'admin', 'Volé2024x')).rejects.toThrow(/refused/);
    await expect(AdminClient.signIn(org.url, 'admin')).resolves.toBeDefined();
  });

  it('cannot change their e-mail, names, role, login hours or free seat through the form', async () => {
    const adminId = await org.userId('admin');
    const before = await org.one(`SELECT email, first_name, role_id, login_hours, free_seat FROM app_user WHERE id = $1`, [adminId]);
    for (const change of [
      { email: 'pirate@exemple.test' },
      { firstName: 'Pirate' },
      { roleId: await org.roleId('Support') },
      { loginHours: JSON.stringify({ tz: 'Europe/Paris', days: {} }) },
      { freeSeat: true, freeSeatReason: 'x' },
    ]) {
      const res = await ines.edit('User', adminId, change);
      expect([Object.keys(change)[0], res.status, messageOf(res)]).toEqual([Object.keys(change)[0], 403, expect.stringMatching(ADMIN_ACCOUNT)]);
    }
    expect(await org.one(`SELECT email, first_name, role_id, login_hours, free_seat FROM app_user WHERE id = $1`, [adminId])).toEqual(before);
  });

  it('cannot deactivate, delete or copy an admin who is not the last one, on any path', async () => {
    const adminId = await org.userId('admin');
    const attempts = [
      await ines.portier('POST', `/users/${adminId}/status`, { status: 'inactive' }),
      await ines.edit('User', adminId, { status: 'inactive' }),
      await ines.portier('DELETE', `/users/${adminId}`, { heirId: await org.userId('alice') }),
      await ines.delete('User', adminId, { heirId: await org.userId('alice') }),
      await ines.bulkDelete('User', [await org.userId('bob'), adminId], { heirId: await org.userId('alice') }),
      await ines.portier('POST', `/users/${adminId}/copy`, { login: 'admin3', email: 'admin3@exemple.test', password: 'Portier2024' }),
    ];
    expect(attempts.map((r) => [r.status, messageOf(r)])).toEqual(attempts.map(() => [403, expect.stringMatching(ADMIN_ACCOUNT)]));
    expect(await org.one(`SELECT status FROM app_user WHERE id = $1`, [adminId])).toEqual({ status: 'active' });
    expect(await org.ds.query(`SELECT login FROM app_user WHERE login IN ('bob', 'admin3') ORDER BY login`)).toEqual([{ login: 'bob' }]);
  });

  it('cannot move an admin to another role by deleting their role with an heir role, on either path', async () => {
    // Attack on the finished issue 16: a new root role, then the admins' role deleted with it as heir.
    const created = await ines.portier('POST', '/roles', { name: 'Direction bis', parentId: null, profileIds: [await org.profileId('Support')] });
    expect(created.status).toBe(200);
    const direction = await org.roleId('Direction');
    const attempts = [
      await ines.portier('DELETE', `/roles/${direction}`, { heirId: created.body.id }),
      await ines.delete('Role', direction, { heirId: created.body.id }),
    ];
    expect(attempts.map((r) => [r.status, messageOf(r)])).toEqual(attempts.map(() => [403, expect.stringMatching(ADMIN_ACCOUNT)]));
    expect(await org.ds.query(`SELECT login FROM app_user WHERE role_id = $1 ORDER BY login`, [direction])).toEqual([{ login: 'admin' }, { login: 'dir' }]);
  });

  it('the admin-account refusal comes first when several apply (a free seat, which only admins give, here)', async () => {
    const res = await ines.edit('User', await org.userId('admin'), { freeSeat: true, freeSeatReason: 'x', isAdmin: false });
    expect(messageOf(res)).toMatch(ADMIN_ACCOUNT);
  });

  it('says it in English to a user whose language is English', async () => {
    await org.ds.query(`UPDATE app_user SET locale = 'en' WHERE login = 'ines'`);
    const res = await ines.edit('User', await org.userId('admin'), { firstName: 'Pirate' });
    expect([res.status, messageOf(res)]).toEqual([
      403,
      expect.stringMatching(/^Refused: admin is an administrator\. Only an administrator changes their account/),
    ]);
    // The audit trail keeps the French.
    expect((await lastEntry()).message).toMatch(/admin est un administrateur/);
  });

  it("an admin changes another admin's account", async () => {
    const admin = await org.signIn('admin');
    expect((await admin.edit('User', await org.userId('dir'), { title: 'Directeur général' })).status).toBe(200);
  });
});

describe('own account', () => {
  it('a user manager does not change their own password through the user form, only in "Mon compte" with the current one', async () => {
    const res = await ines.edit('User', await org.userId('ines'), { password: 'Nouveau2024x' });
    expect([res.status, messageOf(res)]).toEqual([403, expect.stringMatching(/vous ne changez pas ce qui s'applique à vous-même \(votre mot de passe/)]);
    await expect(AdminClient.signIn(org.url, 'ines', 'Nouveau2024x')).rejects.toThrow(/refused/);
    const own = await ines.portier('POST', '/account/password', { current: 'Portier2024', next: 'Nouveau2024x' });
    expect(own.status).toBe(200);
    await expect(AdminClient.signIn(org.url, 'ines', 'Nouveau2024x')).resolves.toBeDefined();
  });

  it('admins too change their own password only in "Mon compte"', async () => {
    const admin = await org.signIn('admin');
    const res = await admin.edit('User', await org.userId('admin'), { password: 'Nouveau2024x' });
    expect(res.status).toBe(403);
    await expect(AdminClient.signIn(org.url, 'admin', 'Nouveau2024x')).rejects.toThrow(/refused/);
  });
});

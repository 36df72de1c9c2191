import { beforeAll, describe, expect, it } from '@jest/globals';
import { exampleWithSpareSeats } from '../support/examples.js';
import { orgServerFor, type OrgServer } from '../support/org-server.js';

/**
 * "There is always at least one active admin: deactivating, deleting or demoting the last one is
 * refused, also when two such requests race" (docs/spec/access-model.md). The two admins, admin and
 * dir, each send fifty requests at once that would demote, deactivate or delete the other, through
 * the AdminJS forms and Portier's routes; whatever the interleaving, one active admin remains and
 * no request fails with a server error (a deadlock would be one).
 */
let org: OrgServer;
const doc = exampleWithSpareSeats();
doc.users.find((u: { login: string }) => u.login === 'dir').isAdmin = true;

const server = orgServerFor(doc);
beforeAll(async () => {
  org = server();
});

describe('the last two admins, a hundred requests at once', () => {
  it.each([1, 2, 3])('round %i: one active admin remains', async () => {
    await org.reload(doc);
    const [admin, dir] = await Promise.all([org.signIn('admin'), org.signIn('dir')]);
    const [adminId, dirId, heirId] = await Promise.all([org.userId('admin'), org.userId('dir'), org.userId('alice')]);
    const attempts = Array.from({ length: 100 }, (_, i) => {
      const [client, target] = i % 2 ? [admin, dirId] : [dir, adminId];
      switch (i % 10) {
        case 0:
        case 1:
        case 2:
        case 3:
          return client.edit('User', target, { isAdmin: false });
        case 4:
        case 5:
          return client.portier('POST', `/users/${target}/status`, { status: 'inactive' });
        case 6:
        case 7:
          return client.edit('User', target, { status: 'inactive' });
        case 8:
          return client.delete('User', target, { heirId });
        default:
          return client.portier('DELETE', `/users/${target}`, { heirId });
      }
    });
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    // Refused (403), the session ended (401, or 302 to the sign-in page), the target gone (404): never a 5xx.
    expect(statuses.filter((s) => ![200, 302, 401, 403, 404].includes(s))).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    const [{ n }] = await org.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE is_admin AND status = 'active' AND kind = 'internal'`);
    expect(n).toBe(1);
  });
});

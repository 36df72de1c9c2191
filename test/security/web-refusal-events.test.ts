import { describe, expect, it } from '@jest/globals';
import { exampleWithSpareSeats } from '../support/examples.js';
import { orgServerFor } from '../support/org-server.js';

/**
 * Every refusal is a security event of the audit trail (security-events.ts), whatever status the
 * answer gets. A refusal that AdminJS's actions do not catch themselves — a set-up resource one
 * may not read, a bulk action on records one may not read — is answered by the error handler:
 * with HTTP 200 and a notice to the backoffice's own calls (ui-call.ts, told by Fetch Metadata
 * headers that any script can send), with its status to API clients. Neither may keep the
 * attempt out of the trail. In the worked example alice (Commercial) holds no capability and
 * may not read chloe's deal DEA-2.
 */
const server = orgServerFor(exampleWithSpareSeats());
const UI_CALL = { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' };

const refusalsOf = (login: string, module: string) =>
  server().ds.query(`SELECT record_id, message FROM audit_entry WHERE action = 'refused' AND actor_login = $1 AND module = $2 ORDER BY id`, [login, module]);

describe('refusals answered by the error handler are in the audit trail', () => {
  it('an edit of a profile by a user without manageAccess, sent with the UI’s Fetch Metadata: 200 with a notice, and recorded', async () => {
    const org = server();
    const alice = await org.signIn('alice');
    const profileId = await org.profileId('Commercial');
    const before = await org.one(`SELECT name FROM profile WHERE id = $1`, [profileId]);
    const res = await alice.request('POST', `/resources/Profile/records/${profileId}/edit`, { name: 'Pirate' }, UI_CALL);
    expect([res.status, res.body.notice?.type]).toEqual([200, 'error']);
    expect(await org.one(`SELECT name FROM profile WHERE id = $1`, [profileId])).toEqual(before);
    expect(await refusalsOf('alice', 'Profile')).toEqual([{ record_id: String(profileId), message: expect.stringMatching(/^edit : /) }]);
  });

  it('a bulk delete of deals one may not read: 404 like missing ones, nothing deleted, and recorded', async () => {
    const org = server();
    const alice = await org.signIn('alice');
    const dealId = await org.recordId('deal', 'DEA-2');
    expect((await alice.show('Deal', dealId)).status).toBe(404);
    const res = await alice.request('POST', `/resources/Deal/bulk/bulkDelete?recordIds=${dealId}`);
    expect(res.status).toBe(404);
    expect(await org.one(`SELECT count(*)::int AS n FROM deal WHERE id = $1`, [dealId])).toEqual({ n: 1 });
    expect(await refusalsOf('alice', 'Deal')).toEqual([
      { record_id: String(dealId), message: expect.stringMatching(/^show : /) },
      { record_id: String(dealId), message: expect.stringMatching(/^bulkDelete : /) },
    ]);
  });
});

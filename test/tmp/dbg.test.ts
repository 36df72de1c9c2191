import { it } from '@jest/globals';
import { exampleWithSpareSeats } from '../support/examples.js';
import { startOrgServer } from '../support/org-server.js';
it('dbg', async () => {
  const org = await startOrgServer(exampleWithSpareSeats());
  try {
    const ines = await org.signIn('ines');
    const res = await ines.edit('Profile', await org.profileId('Gestion des accès'), { viewAll: true, editAll: true, capabilities: JSON.stringify(['manageUsers']) });
    console.log(res.status, JSON.stringify(res.body).slice(0, 500));
    console.log(org.server.output().slice(-3000));
  } finally { await org.stop(); }
});

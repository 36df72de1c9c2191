import { describe, expect, it } from '@jest/globals';
import { choose, confirmAccessPreview, demoInBrowser, screenshot, signedInPage } from '../support/browser.js';

/** In Chromium, on the demo organisation: the consultant's role tree and teams pages. */
const demo = demoInBrowser();
const roleId = async (name: string): Promise<number> => (await demo.db.ds.query(`SELECT id FROM role WHERE name = $1`, [name]))[0].id;
const parentOf = async (name: string): Promise<string | null> =>
  (await demo.db.ds.query(`SELECT p.name FROM role r LEFT JOIN role p ON p.id = r.parent_id WHERE r.name = $1`, [name]))[0].name;

describe('roles and teams, in the browser', () => {
  it('a consultant expands the role tree, moves a role under another, and sees the refusal of a move under a subordinate', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/roles`);
    const node = (name: string) => page.locator(`[data-testid=role-node][data-role="${name}"]`);
    await node('Direction générale').waitFor();
    expect(await node('Ventes Lyon').count()).toBe(0); // only the first level is open
    await page.getByTestId('roles-expand-all').click();
    await node('Ventes Lyon').waitFor();
    const [{ n }] = await demo.db.ds.query(`SELECT count(*)::int AS n FROM role`);
    expect(await page.getByTestId('role-node').count()).toBe(n);
    await expect(node('Direction commerciale').getByText('Commercial', { exact: true }).count()).resolves.toBe(1); // its profiles, as badges

    // Ventes Alpes leaves Auvergne-Rhône-Alpes for Sud-Est.
    await node('Ventes Alpes').getByTestId('role-action-move').click();
    await choose(page.getByTestId('role-move-parent'), await roleId('Ventes Sud-Est'));
    await page.getByTestId('role-move-save').click();
    await confirmAccessPreview(page);
    await page.getByTestId('roles-outcome').filter({ hasText: 'Rôle Ventes Alpes placé sous Ventes Sud-Est.' }).waitFor();
    expect(await parentOf('Ventes Alpes')).toBe('Ventes Sud-Est');
    // In the tree it now follows Ventes Sud-Est, one level deeper.
    const order = await page.getByTestId('role-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')));
    expect(order.indexOf('Ventes Alpes')).toBeGreaterThan(order.indexOf('Ventes Sud-Est'));
    expect(order.indexOf('Ventes Alpes')).toBeLessThan(order.indexOf("Ventes Côte d'Azur"));

    // Direction commerciale under Ventes Lyon, one of its own subordinates: the server refuses.
    const before = await demo.db.ds.query(`SELECT id, name, parent_id FROM role ORDER BY id`);
    await node('Direction commerciale').getByTestId('role-action-move').click();
    await choose(page.getByTestId('role-move-parent'), await roleId('Ventes Lyon'));
    await page.getByTestId('role-move-save').click();
    await page
      .getByTestId('role-refusal')
      .filter({
        hasText: "Impossible de placer Direction commerciale sous Ventes Lyon : Ventes Lyon est un de ses subordonnés. Rien n'a été modifié.",
      })
      .waitFor();
    expect(await demo.db.ds.query(`SELECT id, name, parent_id FROM role ORDER BY id`)).toEqual(before);
    await screenshot(page, 'role-tree');

    await page.getByTestId('roles-collapse-all').click();
    expect(await page.getByTestId('role-node').count()).toBe(1);
    await page.context().close();
  });

  it('a consultant opens a team, adds members of several kinds, previews its effective members before saving, and saves', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/teams`);
    await page.locator('[data-testid=team-item][data-team="Comptes nationaux"]').click();
    await page.getByTestId('team-editor-title').filter({ hasText: 'Comptes nationaux' }).waitFor();
    const [team] = await demo.db.ds.query(`SELECT id FROM team WHERE name = 'Comptes nationaux'`);
    const saved = async () =>
      (await demo.db.ds.query(`SELECT u.login FROM team_member tm JOIN app_user u ON u.id = tm.user_id WHERE tm.team_id = $1 ORDER BY u.login`, [team.id])).map(
        (r: { login: string }) => r.login,
      );
    const shown = async () => (await page.getByTestId('team-effective-member').evaluateAll((els) => els.map((e) => e.getAttribute('data-login')))).sort();
    await page.locator('[data-testid=team-effective][data-draft=false] [data-testid=team-effective-member]').first().waitFor();
    expect(await shown()).toEqual(await saved()); // the saved preview is the engine's team_member
    await page.getByTestId('team-teamIds').locator('[data-chip="Grands comptes"]').waitFor();

    // A role (users of exactly that role) and a role with its subordinates, not saved yet.
    await choose(page.getByTestId('team-roleIds-add'), await roleId('Administration des ventes'));
    await choose(page.getByTestId('team-subtreeRoleIds-add'), await roleId('Service client'));
    await page.getByTestId('team-unsaved').waitFor();
    await page.locator('[data-testid=team-effective][data-draft=true] [data-login="g.dupuis"]').waitFor(); // Support niveau 2, below Service client
    expect(await saved()).not.toContain('g.dupuis'); // nothing written by the preview
    const draft = await shown();
    expect(draft).toEqual(expect.arrayContaining(['a.moulin', 'c.renaud', 'l.colin', 'support', 'b.rousseau', 's.vidal', ...(await saved())]));
    await expect(page.locator('[data-login="a.moulin"]').getByText('rôle Administration des ventes').count()).resolves.toBe(1);
    await expect(page.locator('[data-login="s.vidal"]').getByText('Service client et subordonnés').count()).resolves.toBe(1);
    // AdminJS scrolls its content box, not the page: bring the team's members and its preview to the top.
    await page.getByTestId('team-editor').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'team-members');

    await page.getByTestId('team-save').click();
    await confirmAccessPreview(page);
    await page.getByTestId('teams-outcome').filter({ hasText: 'Équipe Comptes nationaux enregistrée.' }).waitFor();
    await page.locator('[data-testid=team-effective][data-draft=false]').waitFor();
    expect(await saved()).toEqual(draft);
    expect(await shown()).toEqual(draft);
    const [kinds] = await demo.db.ds.query(
      `SELECT (SELECT count(*)::int FROM team_user WHERE team_id = $1) AS users, (SELECT count(*)::int FROM team_role WHERE team_id = $1 AND NOT with_subordinates) AS roles,
              (SELECT count(*)::int FROM team_role WHERE team_id = $1 AND with_subordinates) AS subtrees, (SELECT count(*)::int FROM team_team WHERE team_id = $1) AS teams`,
      [team.id],
    );
    expect(kinds).toEqual({ users: 1, roles: 1, subtrees: 1, teams: 2 });
    await page.context().close();
  });

  it('a consultant adds a sub-role, renames it, changes its profiles and deletes it with an heir; creates, renames and deletes a team', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/roles`);
    const node = (name: string) => page.locator(`[data-testid=role-node][data-role="${name}"]`);
    await node('Service client').getByTestId('role-action-child').click();
    await page.getByTestId('role-child-name').fill('Support niveau 3');
    await page.getByTestId('role-child-create').click();
    await page.getByTestId('roles-outcome').filter({ hasText: 'Rôle « Support niveau 3 » créé sous Service client.' }).waitFor();
    expect(await parentOf('Support niveau 3')).toBe('Service client');

    await node('Support niveau 3').getByTestId('role-action-rename').click();
    await page.getByTestId('role-rename-input').fill('Experts SAV');
    await page.getByTestId('role-rename-save').click();
    await node('Experts SAV').waitFor();

    await node('Experts SAV').getByTestId('role-action-profiles').click();
    const profiles = page.getByTestId('role-profiles');
    for (const box of await profiles.locator('input:checked').all()) await box.uncheck();
    await page.getByTestId('role-profiles-save').click();
    await page.getByTestId('role-refusal').filter({ hasText: "Un rôle a au moins un profil. Rien n'a été modifié." }).waitFor();
    await profiles.locator('input[data-option="Support"]').check();
    await profiles.locator('input[data-option="Lecture seule"]').check();
    await page.getByTestId('role-profiles-save').click();
    await confirmAccessPreview(page);
    await page.getByTestId('roles-outcome').waitFor();
    expect(
      (
        await demo.db.ds.query(
          `SELECT array_agg(p.name ORDER BY p.name) AS names FROM role_profile rp JOIN profile p ON p.id = rp.profile_id JOIN role r ON r.id = rp.role_id WHERE r.name = 'Experts SAV'`,
        )
      )[0].names,
    ).toEqual(['Lecture seule', 'Support']);

    const [gDupuis] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'g.dupuis'`);
    await demo.db.ds.query(`UPDATE app_user SET role_id = (SELECT id FROM role WHERE name = 'Experts SAV') WHERE id = $1`, [gDupuis.id]);
    await page.reload();
    await node('Service client').getByTestId('role-toggle').click();
    await node('Experts SAV').getByTestId('role-action-delete').click();
    await page.getByTestId('role-panel-delete').getByText('Supprimer Experts SAV : 1 utilisateur et 0 sous-rôle passent au rôle héritier.').waitFor();
    await choose(page.getByTestId('role-delete-heir'), await roleId('Support niveau 2'));
    await page.getByTestId('role-delete-confirm').click();
    await page
      .getByTestId('roles-outcome')
      .filter({ hasText: 'Rôle Experts SAV supprimé. 1 utilisateur et 0 rôle subordonné passent à Support niveau 2.' })
      .waitFor();
    expect((await demo.db.ds.query(`SELECT r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.id = $1`, [gDupuis.id]))[0].name).toBe(
      'Support niveau 2',
    );

    await page.goto(`${demo.server.url}/admin/pages/teams`);
    await page.getByTestId('team-new-name').fill('Export');
    await page.getByTestId('team-create').click();
    await page.getByTestId('team-editor-title').filter({ hasText: 'Export' }).waitFor();
    await page.getByTestId('team-name').fill('Export et grand import');
    await page.getByTestId('team-save').click();
    await confirmAccessPreview(page);
    await page.locator('[data-testid=team-item][data-team="Export et grand import"]').waitFor();
    await page.getByTestId('team-delete-confirm').click();
    await page.getByTestId('teams-outcome').filter({ hasText: 'Équipe Export et grand import supprimée.' }).waitFor();
    expect(await demo.db.ds.query(`SELECT 1 FROM team WHERE name LIKE 'Export%'`)).toEqual([]);
    await page.context().close();
  });
});

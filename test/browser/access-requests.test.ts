import { describe, expect, it } from '@jest/globals';
import { demoInBrowser, screenshot, signedInPage, waitShown, choose, optionsOf } from '../support/browser.js';

/**
 * "Demandes d'accès" in Chromium, on the demo organisation: g.lebrun, the partner's team lead,
 * reads his team's users (the partner company's advisors, their actions per module in words) and
 * asks, ticking actions per module, for new rights for one of them; the consultant (manageUsers)
 * handles the queue — an approval a rule refuses, then over the subscription, confirmed; the
 * per-module request mapped onto a role beside the side-by-side comparison, approved; a rejection
 * with its reason — and the team lead reads the outcome in "Mes demandes".
 */
const demo = demoInBrowser();
const q = (sql: string, params: unknown[] = []) => demo.db.ds.query(sql, params);
const requests = () => q(`SELECT id, type, status, requester_login, handler_login, handler_note, result_user_id FROM access_request ORDER BY id`);

describe('access requests, in the browser', () => {
  it("the team lead sees his teams' users with access, read-only, and requests a role change; a bad request is refused and stores nothing", async () => {
    // The demo's two open requests of g.lebrun, made at load.
    expect((await requests()).map((r: { type: string; status: string }) => [r.type, r.status])).toEqual([
      ['newUser', 'open'],
      ['deactivation', 'open'],
    ]);
    const page = await signedInPage(demo.browser, demo.server.url, 'g.lebrun');
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.goto(`${demo.server.url}/admin/pages/accessRequests`);
    const rows = page.getByTestId('team-user');
    await waitShown(page, rows.first());
    // Exactly the users with access of the teams he belongs to (nested ones included), as the database counts them,
    // but neither himself, nor admins, nor holders of a capability (docs/spec/seats.md).
    const expected = await q(
      `SELECT DISTINCT u.login FROM team_member mine JOIN team_member tm ON tm.team_id = mine.team_id JOIN app_user u ON u.id = tm.user_id
        WHERE mine.user_id = (SELECT id FROM app_user WHERE login = 'g.lebrun') AND u.login <> 'g.lebrun' AND NOT u.is_admin
          AND NOT EXISTS (SELECT 1 FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = u.role_id AND cardinality(p.capabilities) > 0)
          AND u.kind = 'internal' AND u.status = 'active' AND u.role_id IS NOT NULL ORDER BY u.login`,
    );
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-login')));
    expect([...shown].sort()).toEqual(expected.map((r: { login: string }) => r.login));
    // His team is the partner company's: its advisors, not the firm's staff (y.benali, the Salons team).
    expect([...shown].sort()).toEqual(['a.huet', 'j.perrin', 'n.marchand', 's.carpentier']);
    const companies = await q(`SELECT DISTINCT company FROM app_user WHERE login = ANY($1)`, [shown]);
    expect(companies).toEqual([{ company: 'Fournil Partenaire' }]);
    const huet = page.locator('[data-testid=team-user][data-login="a.huet"]');
    await expect(huet.textContent()).resolves.toContain('Partenaires terrain');
    // The actions per module, in words ("Lecture seule": read and export accounts...).
    await expect(huet.getByTestId('team-user-modules').textContent()).resolves.toMatch(/Comptes\s?: lire, exporter/);
    expect(await page.getByTestId('requests-to-handle').count()).toBe(0); // not his to handle
    await screenshot(page, 'requests-team-lead');

    // A new user without an e-mail: the server says so, naming the field; nothing is stored.
    await page.getByTestId('request-new-user').click();
    const form = page.locator('[data-testid=request-form][data-type=newUser]');
    await form.getByTestId('request-firstName').fill('Paul');
    await form.getByTestId('request-lastName').fill('Girard');
    await form.getByTestId('request-send').click();
    await expect(form.getByTestId('request-form-error').textContent()).resolves.toMatch(/E-mail : obligatoire\..*Rien n'a été modifié/);
    expect(await requests()).toHaveLength(2);
    await form.getByRole('button', { name: 'Annuler' }).click();

    // New rights for s.carpentier, ticked per module; the roles giving a capability are not offered.
    const carpentier = page.locator('[data-testid=team-user][data-login="s.carpentier"]');
    await carpentier.getByTestId('ask-role-change').click();
    const roleForm = page.locator('[data-testid=request-form][data-type=roleChange]');
    const roleOptions = await optionsOf(roleForm.getByTestId('request-role'));
    expect(roleOptions).not.toContain('Partenaires');
    const tick = (module: string, action: string) =>
      roleForm.locator(`[data-testid=rights-picker] tr[data-module=${module}] input[data-action=${action}]`).check();
    for (const action of ['create', 'read', 'edit']) await tick('Lead', action);
    await tick('Account', 'read');
    await tick('Contact', 'read');
    await roleForm.getByTestId('request-note').fill('Prend en charge les pistes du réseau');
    await roleForm.screenshot({ path: 'docs/screenshots/requests-per-module-form.png' });
    await roleForm.getByTestId('request-send').click();
    await waitShown(page, page.getByTestId('requests-outcome').filter({ hasText: 'envoyée' }));
    const [made] = (await requests()).slice(-1);
    expect(made).toMatchObject({ type: 'roleChange', status: 'open', requester_login: 'g.lebrun' });
    const [{ payload }] = await q(`SELECT payload FROM access_request WHERE id = $1`, [made.id]);
    expect(payload.wantedRights).toEqual({ Lead: ['create', 'read', 'edit'], Account: ['read'], Contact: ['read'] });
    await waitShown(page, page.locator(`[data-testid=requests-mine] [data-request="${made.id}"][data-status=open]`));
    expect(await page.locator('[data-testid=requests-mine] [data-testid=request-row]').count()).toBe(3);
    await page.context().close();
  });

  it('the consultant approves a new user over the subscription (warned, then confirmed) and rejects a deactivation with its reason', async () => {
    // The limited tier is made exactly full, so that the new partner advisor's seat goes over.
    await q(`INSERT INTO subscription_seat (tier, included) VALUES ('limited', (SELECT count(*) FROM seat_holder WHERE tier = 'limited'))
             ON CONFLICT (tier) DO UPDATE SET included = EXCLUDED.included`);
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1300 });
    await page.goto(`${demo.server.url}/admin/pages/accessRequests`);
    const cards = page.getByTestId('request-card');
    await waitShown(page, cards.first());
    expect(await cards.count()).toBe(3);
    expect(await page.getByTestId('requests-team').count()).toBe(0); // the consultant makes no requests

    // Meanwhile someone gave the new advisor's e-mail to another user: the approval is refused by
    // the user checks, the request stays open and shows why.
    const email = 'camille.riviere@boulangerie-partenaire.test';
    const [{ email: carpentierEmail }] = await q(`SELECT email FROM app_user WHERE login = 's.carpentier'`);
    await q(`UPDATE app_user SET email = $1 WHERE login = 's.carpentier'`, [email]);
    const newUser = page.locator('[data-testid=request-card][data-type=newUser]');
    await newUser.getByTestId('request-approve').click();
    await waitShown(page, page.getByTestId('requests-outcome').filter({ hasText: "est déjà celui de l'utilisateur s.carpentier" }));
    await expect(newUser.getByTestId('request-refusal').textContent()).resolves.toMatch(
      /^Refusée par une règle : L'e-mail .* est déjà celui de l'utilisateur s.carpentier/,
    );
    expect((await requests()).find((r: { type: string }) => r.type === 'newUser')).toMatchObject({ status: 'open', handler_login: null });
    await screenshot(page, 'requests-to-handle');
    await q(`UPDATE app_user SET email = $1 WHERE login = 's.carpentier'`, [carpentierEmail]);

    await newUser.getByTestId('approve-note').fill('Bienvenue dans le réseau');
    await newUser.getByTestId('request-approve').click();
    const warning = newUser.getByTestId('seat-warning');
    await waitShown(page, warning);
    await expect(warning.locator('[data-tier=limited]').textContent()).resolves.toContain('1 licence facturée en plus (c.riviere)');
    expect(await q(`SELECT 1 FROM app_user WHERE login = 'c.riviere'`)).toEqual([]);
    await warning.getByTestId('seat-confirm').click();
    // No password to pass on: the approver reads that the invitation went to the address.
    await waitShown(page, page.getByTestId('invitation-sent'));
    await expect(page.getByTestId('invitation-sent').textContent()).resolves.toMatch(/Une invitation a été envoyée à .*c\.riviere y trouvera un lien/);
    const [user] = await q(`SELECT id, status FROM app_user WHERE login = 'c.riviere'`);
    expect(user.status).toBe('active');
    const approved = (await requests()).find((r: { type: string }) => r.type === 'newUser');
    expect(approved).toMatchObject({ status: 'approved', handler_login: 'consultant', handler_note: 'Bienvenue dans le réseau', result_user_id: user.id });
    expect(await q(`SELECT tier, change, actor_login FROM billing_event WHERE user_login = 'c.riviere'`)).toEqual([
      { tier: 'limited', change: 'createUser', actor_login: 'consultant' },
    ]);
    expect(await q(`SELECT kind FROM mail_outbox WHERE user_id = $1`, [user.id])).toEqual([{ kind: 'invitation' }]);

    const deactivation = page.locator('[data-testid=request-card][data-type=deactivation]');
    await deactivation.getByTestId('request-reject').click();
    expect(await deactivation.getByTestId('reject-confirm').isDisabled()).toBe(true); // a rejection says why
    await deactivation.getByTestId('reject-reason').fill("Elle reste jusqu'à la fin du mois");
    await deactivation.getByTestId('reject-confirm').click();
    await waitShown(page, page.getByTestId('requests-outcome').filter({ hasText: 'rejetée' }));
    expect((await requests()).find((r: { type: string }) => r.type === 'deactivation')).toMatchObject({
      status: 'rejected',
      handler_login: 'consultant',
      handler_note: "Elle reste jusqu'à la fin du mois",
    });
    expect(await q(`SELECT status FROM app_user WHERE login = 'a.huet'`)).toEqual([{ status: 'active' }]);
    expect(await cards.count()).toBe(1);
    expect(await page.locator('[data-testid=requests-handled] [data-testid=request-row]').count()).toBe(2);

    // s.carpentier's per-module request: mapped onto a role, compared side by side, approved.
    const change = page.locator('[data-testid=request-card][data-type=roleChange]');
    await expect(change.getByTestId('request-wanted-rights').textContent()).resolves.toMatch(/Pistes\s?: créer, lire, modifier/);
    const mapping = change.getByTestId('role-mapping');
    await waitShown(page, mapping);
    expect(await change.getByTestId('request-approve').isDisabled()).toBe(true); // no role chosen yet
    const role = mapping.getByTestId('mapping-role');
    const option = (await optionsOf(role)).find((o) => o.startsWith('Administration des ventes'))!;
    await choose(role, { label: option });
    const comparison = mapping.getByTestId('rights-comparison');
    await waitShown(page, comparison.locator('tr[data-module=Lead] [data-side=given]'));
    // Asked on the left, given on the right; what differs is marked.
    await expect(comparison.locator('tr[data-module=Lead] [data-side=asked]').textContent()).resolves.toBe('créer, lire, modifier');
    expect(await comparison.locator('[data-diff]').count()).toBeGreaterThan(0);
    const chosen = 'Administration des ventes';
    await change.scrollIntoViewIfNeeded();
    await change.screenshot({ path: 'docs/screenshots/requests-mapping-side-by-side.png' });
    await change.getByTestId('request-approve').click();
    // Administration des ventes is a standard seat, and the demo's standard seats are all taken: warned, confirmed.
    await waitShown(page, change.getByTestId('seat-warning'));
    await change.getByTestId('seat-warning').getByTestId('seat-confirm').click();
    await waitShown(page, page.getByTestId('requests-outcome').filter({ hasText: 's.carpentier a maintenant le rôle' }));
    expect(await q(`SELECT r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.login = 's.carpentier'`)).toEqual([{ name: chosen }]);
    expect((await q(`SELECT status, mapped_role_name FROM access_request WHERE type = 'roleChange'`))[0]).toEqual({
      status: 'approved',
      mapped_role_name: chosen,
    });
    await page.context().close();
  });

  it('the team lead reads in "Mes demandes" what became of his requests: approved, rejected with the reason, open', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'g.lebrun');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${demo.server.url}/admin/pages/accessRequests`);
    const mine = page.getByTestId('requests-mine');
    await waitShown(page, mine);
    const states = await mine.getByTestId('request-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(states).toEqual(['approved', 'rejected', 'approved']);
    await expect(mine.locator('[data-status=rejected] [data-testid=request-answer]').textContent()).resolves.toBe(
      "Réponse : Elle reste jusqu'à la fin du mois",
    );
    await expect(mine.locator('[data-status=approved]').last().textContent()).resolves.toContain('Utilisateur : c.riviere');
    // The applied change is visible: s.carpentier's role, and his actions per module, in the team list.
    await expect(mine.locator('[data-status=approved]').first().textContent()).resolves.toMatch(/Rôle attribué : /);
    const carpentier = page.locator('[data-testid=team-user][data-login="s.carpentier"]');
    await expect(carpentier.getByTestId('team-user-modules').textContent()).resolves.toMatch(/Pistes\s?: créer, lire, modifier/);
    await mine.scrollIntoViewIfNeeded();
    await screenshot(page, 'requests-mine');
    await page.context().close();
  });
});

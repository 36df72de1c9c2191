import { describe, expect, it } from '@jest/globals';
import { demoInBrowser, screenshot, signedInPage, waitShown } from '../support/browser.js';

/**
 * "Demandes d'accès" in Chromium, on the demo organisation: g.lebrun, the partner's team lead,
 * reads his teams' users and makes a request; the consultant (manageUsers) handles the queue —
 * an approval a rule refuses, then over the subscription, confirmed, and a rejection with its
 * reason — and the team lead reads the outcome in "Mes demandes".
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
    expect(shown).toEqual(expect.arrayContaining(['s.carpentier', 'a.huet', 'y.benali']));
    expect(shown).not.toContain('g.lebrun');
    const huet = page.locator('[data-testid=team-user][data-login="a.huet"]');
    await expect(huet.textContent()).resolves.toContain('Partenaires terrain');
    await expect(huet.getByTestId('team-user-modules').textContent()).resolves.toMatch(/Comptes/);
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

    // A role change for s.carpentier.
    const carpentier = page.locator('[data-testid=team-user][data-login="s.carpentier"]');
    await carpentier.getByTestId('ask-role-change').click();
    const roleForm = page.locator('[data-testid=request-form][data-type=roleChange]');
    await roleForm.getByTestId('request-role').selectOption({ label: 'Partenaires' });
    await roleForm.getByTestId('request-note').fill('Devient co-responsable du réseau');
    await roleForm.getByTestId('request-send').click();
    await waitShown(page, page.getByTestId('requests-outcome').filter({ hasText: 'envoyée' }));
    const [made] = (await requests()).slice(-1);
    expect(made).toMatchObject({ type: 'roleChange', status: 'open', requester_login: 'g.lebrun' });
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
    await page.context().close();
  });

  it('the team lead reads in "Mes demandes" what became of his requests: approved, rejected with the reason, open', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'g.lebrun');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${demo.server.url}/admin/pages/accessRequests`);
    const mine = page.getByTestId('requests-mine');
    await waitShown(page, mine);
    const states = await mine.getByTestId('request-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(states).toEqual(['open', 'rejected', 'approved']);
    await expect(mine.locator('[data-status=rejected] [data-testid=request-answer]').textContent()).resolves.toBe(
      "Réponse : Elle reste jusqu'à la fin du mois",
    );
    await expect(mine.locator('[data-status=approved]').textContent()).resolves.toContain('Utilisateur : c.riviere');
    await mine.scrollIntoViewIfNeeded();
    await screenshot(page, 'requests-mine');
    await page.context().close();
  });
});

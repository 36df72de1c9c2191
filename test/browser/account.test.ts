import { describe, expect, it } from '@jest/globals';
import { choose, demoInBrowser, screenshot, signedInPage, tick, waitShown } from '../support/browser.js';

/**
 * In Chromium, on the demo organisation: the login-hours editor of the user form, "Mon compte",
 * the sign-out of the user menu (a POST), and the password a sign-in asks for.
 */
const demo = demoInBrowser();

describe('login hours and my account, in the browser', () => {
  it('an administrator restricts a user to weekday mornings with the editor; the schedule is saved and shown', async () => {
    const [user] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'commercial'`);
    const page = await signedInPage(demo.browser, demo.server.url, 'admin');
    await page.goto(`${demo.server.url}/admin/resources/User/records/${user.id}/edit`);
    const editor = page.getByTestId('login-hours-editor');
    await editor.waitFor();
    await tick(page, 'login-hours-restricted');
    // Office hours by default (Monday to Friday, 08:00–19:00): make Monday a morning only.
    await editor.locator('[data-day="mon"] input[data-time="end"]').fill('12:30');
    await editor.locator('[data-day="sat"] label').click();
    await screenshot(page, 'user-login-hours', true);
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/edit')), page.click('button[type="submit"]')]);
    const [row] = await demo.db.ds.query(`SELECT login_hours FROM app_user WHERE id = $1`, [user.id]);
    expect(row.login_hours).toEqual({
      tz: 'Europe/Paris',
      days: {
        mon: [['08:00', '12:30']],
        tue: [['08:00', '19:00']],
        wed: [['08:00', '19:00']],
        thu: [['08:00', '19:00']],
        fri: [['08:00', '19:00']],
        sat: [['08:00', '19:00']],
      },
    });
    await page.goto(`${demo.server.url}/admin/resources/User/records/${user.id}/show`);
    await expect(page.getByTestId('login-hours-show').textContent()).resolves.toMatch(/Lundi : 08:00–12:30.*Dimanche : pas de connexion/);
    await page.context().close();
  });

  it('a user changes their own password from "Mon compte"; a mistake is shown, nothing changed', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'support');
    await page.goto(`${demo.server.url}/admin/pages/myAccount`);
    const form = page.getByTestId('password-form');
    await form.waitFor();
    await page.fill('#pw-current', 'Portier2024');
    await page.fill('#pw-next', 'Nouveau2025');
    await page.fill('#pw-confirm', 'Nouveau2026');
    await page.click('button:has-text("Changer le mot de passe")');
    await page.getByTestId('password-outcome').filter({ hasText: 'diffèrent' }).waitFor();
    await page.fill('#pw-confirm', 'Nouveau2025');
    await page.click('button:has-text("Changer le mot de passe")');
    await page.getByTestId('password-outcome').filter({ hasText: 'a été changé' }).waitFor();
    await screenshot(page, 'my-account');
    const [entry] = await demo.db.ds.query(`SELECT actor_login FROM audit_entry WHERE action = 'passwordChange'`);
    expect(entry.actor_login).toBe('support');
    await page.context().close();
  });

  it('a user chooses English in "Mon compte": kept with the account, the page and a server refusal are then in English', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'manager');
    await page.goto(`${demo.server.url}/admin/pages/myAccount`);
    const language = page.getByTestId('account-language');
    await language.waitFor();
    await expect(language.getAttribute('data-value')).resolves.toBe('fr');
    await Promise.all([page.waitForEvent('load'), choose(language, 'en')]);
    await waitShown(page, page.getByText('My account').first());
    await expect(page.getByTestId('account-language').getAttribute('data-value')).resolves.toBe('en');
    await expect(page.getByTestId('password-form').textContent()).resolves.toContain('Change my password');
    expect((await demo.db.ds.query(`SELECT locale FROM app_user WHERE login = 'manager'`))[0].locale).toBe('en');
    // A refusal from the server, asked from the page: a module that does not exist.
    const refused = await page.evaluate(async () => {
      const r = await fetch('/admin/api/resources/Nowhere/actions/list');
      const body = await r.json();
      return (body.notice?.message ?? body.message) as string;
    });
    expect(refused).toBe('No module or resource "Nowhere".');
    await page.context().close();
    await demo.db.ds.query(`UPDATE app_user SET locale = 'fr' WHERE login = 'manager'`); // French for what follows
  });

  it("the user menu's « Se déconnecter » signs out (by POST): the session is over, the login page shows", async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'manager');
    await page.locator('[data-css="logged-in"]').hover();
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/login')), page.click('text=Se déconnecter')]);
    const api = await page.evaluate(async () => (await fetch('/admin/api/dashboard')).status);
    expect(api).toBe(401);
    const [entry] = await demo.db.ds.query(`SELECT actor_login FROM audit_entry WHERE action = 'signOut' ORDER BY id DESC LIMIT 1`);
    expect(entry.actor_login).toBe('manager');
    // The old link does nothing on its own: it asks.
    const again = await signedInPage(demo.browser, demo.server.url, 'manager');
    await again.goto(`${demo.server.url}/admin/logout`);
    await waitShown(again, again.locator('button:has-text("Se déconnecter")'));
    await Promise.all([again.waitForURL((u) => u.pathname.endsWith('/login')), again.click('button:has-text("Se déconnecter")')]);
    await page.context().close();
    await again.context().close();
  });

  it('a password set by an administrator is changed at the next sign-in, on a page that asks only for that', async () => {
    const [user] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'compta'`);
    const admin = await signedInPage(demo.browser, demo.server.url, 'admin');
    const set = await admin.evaluate(
      async (id) =>
        (
          await fetch(`/admin/api/resources/User/records/${id}/edit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ password: 'Provisoire2025' }),
          })
        ).status,
      user.id,
    );
    expect(set).toBe(200);
    await admin.context().close();

    const context = await demo.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/admin/login`);
    await page.fill('input[name="email"]', 'compta');
    await page.fill('input[name="password"]', 'Provisoire2025');
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/password')), page.click('button:has-text("Se connecter")')]);
    await page.fill('input[name="next"]', 'Provisoire2025');
    await page.fill('input[name="confirm"]', 'Provisoire2025');
    await page.click('button:has-text("Enregistrer et continuer")');
    await waitShown(page, page.locator('.error', { hasText: 'différent de celui qui vous a été donné' }));
    await page.fill('input[name="next"]', 'ComptaChoisit26');
    await page.fill('input[name="confirm"]', 'ComptaChoisit26');
    await screenshot(page, 'sign-in-new-password');
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/password')), page.click('button:has-text("Enregistrer et continuer")')]);
    expect(await page.evaluate(async () => (await fetch('/admin/api/dashboard')).status)).toBe(200);
    await context.close();
  });
});

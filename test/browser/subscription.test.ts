import { describe, expect, it } from '@jest/globals';
import { confirmAccessPreview, demoInBrowser, screenshot, signedInPage, tick, waitShown } from '../support/browser.js';

/**
 * In Chromium, on the demo organisation: "Mon abonnement", and a change over the subscription —
 * warned of, cancelled or confirmed, and then billed — from a user's page and from the user form.
 */
const demo = demoInBrowser();
const q = (sql: string, params: unknown[] = []) => demo.db.ds.query(sql, params);
const billed = async (login: string) => await q(`SELECT tier, cause, change, actor_login FROM billing_event WHERE user_login = $1 ORDER BY id`, [login]);

/**
 * The tier is made exactly full (included = used), so that one more seat in it goes over
 * whatever the demo's own numbers are when this runs.
 */
async function fill(tier: string): Promise<void> {
  const [{ used }] = await q(`SELECT count(*)::int AS used FROM seat_holder WHERE tier = $1`, [tier]);
  await q(`INSERT INTO subscription_seat (tier, included) VALUES ($1, $2) ON CONFLICT (tier) DO UPDATE SET included = $2`, [tier, used]);
}

/** An inactive internal user with a role, and the tier their seat would take once active. */
async function inactiveUser(): Promise<{ id: number; login: string; tier: string }> {
  const [user] = await q(
    `SELECT u.id, u.login, (SELECT p.license_tier FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = u.role_id
                              ORDER BY array_position(ARRAY['limited', 'standard', 'premium']::varchar[], p.license_tier) DESC LIMIT 1) AS tier
       FROM app_user u WHERE u.kind = 'internal' AND u.status = 'inactive' AND u.role_id IS NOT NULL AND NOT u.is_admin AND NOT u.free_seat
      ORDER BY u.login LIMIT 1`,
  );
  return user;
}

describe('seats and "Mon abonnement", in the browser', () => {
  it('the admin sees the seats by tier, is warned before a reactivation goes over, cancels, confirms, and finds the billing line', async () => {
    const user = await inactiveUser();
    await fill(user.tier);
    const page = await signedInPage(demo.browser, demo.server.url, 'admin');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/subscription`);
    const tier = (name: string) => page.locator(`[data-testid=seat-tier][data-tier="${name}"]`);
    await tier('premium').waitFor();
    expect(await page.getByTestId('seat-tier').count()).toBe(7); // limited, standard, premium, then the four client tiers
    const [{ used }] = await q(`SELECT count(*)::int AS used FROM seat_holder WHERE tier = $1`, [user.tier]);
    await expect(tier(user.tier).getByTestId('seat-used').textContent()).resolves.toBe(`${used} / ${used}`);
    await tier('premium').getByTestId('seat-holders-toggle').click();
    await tier('premium').locator('[data-testid=seat-holders] tr[data-login=admin]').waitFor(); // an admin holds a premium seat
    await screenshot(page, 'subscription');

    // Reactivating the user: the server says what it would cost, nothing is changed yet.
    await page.goto(`${demo.server.url}/admin/resources/User/records/${user.id}/reactivateUser`);
    await page.getByTestId('user-status-go').click();
    const warning = page.getByTestId('seat-warning');
    await warning.waitFor();
    const line = await warning.locator(`[data-tier=${user.tier}]`).textContent();
    expect(line).toContain(`${used + 1} licences utilisées pour ${used} incluses — 1 licence facturée en plus (${user.login})`);
    await screenshot(page, 'seats-warning');
    await page.getByTestId('seat-cancel').click();
    await warning.waitFor({ state: 'detached' });
    expect((await q(`SELECT status FROM app_user WHERE id = $1`, [user.id]))[0].status).toBe('inactive');
    expect(await billed(user.login)).toEqual([]);

    // Again, confirmed: the user is active and one billing event names the seat, the cause and the admin.
    await page.getByTestId('user-status-go').click();
    await page.getByTestId('seat-confirm').click();
    await page.getByTestId('user-status-outcome').filter({ hasText: 'Utilisateur réactivé' }).waitFor();
    expect((await q(`SELECT status FROM app_user WHERE id = $1`, [user.id]))[0].status).toBe('active');
    expect(await billed(user.login)).toEqual([
      { tier: user.tier, cause: `Réactivation de l'utilisateur ${user.login}`, change: 'activateUser', actor_login: 'admin' },
    ]);

    await page.goto(`${demo.server.url}/admin/pages/subscription`);
    const row = page.locator(`[data-testid=billing-event][data-login="${user.login}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`Réactivation de l'utilisateur ${user.login}`);
    await expect(tier(user.tier).getByTestId('seat-state').textContent()).resolves.toBe('1 en plus, facturée');
    await page.getByTestId('billing-events').scrollIntoViewIfNeeded();
    await screenshot(page, 'subscription-billing');
    await page.context().close();
  });

  it('the user form shows the overrun on save and asks for the box to be ticked; saved again, it is billed', async () => {
    await fill('premium');
    const [user] = await q(`SELECT id, login FROM app_user WHERE login = 'compta'`);
    const page = await signedInPage(demo.browser, demo.server.url, 'admin');
    await page.setViewportSize({ width: 1440, height: 2300 });
    await page.goto(`${demo.server.url}/admin/resources/User/records/${user.id}/edit`);
    await page.getByTestId('free-seat').waitFor({ state: 'attached' }); // an admin may offer a seat
    expect(await page.getByTestId('seat-confirm-field').count()).toBe(0); // nothing until a save goes over
    // Making compta an administrator takes a premium seat, and premium is full.
    await tick(page, 'isAdmin');
    await page.click('button[type="submit"]');
    const field = page.getByTestId('seat-confirm-field');
    await field.waitFor();
    await expect(field.textContent()).resolves.toContain("Ce changement dépasse l'abonnement");
    expect((await q(`SELECT is_admin FROM app_user WHERE id = $1`, [user.id]))[0].is_admin).toBe(false);
    await field.scrollIntoViewIfNeeded();
    await screenshot(page, 'user-form-seats');

    await tick(page, 'confirmSeats');
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/edit')), page.click('button[type="submit"]')]);
    expect((await q(`SELECT is_admin FROM app_user WHERE id = $1`, [user.id]))[0].is_admin).toBe(true);
    expect(await billed(user.login)).toEqual([
      { tier: 'premium', cause: `Statut d'administrateur donné à ${user.login}`, change: 'adminFlag', actor_login: 'admin' },
    ]);
    await page.context().close();
  });

  it('an admin offers a seat with its reason in the user form; "Mon abonnement" lists it; others only read it', async () => {
    const [user] = await q(`SELECT id FROM app_user WHERE login = 'support'`);
    const admin = await signedInPage(demo.browser, demo.server.url, 'admin');
    await admin.setViewportSize({ width: 1440, height: 2300 });
    await admin.goto(`${demo.server.url}/admin/resources/User/records/${user.id}/edit`);
    await admin.getByTestId('free-seat').waitFor({ state: 'attached' });
    expect(await admin.getByTestId('free-seat-reason').count()).toBe(0); // the reason comes with the seat offered
    await tick(admin, 'freeSeat');
    await admin.getByTestId('free-seat-reason').waitFor(); // the reason comes with the seat
    await admin.click('button[type="submit"]');
    await waitShown(admin, admin.getByText('renseignez le motif').last()); // a free seat says why
    expect((await q(`SELECT free_seat FROM app_user WHERE id = $1`, [user.id]))[0].free_seat).toBe(false);
    await admin.getByTestId('free-seat-reason').fill('expert-comptable du client');
    await Promise.all([admin.waitForURL((u) => !u.pathname.endsWith('/edit')), admin.click('button[type="submit"]')]);
    expect(await q(`SELECT free_seat, free_seat_reason FROM app_user WHERE id = $1`, [user.id])).toEqual([
      { free_seat: true, free_seat_reason: 'expert-comptable du client' },
    ]);
    await admin.goto(`${demo.server.url}/admin/pages/subscription`);
    await expect(admin.locator('[data-testid=free-seats] tr[data-login=support]').textContent()).resolves.toContain('expert-comptable du client');
    await admin.context().close();

    const consultant = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await consultant.goto(`${demo.server.url}/admin/resources/User/records/${user.id}/edit`);
    await expect(consultant.getByTestId('freeSeat-readonly').textContent()).resolves.toBe('Oui — seul un administrateur peut offrir une licence');
    await expect(consultant.getByTestId('freeSeatReason-readonly').textContent()).resolves.toBe('expert-comptable du client');
    expect(await consultant.getByTestId('free-seat').count()).toBe(0);
    await consultant.context().close();
  });

  it('on the role tree, adding a premium profile to a role over the subscription shows the warning in the panel; cancelled, nothing changes', async () => {
    await fill('premium');
    const [premium] = await q(
      `SELECT id, name FROM profile WHERE audience = 'internal' AND license_tier = 'premium' AND name <> 'Administrateur' ORDER BY id LIMIT 1`,
    );
    const [role] = await q(
      `SELECT r.id, r.name FROM role r WHERE EXISTS (SELECT 1 FROM app_user u WHERE u.role_id = r.id AND u.status = 'active' AND NOT u.is_admin AND NOT u.free_seat)
          AND NOT EXISTS (SELECT 1 FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = r.id AND p.license_tier = 'premium')
        ORDER BY r.name LIMIT 1`,
    );
    const before = await q(`SELECT profile_id FROM role_profile WHERE role_id = $1 ORDER BY profile_id`, [role.id]);
    const page = await signedInPage(demo.browser, demo.server.url, 'admin');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/roles`);
    await page.getByTestId('roles-expand-all').click();
    await page.locator(`[data-testid=role-node][data-role="${role.name}"]`).getByTestId('role-action-profiles').click();
    await page.getByTestId('role-profiles').locator(`input[data-option^="${premium.name}"]`).check();
    await page.getByTestId('role-profiles-save').click();
    await confirmAccessPreview(page);
    const warning = page.getByTestId('role-panel-profiles').getByTestId('seat-warning');
    await warning.waitFor();
    await expect(warning.locator('[data-tier=premium]').textContent()).resolves.toMatch(
      /^Premium : \d+ licences utilisées pour \d+ incluses — \d+ licences? facturées? en plus/,
    );
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'seats-warning-roles');
    await page.getByTestId('seat-cancel').click();
    await warning.waitFor({ state: 'detached' });
    expect(await q(`SELECT profile_id FROM role_profile WHERE role_id = $1 ORDER BY profile_id`, [role.id])).toEqual(before);
    await page.context().close();
  });
});

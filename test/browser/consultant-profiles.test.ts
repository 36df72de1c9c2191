import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { choose, confirmAccessPreview, demoInBrowser, screenshot, signedInPage } from '../support/browser.js';

/**
 * A consultant's work on the demo organisation, in Chromium: a profile made from a template,
 * restricted (a field read-only, a contact type to "Mes contacts"), compared, given to a role in
 * place of the template, and its effect seen by a user of that role.
 */
const demo = demoInBrowser();
const NEW = 'Commercial Lyon – restreint';

// The design system's checkboxes hide their input; the visible box is the link right after it.
const tick = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] + a`).click();

async function profilesPage(login = 'consultant'): Promise<Page> {
  const page = await signedInPage(demo.browser, demo.server.url, login);
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.goto(`${demo.server.url}/admin/pages/profiles`);
  await page.getByTestId('profiles-list').waitFor();
  return page;
}

describe('profiles, as a consultant', () => {
  it('creates a profile from a template, restricts a field and a contact type, and sees the matrix saved', async () => {
    const page = await profilesPage();
    await page.getByTestId('new-profile-name').fill(NEW);
    const [template] = await demo.db.ds.query(`SELECT id FROM profile WHERE name = 'Commercial'`);
    await choose(page.getByTestId('new-profile-template'), template.id);
    await page.getByTestId('new-profile-create').click();
    await page.getByTestId('profiles-outcome').filter({ hasText: NEW }).waitFor();
    const editor = page.getByTestId('profile-editor');
    await editor.waitFor();
    expect(await page.getByTestId('profile-name').inputValue()).toBe(NEW);

    // Contact e-mail read-only (eye), prospects "Mes contacts", and no more export anywhere (column toggle, twice: on then off).
    await page.getByTestId('fields-Contact').click();
    await page.getByTestId('field-Contact-email-read').click();
    await page.getByTestId('scope-prospect-mine').click();
    await tick(page, 'column-export');
    await tick(page, 'column-export');
    await tick(page, 'row-Lead');
    await page.setViewportSize({ width: 1440, height: 2100 }); // the whole editor, field icons included
    await page.getByTestId('profile-editor').evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'profile-matrix');
    await page.getByTestId('profile-save').click();
    await confirmAccessPreview(page);
    await page.getByTestId('profiles-outcome').filter({ hasText: 'Profil enregistré' }).waitFor();

    const [saved] = await demo.db.ds.query(`SELECT license_tier, modules, contact_scopes, fields, system FROM profile WHERE name = $1`, [NEW]);
    expect(saved.license_tier).toBe('standard');
    expect(saved.system).toBe(false);
    expect(saved.fields.Contact).toEqual({ phone: 'read', email: 'read' }); // the template's phone, and the new one
    expect(saved.contact_scopes).toEqual({ client: 'mine', prospect: 'mine', supplier: 'none', other: 'all' });
    const exporting = Object.entries(saved.modules)
      .filter(([, m]) => (m as Record<string, boolean>).export)
      .map(([name]) => name);
    expect(exporting).toEqual(['Lead']); // the column off, then the whole Lead row on
    expect(saved.modules.Lead).toEqual({ create: true, read: true, edit: true, delete: true, export: true });
    await page.context().close();
  });

  it('refuses a right beyond the tier with the rights in excess, and keeps the system profile undeletable with its reason', async () => {
    const page = await profilesPage();
    await page.locator(`[data-testid=profiles-list] tr[data-profile="${NEW}"]`).getByText('Modifier').click();
    await choose(page.getByTestId('profile-tier'), 'limited');
    expect(await page.getByTestId('tier-change').textContent()).toMatch(/Standard → Limitée : ce changement concerne 0 utilisateur de /);
    await page.getByTestId('profile-save').click();
    const error = page.getByTestId('profile-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/niveau de licence « limited »/);
    const [unchanged] = await demo.db.ds.query(`SELECT license_tier FROM profile WHERE name = $1`, [NEW]);
    expect(unchanged.license_tier).toBe('standard');

    const blocked = page.getByTestId('delete-blocked-Administrateur');
    expect(await blocked.getAttribute('title')).toMatch(/Profil système/);
    expect(await blocked.locator('button').isDisabled()).toBe(true);
    await page.context().close();
  });

  it('compares the new profile with its template, every difference highlighted', async () => {
    const page = await profilesPage();
    const ids = Object.fromEntries(
      (await demo.db.ds.query(`SELECT id, name FROM profile WHERE name IN ('Commercial', $1)`, [NEW])).map((r: { id: number; name: string }) => [r.name, r.id]),
    );
    await choose(page.getByTestId('compare-a'), ids.Commercial);
    await choose(page.getByTestId('compare-b'), ids[NEW]);
    const different = page.locator('[data-testid=profile-compare] tr[data-different=true]');
    await different.first().waitFor();
    const labels = await different.locator('td:first-child').allTextContents();
    // Lead (all rights), e-mail (read), prospects (mine), and no export on the modules that had it.
    expect(labels).toEqual(expect.arrayContaining(['Pistes', 'Contacts par type : Prospects']));
    expect(labels.some((l) => /Contacts · E-mail/i.test(l))).toBe(true);
    await page.getByTestId('profile-compare').evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'profile-compare');
    await page.context().close();
  });

  it('lists who holds a profile, replaces it in every role, and the users of those roles see the effect', async () => {
    const page = await profilesPage();
    await page.getByTestId('holders-Commercial').click();
    const holders = page.getByTestId('profile-holders');
    await holders.locator('tr[data-user=commercial]').waitFor();
    const [{ roles, users }] = await demo.db.ds.query(
      `SELECT count(DISTINCT rp.role_id)::int AS roles, count(u.id)::int AS users FROM role_profile rp JOIN profile p ON p.id = rp.profile_id
         LEFT JOIN app_user u ON u.role_id = rp.role_id WHERE p.name = 'Commercial'`,
    );
    expect(await holders.locator('tr[data-user]').count()).toBe(users);
    await page.locator('[data-testid=profiles-list] tr[data-profile="Commercial"]').evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'profile-holders');

    const [fresh] = await demo.db.ds.query(`SELECT id FROM profile WHERE name = $1`, [NEW]);
    await choose(page.getByTestId('replace-target'), fresh.id);
    await page.getByTestId('replace-go').click();
    await confirmAccessPreview(page);
    await page
      .getByTestId('profiles-outcome')
      .filter({ hasText: `Profil remplacé dans ${roles} ${roles > 1 ? 'rôles' : 'rôle'}` })
      .waitFor();
    const [{ left }] = await demo.db.ds.query(
      `SELECT count(*)::int AS left FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE p.name = 'Commercial'`,
    );
    expect(left).toBe(0);
    await page.context().close();

    // Émilie (Ventes Lyon) now works under the new profile: her contacts' e-mail is read-only, contacts do not export.
    const commercial = await signedInPage(demo.browser, demo.server.url, 'commercial');
    const [mine] = await demo.db.ds.query(
      `SELECT c.id FROM contact c JOIN app_user u ON u.id = c.primary_advisor_id WHERE u.login = 'commercial' ORDER BY c.id LIMIT 1`,
    );
    await commercial.goto(`${demo.server.url}/admin/resources/Contact/records/${mine.id}/edit`);
    await commercial.locator('form').waitFor();
    expect(await commercial.locator('input[name="email"]').isDisabled()).toBe(true); // shown, not editable
    expect(await commercial.locator('input[name="name"]').isDisabled()).toBe(false);
    const exported = await commercial.request.get(`${demo.server.url}/admin/api/resources/Contact/actions/export`);
    expect(exported.status()).toBe(403);
    await commercial.context().close();
  });
});

describe('users, as a consultant and as an admin', () => {
  it('shows the full user form; the admin flag is a box for an admin and read-only text for others', async () => {
    const [emilie] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'commercial'`);
    const admin = await signedInPage(demo.browser, demo.server.url, 'admin');
    await admin.setViewportSize({ width: 1440, height: 2300 });
    await admin.goto(`${demo.server.url}/admin/resources/User/records/${emilie.id}/edit`);
    await admin.locator('form').waitFor();
    for (const field of ['firstName', 'lastName', 'email', 'company', 'title', 'department', 'phone', 'mobilePhone']) {
      expect([field, await admin.locator(`input[name="${field}"]`).count()]).toEqual([field, 1]);
    }
    await admin.getByTestId('admin-flag').waitFor({ state: 'attached' });
    await admin.getByText('Horaires de connexion').first().waitFor();
    await screenshot(admin, 'user-form');
    await admin.context().close();

    const consultant = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await consultant.goto(`${demo.server.url}/admin/resources/User/records/${emilie.id}/edit`);
    await consultant.getByTestId('admin-flag-readonly').waitFor();
    expect(await consultant.getByTestId('admin-flag').count()).toBe(0);
    await consultant.context().close();
  });

  it('deactivates a user from their page, and deletes another with an heir who takes over their records', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    const [support] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'support'`);
    await page.goto(`${demo.server.url}/admin/resources/User/records/${support.id}/deactivateUser`);
    await page.getByTestId('user-status-go').click();
    await page.getByTestId('user-status-outcome').filter({ hasText: 'Utilisateur désactivé' }).waitFor();
    expect((await demo.db.ds.query(`SELECT status FROM app_user WHERE id = $1`, [support.id]))[0].status).toBe('inactive');

    const [leaving] = await demo.db.ds.query(
      `SELECT u.id, u.login, count(d.id)::int AS deals FROM app_user u JOIN deal d ON d.owner_user_id = u.id
        WHERE u.login NOT IN ('admin', 'consultant', 'commercial', 'manager', 'support') AND NOT u.is_admin GROUP BY u.id ORDER BY count(d.id) DESC LIMIT 1`,
    );
    const [heir] = await demo.db.ds.query(`SELECT id, login FROM app_user WHERE login = 'manager'`);
    await page.goto(`${demo.server.url}/admin/resources/User/records/${leaving.id}/delete`);
    await choose(page.getByTestId('user-heir'), heir.id, heir.login); // searched: typed, then chosen
    await screenshot(page, 'user-delete-heir');
    await page.getByTestId('user-delete-go').click();
    await page.getByTestId('user-delete-outcome').filter({ hasText: 'Utilisateur supprimé' }).waitFor();
    expect(await demo.db.ds.query(`SELECT 1 FROM app_user WHERE id = $1`, [leaving.id])).toHaveLength(0);
    const [{ n }] = await demo.db.ds.query(`SELECT count(*)::int AS n FROM deal WHERE owner_user_id = $1`, [heir.id]);
    expect(n).toBeGreaterThanOrEqual(leaving.deals);
    await page.context().close();
  });
});

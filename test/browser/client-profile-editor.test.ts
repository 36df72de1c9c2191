import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { choose, confirmAccessPreview, demoInBrowser, screenshot, signedInPage, waitShown } from '../support/browser.js';

/**
 * The client profile editor in Chromium, on the demo organisation (docs/client-access.md,
 * "Restreindre un profil client"): a consultant duplicates "Comptabilité complète", lands in the
 * editor on the copy, removes an export, hides a field, sees a right beyond the tier greyed and
 * named, saves, and gives the copy to one dossier of a client user. Then the condensed view,
 * "Tout afficher", the predefined profiles read-only, and AdminJS's Profile forms sent to the editors.
 */
const demo = demoInBrowser();
const COPY = 'Comptabilité complète – restreint';

// The design system's checkboxes hide their input; the visible box is the link right after it.
const tick = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] + a`).click();

async function clientAccess(login = 'consultant'): Promise<Page> {
  const page = await signedInPage(demo.browser, demo.server.url, login);
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.goto(`${demo.server.url}/admin/pages/clientAccess`);
  await page.getByTestId('client-profiles').waitFor();
  return page;
}

describe('the client profile editor, in the browser', () => {
  it('duplicates a predefined profile into the editor, restricts the copy within its tier, saves it and gives it to a dossier', async () => {
    const page = await clientAccess();
    await page.locator('[data-testid=client-profiles] tr[data-profile="Comptabilité complète"]').getByText('Dupliquer pour restreindre').click();
    const editor = page.locator(`[data-testid=client-profile-editor][data-profile="${COPY}"]`);
    await waitShown(page, editor);
    expect(await page.getByTestId('client-profile-name').inputValue()).toBe(COPY);
    expect(await editor.getByTestId('client-profile-tier').textContent()).toContain('Comptabilité complète');

    // Beyond the tier: greyed, disabled, the tier that includes it named.
    const dealRead = editor.getByTestId('cell-Deal-read');
    expect(await dealRead.getAttribute('data-beyond-tier')).toBe('true');
    expect(await dealRead.getAttribute('title')).toBe('réservé au niveau Gestion commerciale avancée');
    expect(await editor.getByTestId('row-reason-Deal').textContent()).toBe('réservé au niveau Gestion commerciale avancée');
    expect(await editor.getByTestId('priv-Deal-read').isDisabled()).toBe(true);
    expect(await editor.getByTestId('row-reason-Activity').textContent()).toContain('aucun niveau client');
    expect(await editor.getByTestId('cell-Invoice-delete').textContent()).toContain('aucun niveau client');
    // No capabilities, global privileges or contact scopes for a client profile.
    expect(await editor.getByTestId('profile-contact-scopes').count()).toBe(0);
    expect(await editor.locator('[data-testid^=cap-], [data-testid^=global-]').count()).toBe(0);

    // No more export of invoices; the invoice amount hidden (no-entry sign).
    await tick(page, 'priv-Invoice-export');
    await editor.getByTestId('fields-Invoice').click();
    await editor.getByTestId('field-Invoice-amount-none').click();
    // Owners and authors are never shown to client users: not offered in the field access.
    expect(await editor.locator('[data-field="Invoice.name"]').count()).toBe(1);
    expect(await editor.locator('[data-field="Invoice.createdById"], [data-field="Invoice.ownerUserId"]').count()).toBe(0);
    expect(await editor.locator('[data-field="Invoice.amount"]').getAttribute('data-level')).toBe('none');

    // Lowering the tier under what the copy grants: the screen says whom it affects, the server refuses in words.
    await choose(editor.getByTestId('client-profile-tier-select'), 'connect');
    expect(await editor.getByTestId('client-tier-change').textContent()).toMatch(/Comptabilité complète → Connect & pay/);
    await editor.getByTestId('client-profile-save').click();
    const error = editor.getByTestId('client-profile-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/PurchaseOrder : créer \(réservé au niveau Comptabilité complète\)/);
    await choose(editor.getByTestId('client-profile-tier-select'), 'accounting');

    await page.setViewportSize({ width: 1440, height: 2200 });
    await editor.evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'client-profile-editor');
    await editor.getByTestId('client-profile-save').click();
    await confirmAccessPreview(page);
    await page.getByTestId('clients-outcome').filter({ hasText: 'enregistré' }).waitFor();
    const [saved] = await demo.db.ds.query(`SELECT id, license_tier, modules, fields FROM profile WHERE name = $1`, [COPY]);
    expect(saved.license_tier).toBe('accounting');
    expect(saved.modules.Invoice.export).toBe(false);
    expect(saved.modules.SalesOrder.export).toBe(true);
    expect(saved.fields).toEqual({ Invoice: { amount: 'none' } });

    // "Transférer un utilisateur (avancé)": a client user, one of their dossiers, the restricted copy.
    const [client] = await demo.db.ds.query(
      `SELECT u.id, min(g.account_id) AS account FROM app_user u JOIN dossier_grant g ON g.user_id = u.id WHERE u.login = 'client' GROUP BY u.id`,
    );
    await choose(page.getByTestId('move-user'), client.id, 'client');
    await choose(page.getByTestId('move-dossier'), client.account);
    await choose(page.getByTestId('move-profile'), saved.id);
    await page.getByRole('button', { name: 'Transférer' }).last().click();
    await page.locator('[data-testid=clients-outcome], [data-testid=seat-warning]').first().waitFor();
    if (await page.getByTestId('seat-warning').count()) await page.getByTestId('seat-confirm').click();
    await page.getByTestId('clients-outcome').filter({ hasText: 'Dossier transféré' }).waitFor();
    const [grant] = await demo.db.ds.query(`SELECT profile_id FROM dossier_grant WHERE user_id = $1 AND account_id = $2`, [client.id, client.account]);
    expect(grant.profile_id).toBe(saved.id);
    await page.context().close();
  });

  it('shows every client profile condensed, then all their rights side by side, restrictions highlighted', async () => {
    const page = await clientAccess();
    const row = page.locator(`[data-testid=client-profiles] tr[data-profile="${COPY}"]`);
    await row.waitFor();
    expect(await row.getByTestId('rights-summary').textContent()).toMatch(/1 champ masqué/);
    expect(await page.getByTestId('rights-legend').textContent()).toContain('L lecture');
    await page.getByTestId('client-profiles').evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'client-profiles-condensed');

    await page.getByTestId('show-all-rights').click();
    const all = page.getByTestId('all-rights');
    await all.waitFor();
    expect(await all.locator(`[data-cell="${COPY}|Invoice|export"]`).getAttribute('data-state')).toBe('restricted');
    expect(await all.locator('[data-cell="Comptabilité complète|Invoice|export"]').getAttribute('data-state')).toBe('granted');
    expect(await all.locator(`[data-field-cell="${COPY}|Invoice.amount"]`).getAttribute('data-level')).toBe('none');
    await page.setViewportSize({ width: 1440, height: 2600 });
    await all.evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'client-profiles-all-rights');
    await page.context().close();
  });

  it('shows a predefined client profile read-only with its "Dupliquer pour restreindre"; AdminJS\'s Profile forms open the editors', async () => {
    const page = await clientAccess();
    await page.getByTestId('open-profile-Connect & pay').click();
    const editor = page.locator('[data-testid=client-profile-editor][data-profile="Connect & pay"]');
    await editor.waitFor();
    await editor.getByTestId('client-profile-readonly').waitFor();
    expect(await editor.getByTestId('client-profile-save').count()).toBe(0);
    expect(await editor.getByTestId('priv-Invoice-read').isDisabled()).toBe(true);
    await editor.getByTestId('client-profile-duplicate').click();
    await page.locator('[data-testid=client-profile-editor][data-profile="Connect & pay – restreint"]').waitFor();

    const [copy] = await demo.db.ds.query(`SELECT id FROM profile WHERE name = $1`, [COPY]);
    await page.goto(`${demo.server.url}/admin/resources/Profile/records/${copy.id}/edit`);
    await page.waitForURL((u) => u.pathname.endsWith('/pages/clientAccess') && u.searchParams.get('profile') === String(copy.id));
    await page.locator(`[data-testid=client-profile-editor][data-profile="${COPY}"]`).waitFor();

    const [internal] = await demo.db.ds.query(`SELECT id FROM profile WHERE audience = 'internal' AND NOT system ORDER BY id LIMIT 1`);
    await page.goto(`${demo.server.url}/admin/resources/Profile/records/${internal.id}/show`);
    await page.waitForURL((u) => u.pathname.endsWith('/pages/profiles') && u.searchParams.get('edit') === String(internal.id));
    await page.getByTestId('profile-editor').waitFor();
    await page.goto(`${demo.server.url}/admin/resources/Profile/actions/new`);
    await page.waitForURL((u) => u.pathname.endsWith('/pages/profiles'));
    await page.getByTestId('new-profile').waitFor();
    await page.context().close();
  });

  it('says it all in English too', async () => {
    await demo.db.ds.query(`UPDATE app_user SET locale = 'en' WHERE login = 'consultant'`);
    const page = await clientAccess();
    const [copy] = await demo.db.ds.query(`SELECT id FROM profile WHERE name = $1`, [COPY]);
    await page.goto(`${demo.server.url}/admin/pages/clientAccess?profile=${copy.id}`);
    const editor = page.getByTestId('client-profile-editor');
    await editor.waitFor();
    if (!(await editor.getByText('Rights per module').count())) {
      // The interface language is the user's choice in AdminJS's top bar.
      await page
        .getByRole('button', { name: /Français|French|fr/ })
        .first()
        .click();
      await page
        .getByText(/English|Anglais|^en$/)
        .first()
        .click();
    }
    await editor.getByText('Rights per module').waitFor();
    expect(await editor.getByTestId('row-reason-Deal').textContent()).toBe('reserved for the Advanced sales management tier');
    await page.setViewportSize({ width: 1440, height: 1900 });
    await editor.evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'client-profile-editor-en');
    await page.context().close();
  });
});

import { describe, expect, it } from '@jest/globals';
import { demoInBrowser, screenshot, signedInPage, choose } from '../support/browser.js';

/** In Chromium, on the demo organisation: the consultant's client access page, and a client in their dossiers. */
const demo = demoInBrowser();

describe('client access, in the browser', () => {
  it("a consultant sees the client profiles by tier, the pairs of one, and transfers one user's dossier", async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/clientAccess`);
    const row = page.locator('[data-testid=client-profiles] tr[data-profile="Comptabilité complète"]');
    await row.waitFor();
    await row.getByText('Voir les utilisateurs').click();
    await page.getByTestId('profile-pairs').getByText('client — dossier').waitFor();
    await screenshot(page, 'client-profiles');

    const [gerant] = await demo.db.ds.query(
      `SELECT u.id, g.account_id FROM app_user u JOIN dossier_grant g ON g.user_id = u.id WHERE u.login = 'client.gerant'`,
    );
    const [easy] = await demo.db.ds.query(`SELECT id FROM profile WHERE name = 'Easy Invoicing'`);
    await choose(page.getByTestId('move-user'), gerant.id, 'client.gerant');
    await choose(page.getByTestId('move-dossier'), gerant.account_id);
    await choose(page.getByTestId('move-profile'), easy.id);
    await page.getByRole('button', { name: 'Transférer' }).last().click();
    // A client seat more in Easy Invoicing may go over the subscription (docs/spec/seats.md): confirmed.
    await page.locator('[data-testid=clients-outcome], [data-testid=seat-warning]').first().waitFor();
    if (await page.getByTestId('seat-warning').count()) await page.getByTestId('seat-confirm').click();
    await page.getByTestId('clients-outcome').filter({ hasText: 'Dossier transféré' }).waitFor();
    const [after] = await demo.db.ds.query(`SELECT p.name FROM dossier_grant g JOIN profile p ON p.id = g.profile_id WHERE g.user_id = $1`, [gerant.id]);
    expect(after.name).toBe('Easy Invoicing');
    await screenshot(page, 'client-transfer');
    await page.context().close();
  });

  it("a consultant duplicates a predefined profile to restrict it, compares two profiles, and edits a client's dossiers", async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/clientAccess`);
    const row = page.locator('[data-testid=client-profiles] tr[data-profile="Connect & pay"]');
    await row.waitFor();
    // The copy opens in the client profile editor at once (test/browser/client-profile-editor.test.ts goes on from there).
    await row.getByText('Dupliquer pour restreindre').click();
    await page.getByTestId('clients-outcome').filter({ hasText: 'Connect & pay – restreint' }).waitFor();
    await page.locator('[data-testid=client-profile-editor][data-profile="Connect & pay – restreint"]').waitFor();
    const [copy] = await demo.db.ds.query(`SELECT license_tier, audience, system FROM profile WHERE name = 'Connect & pay – restreint'`);
    expect(copy).toEqual({ license_tier: 'connect', audience: 'client', system: false });

    const ids = Object.fromEntries(
      (await demo.db.ds.query(`SELECT id, name FROM profile WHERE name IN ('Connect & pay', 'Easy Invoicing')`)).map((r: { id: number; name: string }) => [
        r.name,
        r.id,
      ]),
    );
    await choose(page.getByTestId('compare-a'), ids['Connect & pay']);
    await choose(page.getByTestId('compare-b'), ids['Easy Invoicing']);
    const different = page.locator('[data-testid=client-compare] tr[data-different=true]');
    await different.first().waitFor();
    expect(await different.count()).toBeGreaterThanOrEqual(3); // the tier, Quote, Invoice
    await page.getByTestId('client-compare').scrollIntoViewIfNeeded();
    await screenshot(page, 'client-compare');

    const [gestion] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'client.gestion'`);
    await page.locator('[data-testid=client-users] tr', { hasText: 'client.gestion' }).getByText('Modifier les dossiers').click();
    const editor = page.getByTestId('dossier-editor');
    await choose(editor.locator('[data-picker=select]').first(), ids['Easy Invoicing']);
    await editor.getByText('Enregistrer les dossiers').click();
    await page.getByTestId('clients-outcome').filter({ hasText: 'Dossiers enregistrés' }).waitFor();
    const [grant] = await demo.db.ds.query(`SELECT p.name FROM dossier_grant g JOIN profile p ON p.id = g.profile_id WHERE g.user_id = $1`, [gestion.id]);
    expect(grant.name).toBe('Easy Invoicing');

    // The same grants from the client user's own page ("Dossiers clients").
    const [client] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'client'`);
    await page.goto(`${demo.server.url}/admin/resources/User/records/${client.id}/clientDossiers`);
    await page.getByTestId('dossier-editor').waitFor();
    await screenshot(page, 'user-client-dossiers');
    await page.context().close();
  });

  it('the demo accountant sees only the invoices of their two dossiers, and only their modules in the menu', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'client');
    await page.goto(`${demo.server.url}/admin/resources/Invoice`);
    await page.locator('table tbody tr').first().waitFor();
    const [{ n }] = await demo.db.ds.query(
      `SELECT count(*)::int AS n FROM invoice i LEFT JOIN sales_order so ON so.id = i.sales_order_id
        WHERE coalesce(i.account_id, so.account_id) IN (SELECT g.account_id FROM dossier_grant g JOIN app_user u ON u.id = g.user_id WHERE u.login = 'client')`,
    );
    expect(await page.locator('table tbody tr').count()).toBe(Math.min(n, 10));
    expect(await page.getByText('Activités').count()).toBe(0);
    expect(await page.getByText("Piste d'audit").count()).toBe(0);
    await screenshot(page, 'client-dossier-invoices');
    await page.context().close();
  });
});

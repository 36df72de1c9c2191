import { describe, expect, it } from '@jest/globals';
import { demoInBrowser, screenshot, signedInPage } from '../support/browser.js';

/** In Chromium, on the demo organisation: the audit trail page, a record's history, the statistics. */
const demo = demoInBrowser();

describe('audit trail and connection statistics, in the browser', () => {
  it("an edit made in the form appears in the record's Historique and on the audit trail page with its diff", async () => {
    const [contact] = await demo.db.ds.query(`SELECT c.id, c.name FROM contact c JOIN app_user u ON u.id = c.primary_advisor_id
                                          WHERE u.login = 'commercial' AND c.type = 'client' ORDER BY c.id LIMIT 1`);
    const page = await signedInPage(demo.browser, demo.server.url, 'commercial');
    await page.goto(`${demo.server.url}/admin/resources/Contact/records/${contact.id}/edit`);
    await page.fill('input[name="jobTitle"]', 'Directrice administrative et financière');
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/edit')), page.click('button[type="submit"]')]);
    await page.context().close();

    const admin = await signedInPage(demo.browser, demo.server.url, 'admin');
    await admin.setViewportSize({ width: 1440, height: 1300 });
    await admin.goto(`${demo.server.url}/admin/resources/Contact/records/${contact.id}/show`);
    const history = admin.getByTestId('record-history');
    await history.getByText('Directrice administrative et financière').first().waitFor();
    await history.scrollIntoViewIfNeeded();
    await screenshot(admin, 'record-history');

    await admin.goto(`${demo.server.url}/admin/pages/auditTrail`);
    const table = admin.getByTestId('audit-table');
    await table.getByText('Directrice administrative et financière').first().waitFor();
    await screenshot(admin, 'audit-trail');
    const [{ n }] = await demo.db.ds.query(`SELECT count(*)::int AS n FROM audit_entry`);
    const total = (await admin.getByTestId('audit-total').textContent()) ?? '';
    expect(total.replace(/[\s\u202f\u00a0]/g, '')).toContain(String(n)); // "1 234 entrées": the count of the whole trail
    await admin.context().close();
  });

  it('the statistics page draws its charts from the recorded sign-ins and activity', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'admin');
    await page.setViewportSize({ width: 1440, height: 2000 });
    for (const m of ['Contact', 'Deal', 'Account']) await page.goto(`${demo.server.url}/admin/resources/${m}`);
    await page.goto(`${demo.server.url}/admin/pages/connectionStats`);
    await page.locator('[data-testid=connection-stats] .recharts-surface').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=connection-stats] .recharts-surface').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'connection-stats');
    await page.context().close();
  });

  it('a user without the capabilities sees neither page in the menu, and their data is refused', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'commercial');
    await page.goto(`${demo.server.url}/admin`);
    await page.getByText('Mon compte').first().waitFor();
    expect(await page.getByText("Piste d'audit").count()).toBe(0);
    expect(await page.getByText('Statistiques de connexion').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/admin/portier/audit')).status);
    expect(status).toBe(403);
    await page.context().close();
  });
});

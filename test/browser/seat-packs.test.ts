import { describe, expect, it } from '@jest/globals';
import { demoInBrowser, screenshot, signedInPage, waitShown, choose } from '../support/browser.js';

/**
 * In Chromium, on the demo organisation: an admin adds a seat pack on "Mon abonnement" (tier,
 * number, confirmation), the tier's included seats grow, the addition is listed and appears in
 * the month's summary; printed, the page holds the summary only. A user manager who is not admin
 * has no form. Screenshots in French, and the summary in English.
 */
const demo = demoInBrowser();
const q = (sql: string, params: unknown[] = []) => demo.db.ds.query(sql, params);
const included = async (tier: string) => (await q(`SELECT included FROM subscription_seat WHERE tier = $1`, [tier]))[0]?.included ?? 0;

describe('seat packs and the monthly summary, in the browser', () => {
  it('the admin adds 3 standard seats, confirms, and finds them in the tier, the latest additions and the summary', async () => {
    const before = await included('standard');
    const page = await signedInPage(demo.browser, demo.server.url, 'admin');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${demo.server.url}/admin/pages/subscription`);
    const packs = page.getByTestId('seat-packs');
    await waitShown(page, packs);
    await choose(packs.getByTestId('pack-tier'), { label: `Standard (${before})` });
    await packs.getByTestId('pack-seats').fill('3');
    await packs.getByTestId('pack-add').click();
    const confirm = packs.getByTestId('pack-confirm-box');
    await expect(confirm.textContent()).resolves.toContain(
      `Ajouter 3 licences au niveau Standard : ${before} ${before > 1 ? 'incluses' : 'incluse'} aujourd’hui, ${before + 3} ensuite.`,
    );
    expect(await included('standard')).toBe(before); // nothing before the confirmation
    await packs.scrollIntoViewIfNeeded();
    await packs.screenshot({ path: 'docs/screenshots/subscription-seat-pack-confirm.png' });
    await packs.getByTestId('pack-confirm').click();
    await waitShown(page, packs.getByTestId('packs-outcome').filter({ hasText: '3 licences ajoutées' }));
    expect(await included('standard')).toBe(before + 3);
    expect(await q(`SELECT tier, seats_added, actor_login FROM subscription_change`)).toEqual([{ tier: 'standard', seats_added: 3, actor_login: 'admin' }]);
    await waitShown(page, page.locator('[data-testid=seat-tier][data-tier=standard]').filter({ hasText: `/ ${before + 3}` }));
    await expect(packs.getByTestId('recent-changes').textContent()).resolves.toMatch(/Standard\+3/);

    // The month's summary: this month by default, the pack in it, with its totals.
    const summary = page.getByTestId('month-summary');
    await waitShown(page, summary.getByTestId('summary-changes'));
    await expect(summary.locator('[data-testid=summary-totals] tr[data-tier=standard]').textContent()).resolves.toMatch(/\+3/);
    await summary.scrollIntoViewIfNeeded();
    await screenshot(page, 'subscription-month-summary');
    // Printed: the sidebar, the top bar and the rest of the page are gone; the summary is at the top.
    await page.emulateMedia({ media: 'print' });
    expect(
      await page
        .locator('[data-css=sidebar], section[data-css=sidebar]')
        .first()
        .isVisible()
        .catch(() => false),
    ).toBe(false);
    expect(await packs.isVisible()).toBe(false);
    expect(await page.getByTestId('summary-print').isVisible()).toBe(false);
    expect(await summary.getByTestId('summary-body').isVisible()).toBe(true);
    const top = await summary.getByTestId('summary-body').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(60);
    await page.screenshot({ path: 'docs/screenshots/subscription-month-summary-print.png' });
    await page.emulateMedia({ media: 'screen' });

    // Another month: last year's November has nothing.
    await summary.getByTestId('summary-month').fill('2024-11');
    await waitShown(page, summary.getByText('Rien à signaler ce mois-ci.'));
    await page.context().close();
  });

  it('a user manager who is not admin reads the additions but has no form; in English, the summary reads in English', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${demo.server.url}/admin/pages/subscription`);
    const packs = page.getByTestId('seat-packs');
    await waitShown(page, packs.getByTestId('recent-changes'));
    expect(await packs.getByTestId('pack-tier').count()).toBe(0);
    await page.context().close();

    const english = await signedInPage(demo.browser, demo.server.url, 'admin');
    await english.setViewportSize({ width: 1440, height: 900 });
    await english.goto(`${demo.server.url}/admin/pages/subscription`);
    // AdminJS's language selector, in the top bar.
    await english.getByRole('button', { name: 'Français' }).first().click();
    await english.getByText('Anglais', { exact: true }).first().click();
    const summary = english.getByTestId('month-summary');
    await waitShown(english, summary.getByTestId('summary-changes'));
    await expect(summary.textContent()).resolves.toMatch(/Monthly summary.*Subscription — summary of/);
    await summary.scrollIntoViewIfNeeded();
    await screenshot(english, 'subscription-month-summary-en');
    await english.context().close();
  });
});

import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { choose, demoInBrowser, screenshot, signedInPage, waitShown } from '../support/browser.js';

/**
 * "Nouveau client" in Chromium, on the demo (docs/client-access.md, "Créer un client"): the access
 * consultant opens Accès clients, fills the names, picks two Accounts by typing, keeps the default
 * profile for one and chooses another for the second, confirms the seat warning, and sees the new
 * client with their two dossiers. The Easy Invoicing seats are set exactly full first, so that the
 * warning shows.
 */
const demo = demoInBrowser();

/** Types into the account picker of `testId` and clicks the option of `reference`. */
async function pickAccount(page: Page, testId: string, typed: string, reference: string): Promise<void> {
  const picker = page.getByTestId(testId);
  await picker.locator('input').first().click();
  await picker.locator('input').first().fill(typed);
  const option = page.locator('[id^="react-select"][id*="-option-"]', { hasText: reference });
  await waitShown(page, option.first());
  await option.first().click();
}

describe('onboarding a client, in the browser', () => {
  it('a consultant creates a client with two dossiers through the seat warning, then removes and adds one', async () => {
    const accounts: Array<{ id: number; reference: string; name: string }> = await demo.db.ds.query(
      `SELECT id, reference, name FROM account WHERE id NOT IN (SELECT account_id FROM dossier_grant) AND name ~ '^[A-Z]' ORDER BY reference LIMIT 3`,
    );
    await demo.db.ds.query(`UPDATE subscription_seat SET included = (SELECT count(*) FROM seat_holder WHERE tier = 'invoicing') WHERE tier = 'invoicing'`);
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.goto(`${demo.server.url}/admin/pages/clientAccess`);
    // The default client profile (★) is proposed for every new dossier: out of the box, the first tier's.
    const star = page.locator('[data-testid=client-profiles] tr[data-profile="Connect & pay"]');
    await star.waitFor();
    expect(await star.textContent()).toContain('Connect & pay ★');
    expect(await star.getByText('★ Par défaut').count()).toBe(0);

    await page.getByTestId('new-client-open').click();
    await page.getByTestId('new-client-firstName').fill('Hugues');
    await page.getByTestId('new-client-lastName').fill('Lemaître');
    await page.getByTestId('new-client-email').fill('hugues.lemaitre@fiduciaire-lemaitre.test');
    await page.getByTestId('new-client-company').fill('Fiduciaire Lemaître');
    await page.waitForFunction(() => (document.querySelector('[data-testid=new-client-login]') as HTMLInputElement | null)?.value === 'h.lemaitre');

    const [first, second] = accounts;
    await pickAccount(page, 'new-client-account-1', first.name.split(' ')[0], first.reference);
    const [easy] = await demo.db.ds.query(`SELECT id FROM profile WHERE name = 'Easy Invoicing'`);
    const [connect] = await demo.db.ds.query(`SELECT id FROM profile WHERE name = 'Connect & pay'`);
    expect(await page.getByTestId('new-client-profile-1').getAttribute('data-value')).toBe(String(connect.id)); // the star, kept
    await page.getByTestId('new-client-add-row').click();
    await pickAccount(page, 'new-client-account-2', second.name.split(' ')[0], second.reference);
    await choose(page.getByTestId('new-client-profile-2'), easy.id);
    await page.getByTestId('new-client-form').scrollIntoViewIfNeeded();
    await screenshot(page, 'client-new-form');

    await page.getByTestId('new-client-save').click();
    await waitShown(page, page.getByTestId('seat-warning'));
    expect(await page.getByTestId('seat-overrun').first().textContent()).toMatch(/Easy Invoicing/);
    await page.getByTestId('seat-warning').scrollIntoViewIfNeeded();
    await screenshot(page, 'client-new-seat-warning');
    await page.getByTestId('seat-confirm').click();

    await waitShown(page, page.getByTestId('new-client-created'));
    expect(await page.getByTestId('new-client-created').textContent()).toContain('identifiant h.lemaitre, avec 2 dossiers');
    const row = page.locator('[data-testid=client-users] tr', { hasText: 'h.lemaitre' });
    await waitShown(page, row);
    expect(await row.textContent()).toContain(`${first.reference} ${first.name} — Connect & pay`);
    expect(await row.textContent()).toContain(`${second.reference} ${second.name} — Easy Invoicing`);
    const grants = await demo.db.ds.query(
      `SELECT g.account_id, p.name FROM dossier_grant g JOIN profile p ON p.id = g.profile_id JOIN app_user u ON u.id = g.user_id
        WHERE u.login = 'h.lemaitre' ORDER BY g.account_id`,
    );
    expect(grants).toEqual(
      [
        { account_id: first.id, name: 'Connect & pay' },
        { account_id: second.id, name: 'Easy Invoicing' },
      ].sort((a, b) => a.account_id - b.account_id),
    );
    const billed = await demo.db.ds.query(`SELECT tier, user_login, actor_login FROM billing_event WHERE user_login = 'h.lemaitre'`);
    expect(billed).toEqual([{ tier: 'invoicing', user_login: 'h.lemaitre', actor_login: 'consultant' }]);
    await page.getByTestId('new-client').scrollIntoViewIfNeeded();
    await screenshot(page, 'client-new-created');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'client-new-dossiers');

    // The dossiers of the new client: one removed after its confirmation, another added by typing.
    await row.getByText('Modifier les dossiers').click();
    const editor = page.getByTestId('dossier-editor');
    await editor.locator(`[data-testid=dossier-row][data-account="${second.reference}"]`).getByTestId('dossier-remove').click();
    await editor.getByTestId('dossier-remove-go').click();
    await page.getByTestId('clients-outcome').filter({ hasText: 'Dossier retiré' }).waitFor();
    await row.getByText('Modifier les dossiers').click();
    // The last dossier is not removed: the confirmation says why and offers to deactivate instead.
    await editor.getByTestId('dossier-remove').click();
    await waitShown(page, editor.getByTestId('dossier-deactivate'));
    expect(await editor.getByTestId('dossier-remove-confirm').textContent()).toContain('ne peut pas se connecter');
    await pickAccount(page, 'dossier-account', accounts[2].name.split(' ')[0], accounts[2].reference);
    await editor.getByTestId('dossier-add-go').click();
    await page.getByTestId('clients-outcome').filter({ hasText: 'Dossier ajouté' }).waitFor();
    await waitShown(page, row.filter({ hasText: accounts[2].reference }));
    await page.context().close();
  });

  it('the form in English', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${demo.server.url}/admin/pages/clientAccess`);
    await page.getByRole('button', { name: 'Français' }).hover();
    await page.getByText('Anglais').click();
    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByTestId('new-client-firstName').fill('Margaret');
    await page.getByTestId('new-client-lastName').fill("O'Neill");
    await page.getByTestId('new-client-email').fill('margaret@oneill-accounting.test');
    await page.waitForFunction(() => (document.querySelector('[data-testid=new-client-login]') as HTMLInputElement | null)?.value === 'm.o-neill');
    const [account] = await demo.db.ds.query(`SELECT reference, name FROM account WHERE name ~ '^[A-Z]' ORDER BY reference DESC LIMIT 1`);
    await pickAccount(page, 'new-client-account-1', account.name.split(' ')[0], account.reference);
    expect(await page.getByTestId('new-client-form').textContent()).toContain('Add a dossier');
    await page.getByTestId('new-client-form').scrollIntoViewIfNeeded();
    await screenshot(page, 'client-new-form-en');
    await page.context().close();
  });

  it('the user form offers the way to create a client user, and shows the login read-only once created', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.goto(`${demo.server.url}/admin/resources/User/actions/new`);
    await waitShown(page, page.getByTestId('user-kind'));
    await page.getByTestId('new-client-link').click();
    await waitShown(page, page.getByTestId('new-client-form'));
    const [emilie] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'commercial'`);
    await page.goto(`${demo.server.url}/admin/resources/User/records/${emilie.id}/edit`);
    await waitShown(page, page.getByTestId('user-login-readonly'));
    expect(await page.getByText('Système').count()).toBe(0);
    await screenshot(page, 'user-form-consultant', true);
    await page.context().close();
  });
});

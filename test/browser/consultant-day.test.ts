import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { AdminClient } from '../support/admin-client.js';
import { choose, confirmAccessPreview, demoInBrowser, signedInPage, waitShown } from '../support/browser.js';
import { linkIn, mailTo } from '../support/mail.js';

/**
 * The consultant's day, end to end in Chromium on the demo (docs/client-access.md): a new client
 * with two dossiers, a predefined client profile duplicated and restricted in the editor (an
 * export removed, a field hidden, what lies beyond the tier out of reach), the copy given to one
 * dossier; the invitation lands in the outbox, the client follows its link, chooses a password,
 * signs in and finds the restriction.
 */
const demo = demoInBrowser();
const q = (sql: string, params: unknown[] = []) => demo.db.ds.query(sql, params);
const COPY = 'Comptabilité complète – restreint';
const EMAIL = 'chloe.garnier@cabinet-garnier.test';

/** Types into the account picker of `testId` and clicks the option of `reference`. */
async function pickAccount(page: Page, testId: string, typed: string, reference: string): Promise<void> {
  const picker = page.getByTestId(testId);
  await picker.locator('input').first().click();
  await picker.locator('input').first().fill(typed);
  const option = page.locator('[id^="react-select"][id*="-option-"]', { hasText: reference });
  await waitShown(page, option.first());
  await option.first().click();
}

/** Confirms the seat warning when the change goes over the subscription ("Confirmer et facturer"). */
async function throughSeatWarning(page: Page, done: ReturnType<Page['getByTestId']>): Promise<void> {
  await page.locator('[data-testid=seat-warning]').or(done).first().waitFor();
  if (await page.getByTestId('seat-warning').count()) await page.getByTestId('seat-confirm').click();
  await waitShown(page, done);
}

describe("the consultant's day, in the browser", () => {
  it('onboards a client, restricts a duplicated profile for one dossier; the client, invited by mail, signs in under the restriction', async () => {
    // Two Accounts nobody holds yet, the first with purchase orders.
    const free = `id NOT IN (SELECT account_id FROM dossier_grant) AND name ~ '^[A-Z]'`;
    const [a]: Array<{ id: number; reference: string }> = await q(
      `SELECT id, reference FROM account a WHERE ${free} AND EXISTS (SELECT 1 FROM purchase_order p WHERE p.account_id = a.id) ORDER BY reference LIMIT 1`,
    );
    const [b]: Array<{ id: number; reference: string }> = await q(`SELECT id, reference FROM account WHERE ${free} AND id <> $1 ORDER BY reference LIMIT 1`, [
      a.id,
    ]);
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1400 });
    await page.goto(`${demo.server.url}/admin/pages/clientAccess`);

    // 1. "Nouveau client": A under "Comptabilité complète", B under the default profile.
    await page.getByTestId('new-client-open').click();
    await page.getByTestId('new-client-firstName').fill('Chloé');
    await page.getByTestId('new-client-lastName').fill('Garnier');
    await page.getByTestId('new-client-email').fill(EMAIL);
    await page.getByTestId('new-client-company').fill('Cabinet Garnier');
    await page.waitForFunction(() => (document.querySelector('[data-testid=new-client-login]') as HTMLInputElement | null)?.value === 'c.garnier');
    const [accounting] = await q(`SELECT id FROM profile WHERE name = 'Comptabilité complète'`);
    await pickAccount(page, 'new-client-account-1', a.reference, a.reference);
    await choose(page.getByTestId('new-client-profile-1'), accounting.id);
    await page.getByTestId('new-client-add-row').click();
    await pickAccount(page, 'new-client-account-2', b.reference, b.reference);
    await page.getByTestId('new-client-save').click();
    await throughSeatWarning(page, page.getByTestId('new-client-created'));
    expect(await page.getByTestId('new-client-invited').textContent()).toContain(EMAIL);

    // 2. Duplicate "Comptabilité complète": the copy opens in the editor.
    await page.locator('[data-testid=client-profiles] tr[data-profile="Comptabilité complète"]').getByText('Dupliquer pour restreindre').click();
    const editor = page.locator(`[data-testid=client-profile-editor][data-profile="${COPY}"]`);
    await waitShown(page, editor);
    // Beyond the tier: out of reach, the tier that includes it named.
    expect(await editor.getByTestId('priv-Deal-read').isDisabled()).toBe(true);
    expect(await editor.getByTestId('cell-Deal-read').getAttribute('title')).toBe('réservé au niveau Gestion commerciale avancée');
    // No more export of invoices; the purchase orders' amount hidden.
    await page.locator('[data-testid="priv-Invoice-export"] + a').click();
    await editor.getByTestId('fields-PurchaseOrder').click();
    await editor.getByTestId('field-PurchaseOrder-amount-none').click();
    await editor.getByTestId('client-profile-save').click();
    await confirmAccessPreview(page);
    await page.getByTestId('clients-outcome').filter({ hasText: 'enregistré' }).waitFor();
    const [copy] = await q(`SELECT id, modules, fields FROM profile WHERE name = $1`, [COPY]);
    expect([copy.modules.Invoice.export, copy.fields]).toEqual([false, { PurchaseOrder: { amount: 'none' } }]);

    // 3. The copy given to dossier A ("Transférer un utilisateur (avancé)").
    const [client] = await q(`SELECT id FROM app_user WHERE login = 'c.garnier'`);
    await choose(page.getByTestId('move-user'), client.id, 'c.garnier');
    await choose(page.getByTestId('move-dossier'), a.id);
    await choose(page.getByTestId('move-profile'), copy.id);
    await page.getByRole('button', { name: 'Transférer' }).last().click();
    await throughSeatWarning(page, page.getByTestId('clients-outcome').filter({ hasText: 'Dossier transféré' }));
    const grants = await q(
      `SELECT a.reference, p.name FROM dossier_grant g JOIN account a ON a.id = g.account_id JOIN profile p ON p.id = g.profile_id WHERE g.user_id = $1 ORDER BY a.reference COLLATE "C"`,
      [client.id],
    );
    expect(grants).toEqual(
      [
        { reference: a.reference, name: COPY },
        { reference: b.reference, name: 'Connect & pay' },
      ].sort((x, y) => x.reference.localeCompare(y.reference)),
    );
    await page.context().close();

    // 4. The invitation is in the outbox (no mail server in the demo); the client follows its link.
    const mail = await mailTo(demo.db.ds, EMAIL, 'invitation');
    expect(mail.subject).toMatch(/invitation|Invitation|accès/i);
    const visitor = await (await demo.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' })).newPage();
    await visitor.goto(linkIn(mail.body));
    await waitShown(visitor, visitor.getByText('Choisissez votre mot de passe'));
    await visitor.fill('input[name="next"]', 'Garnier2026!');
    await visitor.fill('input[name="confirm"]', 'Garnier2026!');
    await visitor.click('button:has-text("Enregistrer le mot de passe")');
    await waitShown(visitor, visitor.getByText('Mot de passe enregistré'));
    await visitor.click('a:has-text("Se connecter")');
    await visitor.fill('input[name="email"]', 'c.garnier');
    await visitor.fill('input[name="password"]', 'Garnier2026!');
    await Promise.all([visitor.waitForURL((u) => !u.pathname.endsWith('/login')), visitor.click('button:has-text("Se connecter")')]);

    // 5. The restriction: the purchase orders of A without their amount, no export of invoices.
    await visitor.goto(`${demo.server.url}/admin/resources/PurchaseOrder`);
    await waitShown(visitor, visitor.locator('table tbody tr').first());
    expect(await visitor.locator('table thead').innerText()).not.toMatch(/Montant/);
    const as = await AdminClient.signIn(demo.server.url, 'c.garnier', 'Garnier2026!');
    const orders = await as.list('PurchaseOrder', { perPage: 50 });
    expect(orders.body.records.length).toBeGreaterThan(0);
    expect(orders.body.records.every((r: { params: Record<string, unknown> }) => !('amount' in r.params))).toBe(true);
    expect((await as.export('Invoice')).status).toBe(403);
    const accounts = await as.list('Account', { perPage: 50 });
    expect(accounts.body.records.map((r: { params: { reference: string } }) => r.params.reference).sort()).toEqual([a.reference, b.reference].sort());
    await visitor.context().close();
  });
});

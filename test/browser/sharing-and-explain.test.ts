import { describe, expect, it } from '@jest/globals';
import { choose, confirmAccessPreview, demoInBrowser, screenshot, signedInPage } from '../support/browser.js';

/** In Chromium, on the demo organisation: the consultant's sharing page, and a user's effective access with "why". */
const demo = demoInBrowser();

describe('sharing and explain, in the browser', () => {
  it('a consultant sees the defaults with their locks, and creates a sharing rule with the pickers, reading its sentence', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/sharing`);
    await page.getByTestId('sharing-defaults').waitFor();
    // Activity and Contact say why they take no default of their own.
    await page.getByTestId('default-reason-Activity').filter({ hasText: 'toujours privées' }).waitFor();
    await page.getByTestId('default-reason-Contact').filter({ hasText: 'il suit Account' }).waitFor();
    expect(await page.getByTestId('default-Activity').locator('input').first().isDisabled()).toBe(true);
    // The demo's rules, each as a sentence.
    await page
      .getByTestId('rule-sentence')
      .filter({ hasText: 'Les affaires appartenant à Ventes Alpes sont partagées en lecture avec Ventes Lyon.' })
      .waitFor();

    const [paris] = await demo.db.ds.query(`SELECT id FROM role WHERE name = 'Ventes Paris'`);
    const [team] = await demo.db.ds.query(`SELECT id FROM team WHERE name = 'Comptes nationaux'`);
    await page.getByTestId('rule-new').click();
    await choose(page.getByTestId('rule-module'), 'Lead');
    await choose(page.getByTestId('rule-from-kind'), 'roleAndSubordinates');
    await choose(page.getByTestId('rule-from-target'), paris.id);
    await choose(page.getByTestId('rule-to-kind'), 'team');
    await choose(page.getByTestId('rule-to-target'), team.id);
    await choose(page.getByTestId('rule-access'), 'read');
    const sentence = "Les pistes appartenant à Ventes Paris et subordonnés sont partagées en lecture avec l'équipe Comptes nationaux.";
    await page.getByTestId('rule-preview').filter({ hasText: sentence }).waitFor();
    await page.getByTestId('rule-name').fill('Pistes de Paris pour les comptes nationaux');
    // The pickers, the draft's sentence and the demo's rules below it, in one picture.
    // AdminJS scrolls its own container, not the window: bring the editor to the top of it.
    await page.getByTestId('rule-editor').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'sharing-rules');
    await page.getByTestId('rule-save').click();
    await confirmAccessPreview(page);
    await page.getByTestId('sharing-outcome').filter({ hasText: 'Règle créée' }).waitFor();
    const row = page.getByTestId('rule-row').filter({ hasText: sentence });
    await row.waitFor();
    const [stored] = await demo.db.ds.query(
      `SELECT module, from_kind, from_role_id, to_kind, to_team_id, access FROM sharing_rule WHERE name = 'Pistes de Paris pour les comptes nationaux'`,
    );
    expect(stored).toEqual({ module: 'Lead', from_kind: 'roleAndSubordinates', from_role_id: paris.id, to_kind: 'team', to_team_id: team.id, access: 'read' });
    await page.context().close();
  });

  it('a consultant opens the commercial\'s "Accès effectif", then explains a decision on a deal he cannot read: a rule applies, unnamed', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    const [commercial] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'commercial'`);
    await page.goto(`${demo.server.url}/admin/resources/User/records/${commercial.id}/show`);
    // AdminJS renders the record actions of the header as links styled as buttons.
    await page.locator('a, button', { hasText: 'Accès effectif' }).first().click();
    const deals = page.locator('[data-testid=effective-row][data-module=Deal]');
    await deals.waitFor();
    const shown = Number((await deals.getByTestId('effective-read').innerText()).replace(/\D/g, ''));
    expect(shown).toBeGreaterThan(0);
    await screenshot(page, 'user-effective-access');

    // A deal of Ventes Alpes: the commercial (Ventes Lyon) reads it through the demo's rule, cannot delete it.
    const [deal] = await demo.db.ds.query(
      `SELECT d.reference FROM deal d JOIN app_user u ON u.id = d.owner_user_id JOIN role r ON r.id = u.role_id WHERE r.name = 'Ventes Alpes' ORDER BY d.reference LIMIT 1`,
    );
    await page.getByTestId('explain-tool').scrollIntoViewIfNeeded();
    await page.getByTestId('explain-module').selectOption('Deal');
    await page.getByTestId('explain-search').fill(deal.reference);
    await page.locator(`[data-testid=explain-record] option[value="${deal.reference}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('explain-record').selectOption(deal.reference);
    await page.getByTestId('explain-action').selectOption('delete');
    await page.getByTestId('explain-run').click();
    await page.locator('[data-testid=explain-result][data-allowed=false]').waitFor();
    await page.getByTestId('explain-action').selectOption('read');
    await page.getByTestId('explain-run').click();
    const result = page.locator('[data-testid=explain-result][data-allowed=true]');
    await result.waitFor();
    // The consultant cannot read this deal: the explanation says a rule applies, not which one
    // (its sentence would name the owner's role: docs/security.md, "Explain without leaking").
    expect(await result.getByTestId('explain-text').innerText()).toContain(`une règle de partage s'applique à ${deal.reference}`);
    await page.getByTestId('explain-tool').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'explain');
    await page.context().close();
  });
});

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
    await page.getByTestId('default-reason-Contact').filter({ hasText: 'suit celui des comptes et contacts' }).waitFor();
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
    // The header keeps show, edit and delete; the other record actions are under "Plus d'actions".
    await page.locator('a, button', { hasText: "Plus d'actions" }).first().click();
    await page.locator('a, button', { hasText: 'Accès effectif' }).first().click();
    const deals = page.locator('[data-testid=effective-row][data-module=Deal]');
    await deals.waitFor();
    const shown = Number((await deals.getByTestId('effective-read').innerText()).replace(/\D/g, ''));
    expect(shown).toBeGreaterThan(0);
    await screenshot(page, 'user-effective-access');

    // "Pourquoi ?" offers only the records the consultant may read: no deal (his profile reads
    // accounts only), so a deal's reference finds nothing; the module's own decisions still show.
    const [deal] = await demo.db.ds.query(`SELECT reference FROM deal ORDER BY reference LIMIT 1`);
    const tool = page.getByTestId('explain-tool');
    await tool.scrollIntoViewIfNeeded();
    await tool.getByTestId('explain-module').locator('input').first().fill('Affaires');
    await page.keyboard.press('Enter');
    await tool
      .locator('[data-testid=explain-result][data-action=create]')
      .filter({ hasText: 'Émilie Durand peut créer des affaires parce que son profil Commercial donne le droit de créer les affaires.' })
      .waitFor();
    await tool.getByTestId('explain-record').locator('input').first().fill(deal.reference);
    await tool.getByText('Aucun enregistrement lisible de ce nom').waitFor();
    // An account he may read: found by its name, explained in a sentence.
    const [account] = await demo.db.ds.query(`SELECT reference, name FROM account ORDER BY reference LIMIT 1`);
    await tool.getByTestId('explain-module').locator('input').first().fill('Comptes');
    await page.keyboard.press('Enter');
    await tool.getByTestId('explain-record').locator('input').first().fill(account.name);
    await page.locator('[id^="react-select"][id*="-option-"]', { hasText: account.reference }).first().click();
    const read = tool.locator('[data-testid=explain-result][data-action=read][data-allowed=true]');
    await read.waitFor();
    expect(await read.innerText()).toBe(
      "Émilie Durand voit ce compte parce que le partage de l'organisation pour les comptes et contacts est « Lecture publique ».",
    );
    await page.context().close();
  });
});

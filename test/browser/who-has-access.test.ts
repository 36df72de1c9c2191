import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { demoInBrowser, screenshot, signedInPage, waitShown } from '../support/browser.js';

/**
 * In Chromium, on the demo organisation: a deal's "Qui a accès ?" panel (issue 20, item 5) as the
 * admin, in French and in English, its link to "Pourquoi ?" for one user, and the plain sentences
 * there (item 2). A sales rep sees no panel.
 */
const demo = demoInBrowser();
const RULE = 'Affaires des Alpes visibles à Lyon';

/** A deal of Ventes Alpes: Émilie Durand (commercial, Ventes Lyon) reads it through the demo's rule. */
async function alpineDeal(): Promise<{ id: number; reference: string; name: string }> {
  const [deal] = await demo.db.ds.query(
    `SELECT d.id, d.reference, d.name FROM deal d JOIN app_user u ON u.id = d.owner_user_id JOIN role r ON r.id = u.role_id
      WHERE r.name = 'Ventes Alpes' ORDER BY d.reference LIMIT 1`,
  );
  return deal;
}

async function openPanel(page: Page, dealId: number) {
  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.goto(`${demo.server.url}/admin/resources/Deal/records/${dealId}/show`);
  const panel = page.getByTestId('who-has-access');
  await waitShown(page, panel.getByTestId('who-has-access-row').first());
  return panel;
}

describe('Qui a accès ?, in the browser', () => {
  it('the admin sees who may read, edit and delete a deal, and why; searches by name; opens the explanation of one user', async () => {
    const deal = await alpineDeal();
    const page = await signedInPage(demo.browser, demo.server.url, 'admin');
    const panel = await openPanel(page, deal.id);
    await panel
      .getByTestId('who-has-access-count')
      .filter({ hasText: /^1 à \d+ sur \d+ utilisateurs$/ })
      .waitFor();
    const emilie = panel.locator('[data-testid=who-has-access-row][data-login=commercial]');
    await emilie.waitFor();
    expect(await emilie.getByTestId('who-has-access-reasons').innerText()).toBe(`par la règle « ${RULE} »`);
    expect(await emilie.getByTestId('who-has-access-read').getAttribute('data-allowed')).toBe('true');
    expect(await emilie.getByTestId('who-has-access-edit').getAttribute('data-allowed')).toBe('false');
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'who-has-access');

    await panel.getByTestId('who-has-access-search').fill('Durand');
    await panel.getByTestId('who-has-access-count').filter({ hasText: '1 à 1 sur 1 utilisateurs' }).waitFor();
    expect(await panel.getByTestId('who-has-access-row').count()).toBe(1);

    await emilie.getByTestId('who-has-access-explain').click();
    const tool = page.getByTestId('explain-tool');
    const read = tool.locator('[data-testid=explain-result][data-action=read]');
    await waitShown(page, read);
    expect(await read.innerText()).toBe(
      `Émilie Durand voit cette affaire parce que la règle « ${RULE} » partage les affaires appartenant à Ventes Alpes avec Ventes Lyon, en lecture.`,
    );
    expect(await tool.locator('[data-testid=explain-result][data-action=edit]').innerText()).toBe(
      "Émilie Durand ne peut pas modifier cette affaire : ni propriétaire, ni au-dessus du propriétaire dans la hiérarchie ; le partage de l'organisation pour les affaires est « Privé » et aucune règle de partage ne le permet.",
    );
    await tool.getByTestId('explain-record').filter({ hasText: deal.reference }).waitFor();
    await tool.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'explain');
    await page.context().close();
  });

  it('in English for a user whose language is English', async () => {
    await demo.db.ds.query(`UPDATE app_user SET locale = 'en' WHERE login = 'admin'`);
    try {
      const deal = await alpineDeal();
      const page = await signedInPage(demo.browser, demo.server.url, 'admin');
      const panel = await openPanel(page, deal.id);
      if (!(await panel.getByText('Who has access?').count())) {
        // The interface language is also the user's choice in AdminJS's top bar.
        await page
          .getByRole('button', { name: /Français|French|fr/ })
          .first()
          .click();
        await page
          .getByText(/English|Anglais|^en$/)
          .first()
          .click();
      }
      await panel.getByText('Who has access?').waitFor();
      await panel
        .getByTestId('who-has-access-count')
        .filter({ hasText: /^1 to \d+ of \d+ users$/ })
        .waitFor();
      const emilie = panel.locator('[data-testid=who-has-access-row][data-login=commercial]');
      // The rows are asked again in the language chosen: wait for the English ones.
      await emilie
        .getByTestId('who-has-access-reasons')
        .filter({ hasText: `through the rule "${RULE}"` })
        .waitFor();
      expect(await emilie.getByTestId('who-has-access-reasons').innerText()).toBe(`through the rule "${RULE}"`);
      await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'who-has-access-en');
      await emilie.getByTestId('who-has-access-explain').click();
      const read = page.locator('[data-testid=explain-result][data-action=read]');
      const sentence = `Émilie Durand can see this deal because rule "${RULE}" shares deals owned by Ventes Alpes with Ventes Lyon, read.`;
      await waitShown(page, read.filter({ hasText: sentence }));
      expect(await read.innerText()).toBe(sentence);
      await page.getByTestId('explain-tool').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'explain-en');
      await page.context().close();
    } finally {
      await demo.db.ds.query(`UPDATE app_user SET locale = 'fr' WHERE login = 'admin'`);
    }
  });

  it('a sales rep who reads the deal sees no panel: it is for admins and those who manage users or access', async () => {
    const deal = await alpineDeal();
    const page = await signedInPage(demo.browser, demo.server.url, 'commercial');
    await page.goto(`${demo.server.url}/admin/resources/Deal/records/${deal.id}/show`);
    await waitShown(page, page.getByText(deal.name).first());
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('who-has-access').count()).toBe(0);
    await page.context().close();
  });
});

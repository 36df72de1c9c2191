import { describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { demoInBrowser, screenshot, signedInPage, waitShown } from '../support/browser.js';

/**
 * Issue 20, "One menu" and "No dead ends", as the demo's users see them in Chromium, in French and
 * in English: the grouped menu, the home page of each one's work, the page that replaces a record
 * one may not read (the same as a missing one), a refused action in words, a refused filter, and an
 * empty list that says why. Screenshots under docs/screenshots/.
 */
// The server bundles the browser code before it answers: minutes on a machine shared with other runs.
jest.setTimeout(400_000);
const demo = demoInBrowser();

const sidebar = (page: Page) => page.locator('[data-css="sidebar"]');

/** Switches the interface to English from AdminJS's top bar, when the page is not in English already. */
async function toEnglish(page: Page): Promise<void> {
  await sidebar(page)
    .getByText(/Mon compte|My account/)
    .first()
    .waitFor();
  if (await sidebar(page).getByText('My account', { exact: true }).count()) return;
  await page
    .getByRole('button', { name: /Français|French/ })
    .first()
    .click();
  await page
    .getByText(/English|Anglais/)
    .first()
    .click();
}

async function dealIds(): Promise<{ hidden: number; missing: number; readOnly: number }> {
  // A deal of another region that no rule shares with the sales rep, one past the last id, and a deal
  // shared with her read-only (the README's example, DEA-0024).
  const [readOnly] = await demo.db.ds.query(`SELECT id FROM deal WHERE reference = 'DEA-0024'`);
  const [max] = await demo.db.ds.query('SELECT max(id)::int AS n FROM deal');
  const [me] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'commercial'`);
  const page = await signedInPage(demo.browser, demo.server.url, 'commercial');
  const visible: number[] = await page.evaluate(async () => {
    const r = await fetch('/admin/api/resources/Deal/actions/list?perPage=500');
    return ((await r.json()).records as Array<{ id: number }>).map((x) => Number(x.id));
  });
  await page.context().close();
  const [hidden] = await demo.db.ds.query('SELECT id FROM deal WHERE NOT (id = ANY($1::int[])) AND owner_user_id IS DISTINCT FROM $2 ORDER BY id LIMIT 1', [
    visible,
    me.id,
  ]);
  return { hidden: hidden.id, missing: max.n + 1000, readOnly: readOnly.id };
}

describe('one menu and no dead ends, in Chromium', () => {
  it("the consultant's menu groups the configuration and the follow-up; their home page is their work", async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    const menu = sidebar(page);
    for (const entry of [
      'CRM',
      'Configuration des accès',
      'Utilisateurs',
      'Profils',
      'Rôles',
      'Équipes',
      'Partage',
      'Accès clients',
      'Suivi',
      "Piste d'audit",
      'Mon compte',
    ])
      await waitShown(page, menu.getByText(entry, { exact: true }).first());
    // One entry per concept: no raw lists, no flat "Pages" group.
    for (const raw of ['Profils de droits', 'Règles de partage', 'Partage par défaut', 'Connexions', 'Pages', 'Courriers envoyés'])
      expect([raw, await menu.getByText(raw, { exact: true }).count()]).toEqual([raw, 0]);
    await waitShown(page, page.locator('[data-home="configuration"]'));
    await waitShown(page, page.locator('[data-home="recent"]'));
    expect(await page.getByText('Aucun module ne vous est ouvert').count()).toBe(0);
    await screenshot(page, 'home-consultant');
    await page.context().close();
  });

  it("a sales rep's home page counts their own records; a client's shows their dossiers", async () => {
    const rep = await signedInPage(demo.browser, demo.server.url, 'commercial');
    await waitShown(
      rep,
      rep
        .locator('[data-home="modules"]')
        .getByText(/dont \d+ à vous/)
        .first(),
    );
    expect(await sidebar(rep).getByText('Configuration des accès').count()).toBe(0);
    await screenshot(rep, 'home-sales-rep');
    await rep.context().close();
    const client = await signedInPage(demo.browser, demo.server.url, 'client');
    await waitShown(client, client.locator('[data-home="dossiers"]').getByText('Accès : Comptabilité complète'));
    await screenshot(client, 'home-client');
    await client.context().close();
  });

  it('a record one may not read and one that does not exist give the same page, with a way back to the list', async () => {
    const { hidden, missing } = await dealIds();
    const page = await signedInPage(demo.browser, demo.server.url, 'commercial');
    const texts: string[] = [];
    for (const id of [hidden, missing]) {
      await page.goto(`${demo.server.url}/admin/resources/Deal/records/${id}/show`);
      const box = page.locator('[data-dead-end="notFound"]');
      await waitShown(page, box.getByText('Enregistrement introuvable', { exact: true }));
      texts.push((await box.innerText()).trim());
    }
    expect(texts[1]).toBe(texts[0]);
    expect(await page.getByText(/Record with given id|cannot be found|n'a pas d'action/).count()).toBe(0);
    await screenshot(page, 'dead-end-not-found');
    await page.getByText('Revenir à la liste « Affaires »').click();
    await page.waitForURL(/\/resources\/Deal(\/actions\/list)?(\?|$)/);
    await page.context().close();
  });

  it('an edit URL of a read-only record explains in words and links back to the record', async () => {
    const { readOnly } = await dealIds();
    const page = await signedInPage(demo.browser, demo.server.url, 'commercial');
    await page.goto(`${demo.server.url}/admin/resources/Deal/records/${readOnly}/edit`);
    await waitShown(page, page.getByText('Vous ne pouvez pas modifier cette affaire', { exact: false }));
    await screenshot(page, 'dead-end-refused-edit');
    await page.getByText('Voir la fiche').click();
    await page.waitForURL(new RegExp(`/resources/Deal/records/${readOnly}/show`));
    await page.context().close();
  });

  it('a malformed date filter shows its message by the field, no spinner; a filter matching nothing says so', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'commercial');
    await page.goto(`${demo.server.url}/admin/resources/Deal/actions/list?filters.closeDate~~from=garbage`);
    const refused = page.locator('[data-empty="badFilter"]');
    await waitShown(page, refused.locator('[data-filter-error="closeDate"]').getByText(/Date de clôture : date attendue/));
    await screenshot(page, 'list-bad-filter');
    await refused.getByTestId('clear-filters').click();
    await page.waitForURL((u) => !u.search.includes('filters.'));
    await waitShown(page, page.locator('table tbody tr').first());
    await page.goto(`${demo.server.url}/admin/resources/Deal/actions/list?filters.name=${encodeURIComponent('aucune affaire ne porte ce nom')}`);
    await waitShown(page, page.locator('[data-empty="noMatch"]').getByText('Aucun enregistrement ne correspond aux filtres choisis.'));
    await page.context().close();
  });

  it("a team lead's empty list says that his rights open part of the module, not that it is empty", async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'g.lebrun');
    await page.goto(`${demo.server.url}/admin/resources/Deal`);
    await waitShown(page, page.locator('[data-empty="noneVisible"]'));
    expect(await page.getByText("Il n'y a encore aucun enregistrement").count()).toBe(0);
    await screenshot(page, 'list-empty-team-lead');
    await page.context().close();
  });

  it('the same in English: menu, dead ends and empty states', async () => {
    const { hidden, readOnly } = await dealIds();
    const page = await signedInPage(demo.browser, demo.server.url, 'commercial');
    await toEnglish(page);
    await waitShown(page, sidebar(page).getByText('My account', { exact: true }));
    await page.goto(`${demo.server.url}/admin/resources/Deal/records/${hidden}/show`);
    await toEnglish(page);
    await waitShown(page, page.getByText('Record not found', { exact: true }));
    await waitShown(page, page.getByText('Back to the list “Deals”'));
    await page.goto(`${demo.server.url}/admin/resources/Deal/records/${readOnly}/edit`);
    await toEnglish(page);
    await waitShown(page, page.getByText('You may not edit this deal', { exact: false }));
    await screenshot(page, 'dead-end-refused-edit-en');
    await page.context().close();
    const consultant = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await toEnglish(consultant);
    for (const entry of ['Access configuration', 'Users', 'Profiles', 'Follow-up', 'Audit trail'])
      await waitShown(consultant, sidebar(consultant).getByText(entry, { exact: true }).first());
    await waitShown(consultant, consultant.getByText('Recent changes'));
    await screenshot(consultant, 'home-consultant-en');
    await consultant.context().close();
  });
});

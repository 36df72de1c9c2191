import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { choose, demoInBrowser, screenshot, signedInPage } from '../support/browser.js';

/**
 * "Vérifier puis enregistrer", in Chromium on the demo organisation: a consultant's change of the
 * access set-up first shows who gains or loses what, by name; "Annuler" saves nothing (checked in
 * the database), "Confirmer" saves. In French, then in English.
 */
const demo = demoInBrowser();
const q = (sql: string, params: unknown[] = []) => demo.db.ds.query(sql, params);
const commercialDeletesDeals = async (): Promise<boolean> =>
  (await q(`SELECT modules->'Deal'->>'delete' AS d FROM profile WHERE name = 'Commercial'`))[0].d === 'true';
const dealDefault = async (): Promise<string> => (await q(`SELECT level FROM sharing_default WHERE module = 'Deal'`))[0].level;

/** The users whose role holds Commercial: the only ones a change of it may touch. */
const holdersOfCommercial = async (): Promise<string[]> =>
  (
    await q(
      `SELECT u.full_name AS name FROM app_user u
         JOIN role_profile rp ON rp.role_id = u.role_id JOIN profile p ON p.id = rp.profile_id AND p.name = 'Commercial'`,
    )
  ).map((r: { name: string }) => r.name);

async function editCommercial(page: Page, navigate = true): Promise<void> {
  if (navigate) await page.goto(`${demo.server.url}/admin/pages/profiles`);
  await page.getByTestId('profiles-list').waitFor();
  await page.getByTestId('edit-Commercial').click();
  await page.getByTestId('profile-editor').waitFor();
  // The design system's checkboxes hide their input; the visible box is the link right after it.
  await page.locator('[data-testid="priv-Deal-delete"] + a').click();
}

describe('the access preview, in the browser', () => {
  it('shows who loses the deletion of deals before a profile is saved; Annuler saves nothing, Confirmer saves', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    const holders = await holdersOfCommercial();
    await editCommercial(page);
    await page.getByTestId('profile-save').click();
    const panel = page.getByTestId('access-preview');
    await panel.waitFor();
    const line = panel.getByTestId('access-preview-line').filter({ hasText: 'la suppression des affaires' });
    const sentence = await line.getByTestId('access-preview-sentence').textContent();
    const [, count] = sentence?.match(/^(\d+) utilisateurs perdent la suppression des affaires$/) ?? [];
    expect(Number(count)).toBeGreaterThan(1);
    // Each line opens onto the users it names, each with their level before and after; all hold Commercial.
    await line.getByTestId('access-preview-toggle').click();
    const named = await line.getByTestId('access-preview-user').allTextContents();
    expect(named.length).toBe(Math.min(Number(count), 200));
    for (const text of named) {
      expect(text).toMatch(/^.+ : .+ → aucun accès$/);
      expect(holders).toContain(text.split(' : ')[0]);
    }
    await panel.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'access-preview');

    await panel.getByTestId('access-preview-cancel').click();
    await panel.waitFor({ state: 'detached' });
    expect(await commercialDeletesDeals()).toBe(true); // nothing saved

    await page.getByTestId('profile-save').click();
    await page.getByTestId('access-preview-confirm').click();
    await page.getByTestId('profiles-outcome').filter({ hasText: 'Profil enregistré' }).waitFor();
    expect(await commercialDeletesDeals()).toBe(false);
    await page.context().close();
  });

  it('shows who gains when an organisation-wide default opens, and says so when nothing changes', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/sharing`);
    await page.getByTestId('default-Deal').waitFor();
    await choose(page.getByTestId('default-Deal'), 'public_read');
    const panel = page.getByTestId('access-preview');
    await panel.waitFor();
    expect(await panel.getByTestId('access-preview-sentence').first().textContent()).toMatch(
      /^\d+ utilisateurs? (voient|voit) s'élargir la lecture des affaires$/,
    );
    await panel.getByTestId('access-preview-cancel').click();
    await panel.waitFor({ state: 'detached' });
    expect(await dealDefault()).toBe('private');
    expect(await page.getByTestId('default-Deal').getAttribute('data-value')).toBe('private');

    await choose(page.getByTestId('default-Deal'), 'public_read');
    await page.getByTestId('access-preview-confirm').click();
    await page.getByTestId('sharing-outcome').waitFor();
    expect(await dealDefault()).toBe('public_read');

    // The same level again would change nothing: a team renamed only is the case at hand.
    await page.goto(`${demo.server.url}/admin/pages/teams`);
    await page.getByTestId('team-new-name').fill('Salon de Lyon');
    await page.getByTestId('team-create').click();
    await page.getByTestId('team-editor-title').filter({ hasText: 'Salon de Lyon' }).waitFor();
    await page.getByTestId('team-name').fill('Salon de Lyon 2027');
    await page.getByTestId('team-save').click();
    await page.getByTestId('access-preview-nothing').filter({ hasText: 'Aucun utilisateur ne gagne ni ne perd de droits.' }).waitFor();
    await page.getByTestId('access-preview-confirm').click();
    await page.locator('[data-testid=team-item][data-team="Salon de Lyon 2027"]').waitFor();
    await page.context().close();
  });

  it('says it in English too', async () => {
    await q(`UPDATE app_user SET locale = 'en' WHERE login = 'consultant'`);
    await q(`UPDATE profile SET modules = jsonb_set(modules, '{Deal,delete}', 'true') WHERE name = 'Commercial'`);
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(`${demo.server.url}/admin/pages/profiles`);
    await page.getByTestId('profiles-list').waitFor();
    if (!(await page.getByText('Profiles', { exact: true }).count())) {
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
    await editCommercial(page, false);
    await page.getByText('Rights per module').waitFor();
    await page.getByTestId('profile-save').click();
    const panel = page.getByTestId('access-preview');
    await panel.waitFor();
    expect(await panel.getByText('Review before saving').count()).toBe(1);
    const line = panel.getByTestId('access-preview-line').filter({ hasText: 'delete access to deals' });
    expect(await line.getByTestId('access-preview-sentence').textContent()).toMatch(/^\d+ users lose delete access to deals$/);
    await line.getByTestId('access-preview-toggle').click();
    expect(await line.getByTestId('access-preview-user').first().textContent()).toMatch(/^[^:]+\S: .+ → no access$/);
    await panel.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'access-preview-en');
    await panel.getByTestId('access-preview-cancel').click();
    expect(await commercialDeletesDeals()).toBe(true);
    await page.context().close();
  });
});

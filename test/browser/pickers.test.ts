import { beforeAll, describe, expect, it } from '@jest/globals';
import { demoInBrowser, screenshot, signedInPage, waitShown } from '../support/browser.js';

/**
 * The searchable pickers (console/common/search-pickers.tsx) among 10,000 users, in Chromium: the
 * page never receives the list; typing part of a name asks the server, which answers a page of
 * names found by PostgreSQL; and a picker offers nothing its user may not read.
 */
const demo = demoInBrowser();
const USERS = 10_000;
const NEEDLE = 7342; // the one user named Quenouille among the generated ones

beforeAll(async () => {
  // The test database only: 10,000 more internal users, every one active, in one statement. No
  // role: a role would bring them into the demo's teams, and this test is about finding them.
  await demo.db.ds.query(
    `INSERT INTO app_user (login, email, first_name, last_name)
     SELECT format('essai.%s', n), format('essai.%s@exemple.test', n),
            (ARRAY['Camille', 'Dominique', 'Claude', 'Sacha', 'Alix'])[1 + n % 5],
            CASE WHEN n = ${NEEDLE} THEN 'Quenouille' ELSE format('Essai %s', n) END
       FROM generate_series(1, ${USERS}) n`,
  );
}, 120_000);

describe('searchable pickers, in the browser', () => {
  it('finds a user among 10,000 by typing part of their name, without the page ever holding the list', async () => {
    const [{ n }] = await demo.db.ds.query(`SELECT count(*)::int AS n FROM app_user`);
    expect(n).toBeGreaterThan(USERS);
    const [needle] = await demo.db.ds.query(`SELECT id, login, full_name FROM app_user WHERE last_name = 'Quenouille'`);
    const page = await signedInPage(demo.browser, demo.server.url, 'consultant');
    await page.setViewportSize({ width: 1440, height: 1100 });
    const teams = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/portier/teams'));
    await page.goto(`${demo.server.url}/admin/pages/teams`);
    const listed = await (await teams).json();
    expect(listed.users).toBeUndefined(); // the page receives the teams and roles, not the users
    await page.locator('[data-testid=team-item][data-team="Comptes nationaux"]').click();
    const picker = page.getByTestId('team-userIds-add');
    await picker.waitFor();

    const input = picker.locator('input').first();
    await input.click();
    const started = Date.now();
    await input.fill('quenou');
    await waitShown(page, picker.locator(`[data-value="${needle.id}"]`));
    const elapsed = Date.now() - started;
    const offered = await picker.locator('span[data-value]').allTextContents();
    expect(offered).toEqual([`${needle.full_name} (${needle.login})`]); // its name, never an id
    // Measured from the keystroke to the option on screen, server and browser included: a figure, not an assertion.
    console.log(`searchable picker: "quenou" found among ${n} users in ${elapsed} ms`);
    await screenshot(page, 'picker-search-user');

    // A wide search is cut to a page: never 10,000 options in the menu.
    await input.fill('essai');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=team-userIds-add] span[data-value]').length > 1);
    const wide = await picker.locator('span[data-value]').allTextContents();
    expect(wide.length).toBeLessThanOrEqual(30);
    for (const label of wide) expect(label.toLowerCase()).toContain('essai');

    // Chosen: a chip with the name, and the server's preview counts the new member.
    await input.fill('quenou');
    await picker.locator(`[data-value="${needle.id}"]`).click();
    await page.getByTestId('team-userIds').locator('[data-chip*="Quenouille"]').waitFor();
    await page.locator(`[data-testid=team-effective][data-draft=true] [data-login="${needle.login}"]`).waitFor();
    await page.context().close();
  });

  it('offers a sales rep only the records they may read, and a client user no list of users at all', async () => {
    const rep = await signedInPage(demo.browser, demo.server.url, 'commercial');
    const api = async (path: string) => {
      const r = await rep.request.get(`${demo.server.url}/admin${path}`);
      return { status: r.status(), body: await r.json().catch(() => ({})) };
    };
    const found = await api('/portier/search/records?module=Deal&q=');
    expect(found.status).toBe(200);
    expect(found.body.options.length).toBeGreaterThan(0);
    // Each one offered opens for them (the engine's read, through AdminJS).
    for (const o of found.body.options) expect((await api(`/api/resources/Deal/records/${o.id}/show`)).status).toBe(200);
    // A deal they may not open, searched by its exact reference: nothing.
    const deals: Array<{ id: number; reference: string }> = await demo.db.ds.query(`SELECT id, reference FROM deal ORDER BY id DESC LIMIT 200`);
    let hidden: { id: number; reference: string } | undefined;
    for (const d of deals) {
      const shown = await api(`/api/resources/Deal/records/${d.id}/show`);
      if (shown.status !== 200 || !shown.body.record) {
        hidden = d;
        break;
      }
    }
    expect(hidden).toBeDefined();
    expect((await api(`/portier/search/records?module=Deal&q=${encodeURIComponent(hidden!.reference)}`)).body.options).toEqual([]);
    await rep.context().close();

    const client = await signedInPage(demo.browser, demo.server.url, 'client');
    for (const list of ['users', 'roles', 'teams']) {
      const r = await client.request.get(`${demo.server.url}/admin/portier/search/${list}?q=a`);
      expect(r.status()).toBe(403);
      expect(await r.text()).not.toMatch(/Quenouille|essai\./);
    }
    await client.context().close();
  });
});

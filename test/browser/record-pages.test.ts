import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { AdminClient } from '../support/admin-client.js';
import { demoInBrowser, screenshot, signedInPage, waitShown } from '../support/browser.js';

/**
 * A quote's pages as a sales rep reads them, in French then in English (issue 20, items 2,
 * 4 and 5): the title is the record's name and reference, no ID; every date in the
 * organisation's zone (Europe/Paris) although the browser is in New York; a day without a time;
 * amounts with the currency; and its history in words — its deal named, or "élément non
 * accessible" when the rep may not read it, the status's label, the owner's name, a refusal as
 * a sentence.
 */
// The demo's bundle is built at start-up: slow on a busy machine.
jest.setTimeout(400_000);
const demo = demoInBrowser(380_000);

/** 20:41 UTC on 15 January 2026: 21:41 in Paris, 15:41 in New York. */
const INSTANT = '2026-01-15T20:41:00Z';
const LONG_DEAL = 'Rénovation complète des cuisines centrales et des trois offices de restauration – Groupe hospitalier Bourg-en-Bresse';

interface Fixture {
  quote: { id: number; name: string; reference: string };
  activity: { id: number; reference: string };
  readable: { id: number; name: string };
  unreadable: { id: number; name: string };
  manager: string;
}
let f: Fixture;

beforeAll(async () => {
  const ds = demo.db.ds;
  const [me] = await ds.query(`SELECT id FROM app_user WHERE login = 'commercial'`);
  const [manager] = await ds.query(`SELECT id, full_name FROM app_user WHERE login = 'manager'`);
  // A quote of the rep's; its deal changes, in the history, from one of his deals to a deal he may not read (deals are private).
  const [quote] = await ds.query(`SELECT id, name, reference FROM quote WHERE owner_user_id = $1 ORDER BY id LIMIT 1`, [me.id]);
  const [readable] = await ds.query(`SELECT id, name FROM deal WHERE owner_user_id = $1 ORDER BY id LIMIT 1`, [me.id]);
  const others: Array<{ id: number; name: string }> = await ds.query(`SELECT id, name FROM deal WHERE owner_user_id <> $1 ORDER BY id`, [me.id]);
  // What the rep may not read, as AdminJS answers him: like a record that does not exist.
  const rep = await AdminClient.signIn(demo.server.url, 'commercial');
  let unreadable: { id: number; name: string } | undefined;
  for (const d of others) {
    if ((await rep.show('Deal', d.id)).status !== 404) continue;
    unreadable = d;
    break;
  }
  expect(quote && readable && unreadable).toBeTruthy();
  expect((await rep.show('Deal', readable.id)).status).toBe(200);

  // No owning team, no author: the page shows a dash for each, not a label over nothing.
  await ds.query(
    `UPDATE quote SET amount = 19212.90, valid_until = '2026-03-09', created_at = $2, updated_at = $2, owner_team_id = NULL, created_by_id = NULL WHERE id = $1`,
    [quote.id, INSTANT],
  );
  // A deal with a long name: whole on the quote's page, wrapped, not cut.
  const [{ deal_id: quoteDeal }] = await ds
    .query(`UPDATE quote SET deal_id = coalesce(deal_id, $2) WHERE id = $1 RETURNING deal_id`, [quote.id, readable.id])
    .then((r) => r[0]);
  await ds.query(`UPDATE deal SET name = $2 WHERE id = $1`, [quoteDeal, LONG_DEAL]);
  if (quoteDeal === readable.id) readable.name = LONG_DEAL;
  // An activity of the rep's, due at 20:41 UTC (21:41 in Paris): its form edits a date and time.
  const [activity] = await ds.query(`SELECT id, reference FROM activity WHERE owner_user_id = $1 ORDER BY id LIMIT 1`, [me.id]);
  expect(activity).toBeTruthy();
  await ds.query(`UPDATE activity SET due_at = $2 WHERE id = $1`, [activity.id, INSTANT]);
  const insert = `INSERT INTO audit_entry (at, actor_id, actor_login, action, module, record_id, reference, changes, message) VALUES ($1, $2, $3, $4, 'Quote', $5, $6, $7, $8)`;
  const changes = {
    dealId: [readable.id, unreadable!.id],
    status: ['draft', 'sent'],
    ownerUserId: [me.id, manager.id],
    validUntil: ['2026-03-09', '2026-04-01'],
  };
  await ds.query(insert, [INSTANT, manager.id, 'manager', 'update', String(quote.id), quote.reference, JSON.stringify(changes), null]);
  await ds.query(insert, ['2026-01-15T20:45:00Z', me.id, 'commercial', 'refused', String(quote.id), quote.reference, null, 'delete : forbiddenError']);
  f = { quote, activity, readable, unreadable: unreadable!, manager: manager.full_name };
});

/** A page of the rep's, with the browser in New York: what it shows in Paris time is the organisation's zone, not the browser's. */
async function repPage(): Promise<Page> {
  const context = await demo.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR', timezoneId: 'America/New_York' });
  const p = await context.newPage();
  await p.goto(`${demo.server.url}/admin/login`);
  await p.fill('input[name="email"]', 'commercial');
  await p.fill('input[name="password"]', 'Portier2024');
  await Promise.all([p.waitForURL((u) => !u.pathname.endsWith('/login')), p.click('button:has-text("Se connecter")')]);
  return p;
}

async function toEnglish(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: /Français|French|fr/ })
    .first()
    .click();
  await page
    .getByText(/English|Anglais|^en$/)
    .first()
    .click();
}

/** The locator's text once it holds `needle` (the language switch reloads the page, and the history with it). */
async function textWith(locator: Locator, needle: string): Promise<string> {
  await waitShown(locator.page(), locator.getByText(needle, { exact: false }).first());
  return nbsp(await locator.innerText());
}

/** Text as read: no-break spaces as spaces, the arrow of a change (spaced by CSS margins) with spaces. */
const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ').replace(/\s*→\s*/g, ' → ');

describe("a record's pages", () => {
  it("show the record's name, Paris times, days, amounts and a history in words (French)", async () => {
    const page = await repPage();
    await page.goto(`${demo.server.url}/admin/resources/Quote/records/${f.quote.id}/show`);
    const history = page.getByTestId('record-history');
    await waitShown(page, history.getByText(f.readable.name));
    const heading = nbsp(await page.locator('.adminjs_ActionHeader h2').first().innerText());
    expect(heading).toContain(`${f.quote.name} · ${f.quote.reference}`);
    expect(heading).not.toMatch(/Afficher/);
    // The breadcrumbs end with the record, not with the action.
    const crumbs = page.locator('.adminjs_Breadcrumbs').first();
    expect(nbsp(await crumbs.locator('a').last().innerText())).toBe(`${f.quote.name} · ${f.quote.reference}`);
    expect(nbsp(await crumbs.locator('a').nth(1).innerText())).toBe('Devis');
    expect(await crumbs.innerText()).not.toMatch(/Afficher/);
    // An empty field shows a dash under its label.
    for (const field of ['ownerTeamId', 'createdById'])
      expect(await page.getByTestId(`property-show-${field}`).getByTestId('empty-value').innerText()).toBe('—');
    // A long reference is whole, wrapped over lines, with its title as tooltip.
    const deal = page.getByTestId('property-show-dealId').getByTestId('reference-value');
    expect(await deal.getAttribute('title')).toBe(LONG_DEAL);
    expect(nbsp(await deal.innerText())).toBe(LONG_DEAL);
    // Not cut at the list's 260 pixels: the link is as wide as its whole title, and may wrap.
    const dealLink = deal.locator('a');
    expect((await dealLink.boundingBox())!.width).toBeGreaterThan(400);
    expect(await dealLink.evaluate((a) => getComputedStyle(a).whiteSpace)).toBe('normal');
    const body = nbsp(await page.locator('section, main').first().innerText());
    // No ID among the fields; created at 20:41 UTC reads 21:41 (Paris), not 15:41 (the browser's New York).
    expect(body).not.toMatch(/^ID$/m);
    expect(body).toContain('15/01/2026 21:41');
    expect(body).not.toContain('15:41');
    expect(body).toContain('09/03/2026');
    expect(body).not.toContain('2026-03-09');
    expect(body).toContain('19 212,90 €');
    // The history: the same instant, the account named or out of reach, the stage's label, the owner's name, the refusal in words.
    const text = nbsp(await history.innerText());
    expect(text).toContain('15/01/2026');
    expect(text).toContain('21:41');
    expect(text).toContain(`Affaire : ${f.readable.name} → élément non accessible`);
    expect(text).not.toContain(f.unreadable.name);
    expect(text).toContain('Statut : Brouillon → Envoyé');
    expect(text).toContain(`→ ${f.manager}`);
    expect(text).toContain("Valable jusqu'au : 09/03/2026 → 01/04/2026");
    expect(text).toContain('Suppression refusée');
    expect(text).toMatch(/Montant : [\d ]+,\d\d €/);
    expect(text).not.toMatch(/forbiddenError|draft|sent\b/);
    await page.setViewportSize({ width: 1440, height: 1700 });
    await screenshot(page, 'record-page', true);

    // The list: titled with the module's name, amounts with the currency, references on one line.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${demo.server.url}/admin/resources/Quote?filters.reference=${encodeURIComponent(f.quote.reference)}`);
    await waitShown(page, page.locator('.adminjs_ActionHeader h2', { hasText: 'Devis' }));
    await waitShown(page, page.getByText('19 212,90 €').or(page.getByText('19\u202f212,90\u00a0€')));
    expect(await page.locator('.adminjs_ActionHeader h2').first().innerText()).not.toMatch(/Liste/);
    await screenshot(page, 'record-list');
    // The row of the quote: its reference and its deal, each on one line (a line of text is under 30 px high).
    const row = page.locator('tr', { has: page.locator('td[data-property-name="reference"]', { hasText: f.quote.reference }) });
    for (const cell of [
      row.locator('td[data-property-name="reference"] span').first(),
      row.locator('td[data-property-name="dealId"] [data-testid="reference-value"]'),
    ]) {
      const box = await cell.boundingBox();
      expect(box!.height).toBeLessThan(30);
    }

    // The edit form: the record's name as title, the action beside it.
    await page.goto(`${demo.server.url}/admin/resources/Quote/records/${f.quote.id}/edit`);
    const editHeading = page.locator('.adminjs_ActionHeader h2').first();
    await waitShown(page, editHeading.getByText(f.quote.reference, { exact: false }));
    expect(await editHeading.innerText()).toContain('Modifier');
    const editCrumbs = page.locator('.adminjs_Breadcrumbs').first();
    expect(nbsp(await editCrumbs.locator('a').last().innerText())).toBe(`${f.quote.name} · ${f.quote.reference}`);
    expect(await editCrumbs.innerText()).not.toMatch(/Modifier/);
    await page.context().close();
  });

  it("edit a date and time on the organisation's clock, with the browser in New York", async () => {
    const page = await repPage();
    await page.goto(`${demo.server.url}/admin/resources/Activity/records/${f.activity.id}/edit`);
    const input = page.getByTestId('property-edit-dueAt').locator('input').first();
    await waitShown(page, input);
    // 20:41 UTC shows as 21:41, Paris time, not 15:41 (New York).
    expect(await input.inputValue()).toBe('2026/01/15 21:41');
    await input.fill('');
    await input.pressSequentially('2026/01/20 09:30');
    await page.keyboard.press('Escape');
    await page.getByTestId('button-save').click();
    await page.waitForURL(/\/resources\/Activity(\?|$)/); // AdminJS goes back to the list
    // 09:30 in Paris in January is 08:30 UTC: saved as such, shown as 09:30.
    const [row] = await demo.db.ds.query(`SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS due FROM activity WHERE id = $1`, [f.activity.id]);
    expect(row.due).toBe('2026-01-20 08:30');
    await page.goto(`${demo.server.url}/admin/resources/Activity/records/${f.activity.id}/show`);
    await waitShown(page, page.getByTestId('property-show-dueAt').getByText('20/01/2026 09:30'));
    await page.context().close();
  });

  it('say the same in English', async () => {
    const page = await repPage();
    await page.goto(`${demo.server.url}/admin/resources/Quote/records/${f.quote.id}/show`);
    await waitShown(page, page.getByTestId('record-history').getByText(f.readable.name));
    if (!(await page.getByText('History', { exact: true }).count())) await toEnglish(page);
    const history = page.getByTestId('record-history');
    await waitShown(page, history.getByText('item not accessible'));
    const text = await textWith(history, 'Status:');
    expect(text).toContain('Status: Draft → Sent');
    expect(text).toContain('Deletion refused');
    expect(text).toMatch(/Amount: €[\d,]+\.\d\d/);
    const body = nbsp(await page.locator('section, main').first().innerText());
    expect(body).toContain('€19,212.90');
    expect(body).toContain('15/01/2026, 21:41');
    await page.keyboard.press('Escape');
    await page.locator('.adminjs_ActionHeader h2').first().click(); // closes the language menu
    await page.setViewportSize({ width: 1440, height: 1700 });
    await screenshot(page, 'record-page-en', true);
    await page.context().close();
  });

  it("keep a user's action buttons on one line, secondary ones in a menu", async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'admin');
    const [user] = await demo.db.ds.query(`SELECT id, full_name FROM app_user WHERE login = 'commercial'`);
    await page.goto(`${demo.server.url}/admin/resources/User/records/${user.id}/show`);
    const header = page.locator('.adminjs_ActionHeader').first();
    await waitShown(page, header.locator('h2', { hasText: user.full_name }));
    await waitShown(page, header.getByText("Plus d'actions"));
    // The action buttons (AdminJS's data-testid="action-<name>") and the menu: all on one row.
    const buttons = header.locator('[data-testid^="action-"]:visible').or(header.getByText("Plus d'actions"));
    const tops = new Set<number>();
    for (const b of await buttons.all()) {
      const box = await b.boundingBox();
      if (box) tops.add(Math.round(box.y / 20));
    }
    expect(await buttons.count()).toBeGreaterThanOrEqual(3);
    expect(tops.size).toBeLessThanOrEqual(1);
    expect(await page.locator('section, main').first().innerText()).not.toMatch(/^ID$/m);
    await screenshot(page, 'user-page');
    await page.context().close();
  });
});

import { describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { demoInBrowser, screenshot, signedInPage, waitShown } from '../support/browser.js';

/**
 * The owner picker of the record forms (docs/spec/access-model.md, "Transfers"), in Chromium on the
 * demo: on a ticket of his own, `support` (customer service) may choose among the active
 * collaborators; on someone else's ticket that he edits through the organisation's default (public
 * read-write) the field stays as it is, disabled, and says why.
 */
const demo = demoInBrowser();

describe('owner pickers, in the browser', () => {
  it("offer the active collaborators on one's own record, nothing on a record one may only edit", async () => {
    const api = await AdminClient.signIn(demo.server.url, 'support');
    const [me] = await demo.db.ds.query(`SELECT id FROM app_user WHERE login = 'support'`);
    const [own] = await demo.db.ds.query(`SELECT id FROM ticket WHERE owner_user_id = $1 ORDER BY id LIMIT 1`, [me.id]);
    // A ticket of someone else that he may edit (the default), but not transfer.
    const tickets = (await api.list('Ticket', { perPage: 300 })).body.records.filter(
      (r: any) => r.params.ownerUserId !== me.id && r.recordActions.some((a: { name: string }) => a.name === 'edit'),
    );
    let other: number | null = null;
    for (const t of tickets) {
      const choices = await api.portier('GET', `/owners?module=Ticket&field=ownerUserId&recordId=${t.params.id}`);
      if (choices.body.mayTransfer === false) {
        other = t.params.id;
        break;
      }
    }
    expect(other).not.toBeNull();

    const page = await signedInPage(demo.browser, demo.server.url, 'support');
    await page.goto(`${demo.server.url}/admin/resources/Ticket/records/${own.id}/edit`);
    const picker = page.getByTestId('owner-picker-ownerUserId');
    await waitShown(page, picker);
    await picker.locator('input').first().click();
    const options = page.locator('[id^="react-select"][id*="-option-"]');
    await waitShown(page, options.first());
    const labels = await options.allInnerTexts();
    const inactive = await demo.db.ds.query(
      `SELECT coalesce(nullif(full_name, ''), login) AS label FROM app_user WHERE status = 'inactive' OR kind = 'client'`,
    );
    expect(labels.length).toBeGreaterThan(5);
    for (const { label } of inactive) expect(labels).not.toContain(label);
    await screenshot(page, 'owner-picker');

    await page.goto(`${demo.server.url}/admin/resources/Ticket/records/${other}/edit`);
    const locked = page.getByTestId('owner-picker-ownerUserId');
    await waitShown(page, locked.filter({ hasText: 'Changer le propriétaire est un transfert' }));
    expect(await locked.locator('input').first().isDisabled()).toBe(true);
    await page.context().close();
  });
});

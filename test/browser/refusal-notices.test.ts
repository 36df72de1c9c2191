import { describe, expect, it } from '@jest/globals';
import { AdminClient } from '../support/admin-client.js';
import { demoInBrowser, signedInPage, waitShown } from '../support/browser.js';

/**
 * AdminJS's UI shows a refusal only from an HTTP 200 answer with its notice (it says
 * "errorFetchingRecord" for any other status); API clients get the status the refusal means.
 * Chromium's own calls are told from a script's by what the browser sends (web/ui-call.ts), with
 * no code in the page to mark them: here the real UI, then the same calls from a script.
 */
const demo = demoInBrowser();

describe('refusals in the browser, and to a script', () => {
  it('a record that cannot be found: the UI shows the "Enregistrement introuvable" page, a script gets 404', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'commercial');
    const answer = page.waitForResponse((r) => r.url().includes('/api/resources/Contact/records/999999/show'));
    await page.goto(`${demo.server.url}/admin/resources/Contact/records/999999/show`);
    expect((await answer).status()).toBe(200);
    await waitShown(page, page.locator('[data-dead-end="notFound"]').getByText('Enregistrement introuvable', { exact: true }));

    // A refused action called from the page, as the UI calls it: 200 and the notice.
    const fromPage = await page.evaluate(async () => {
      const r = await fetch('/admin/api/resources/AuditEntry/actions/new', { method: 'POST', body: new FormData() });
      return { status: r.status, notice: (await r.json()).notice };
    });
    expect(fromPage).toEqual({ status: 200, notice: { message: expect.any(String), type: 'error' } });
    await page.context().close();

    const script = await AdminClient.signIn(demo.server.url, 'commercial');
    const missing = await script.show('Contact', 999999);
    expect([missing.status, missing.body.notice.message]).toEqual([404, 'Enregistrement introuvable.']);
    expect((await script.request('POST', '/resources/AuditEntry/actions/new', { action: 'x' })).status).toBe(403);
  });
});

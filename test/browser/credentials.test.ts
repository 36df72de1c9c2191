import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { demoInBrowser, screenshot, signedInPage, waitShown } from '../support/browser.js';

/**
 * Credentials that reach people, in Chromium on the demo organisation (no mail server: the
 * outbox keeps the links, as in the two-command demo): "Mot de passe oublié ?" from the sign-in
 * page to a new password, read in "Courriers envoyés"; an invitation sent again by the admin,
 * followed to a first sign-in.
 */
const demo = demoInBrowser();
const q = (sql: string, params: unknown[] = []) => demo.db.ds.query(sql, params);

/** A browser of someone not signed in, in French. */
async function visitor(): Promise<Page> {
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'fr-FR' });
  return context.newPage();
}

/** The admin reads the newest mail in "Courriers envoyés" and copies its link. */
async function linkFromSentMail(admin: Page, shot?: string): Promise<string> {
  await admin.goto(`${demo.server.url}/admin/pages/sentMail`);
  await waitShown(admin, admin.getByTestId('sent-mail-row').first());
  await admin.getByTestId('sent-mail-open').first().click();
  const body = admin.getByTestId('mail-body');
  await waitShown(admin, body.locator('pre'));
  if (shot) await screenshot(admin, shot);
  const text = (await body.locator('pre').textContent())!;
  return /https?:\/\/\S+\/password-link\/[A-Za-z0-9_-]{43}/.exec(text)![0];
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto(`${demo.server.url}/admin/login`);
  await page.fill('input[name="email"]', login);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.click('button:has-text("Se connecter")')]);
}

describe('credentials by mail, in the browser', () => {
  it('forgotten password: the sign-in page → "Mot de passe oublié ?" → the mail in "Courriers envoyés" → the link → a new password → sign in', async () => {
    const [{ email }] = await q(`SELECT email FROM app_user WHERE login = 'commercial'`);
    const page = await visitor();
    await page.goto(`${demo.server.url}/admin/login`);
    await page.getByTestId('forgot-password-link').click();
    await page.waitForURL(/\/admin\/forgot-password/);
    await page.fill('input[name="email"]', email);
    await screenshot(page, 'forgot-password');
    await page.click('button:has-text("Envoyer le lien")');
    await waitShown(page, page.getByText("Si un compte correspond à cette adresse, un e-mail vient d'être envoyé."));
    const known = await page.locator('main').innerText();
    await screenshot(page, 'forgot-password-sent');

    // An address that is nobody's gets the very same page.
    await page.goto(`${demo.server.url}/admin/forgot-password`);
    await page.fill('input[name="email"]', 'personne@nulle-part.test');
    await page.click('button:has-text("Envoyer le lien")');
    await waitShown(page, page.getByText('Si un compte correspond'));
    expect(await page.locator('main').innerText()).toBe(known);
    expect(await q(`SELECT count(*)::int AS n FROM mail_outbox WHERE address = 'personne@nulle-part.test'`)).toEqual([{ n: 0 }]);

    const admin = await signedInPage(demo.browser, demo.server.url, 'admin');
    await admin.setViewportSize({ width: 1440, height: 1000 });
    const link = await linkFromSentMail(admin, 'sent-mail');
    const row = admin.getByTestId('sent-mail-row').first();
    await expect(row.textContent()).resolves.toMatch(/Émilie Durand.*Mot de passe oublié/);

    // The same page in English (the language chosen in the top bar).
    await admin.getByRole('button', { name: /Français/ }).hover();
    await admin.getByText('Anglais').click();
    await waitShown(admin, admin.getByText('Sent mail').first());
    // The choice is kept with the account and the page comes back in English: the mail, sent in French, opens again.
    await admin.getByTestId('sent-mail-open').first().click();
    await waitShown(admin, admin.getByTestId('mail-body').locator('pre'));
    await admin.mouse.move(700, 800); // the language menu closes
    await admin.getByText('French', { exact: true }).waitFor({ state: 'hidden' });
    await screenshot(admin, 'sent-mail-en');
    expect((await q(`SELECT locale FROM app_user WHERE login = 'admin'`))[0].locale).toBe('en');
    await q(`UPDATE app_user SET locale = 'fr' WHERE login = 'admin'`); // back to French for what follows

    await page.goto(link);
    await page.waitForURL(/\/admin\/password-link$/); // the token left the address bar
    await page.fill('input[name="next"]', 'Emilie2026');
    await page.fill('input[name="confirm"]', 'Emilie2026');
    await screenshot(page, 'set-password');
    await page.click('button:has-text("Enregistrer le mot de passe")');
    await waitShown(page, page.getByText('Mot de passe enregistré'));
    await page.click('a:has-text("Se connecter")');
    await signIn(page, 'commercial', 'Emilie2026');
    expect(new URL(page.url()).pathname).toBe('/admin');

    // Used once, the link leads to the page that says so.
    await page.goto(link);
    await waitShown(page, page.getByText("Ce lien n'est plus valable").first());
  });

  it('an invitation sent again by the admin, followed to a first sign-in', async () => {
    const [support] = await q(`SELECT id FROM app_user WHERE login = 'support'`);
    const admin = await signedInPage(demo.browser, demo.server.url, 'admin');
    await admin.goto(`${demo.server.url}/admin/resources/User/records/${support.id}/resendInvitation`);
    await waitShown(admin, admin.getByTestId('user-invite'));
    await screenshot(admin, 'user-resend-invitation');
    await admin.getByTestId('user-invite-go').click();
    await waitShown(admin, admin.getByTestId('user-invite-outcome'));
    await expect(admin.getByTestId('user-invite-outcome').textContent()).resolves.toMatch(/^Invitation envoyée à .* jusqu'au /);
    const link = await linkFromSentMail(admin);

    const page = await visitor();
    await page.goto(link);
    await waitShown(page, page.getByText('Choisissez votre mot de passe'));
    await expect(page.locator('main').innerText()).resolves.toMatch(/Marion Lacroix, choisissez le mot de passe de votre compte support\./);
    await page.fill('input[name="next"]', 'Marion2026');
    await page.fill('input[name="confirm"]', 'Marion2026');
    await page.click('button:has-text("Enregistrer le mot de passe")');
    await waitShown(page, page.getByText('Mot de passe enregistré'));
    await signIn(page, 'support', 'Marion2026');
    expect(new URL(page.url()).pathname).toBe('/admin');
    // The old password went with the new one.
    expect(await q(`SELECT must_change_password FROM app_user WHERE login = 'support'`)).toEqual([{ must_change_password: false }]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from '@jest/globals';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { freshDatabase, type TestDatabase } from './database.js';
import { startServer, type RunningServer } from './server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = path.join(root, 'docs/screenshots');

/** Debian's Chromium driven by playwright-core (Playwright's own download does not work here; see STACK-NOTES). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=fr-FR',
    ],
  });
}

/** A new page signed in through AdminJS's login form, in French, at a desktop size. */
export async function signedInPage(browser: Browser, baseUrl: string, login: string, password = 'Portier2024'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/login`);
  await page.fill('input[name="email"]', login);
  await page.fill('input[name="password"]', password);
  // AdminJS's login button has no type=submit: select it by its text.
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.click('button:has-text("Se connecter")')]);
  return page;
}

/**
 * Ticks a design-system checkbox through its label, and again if the click was swallowed by a
 * re-render of the form (seen under load in CI); fails if the box never gets ticked.
 */
export async function tick(page: Page, id: string): Promise<void> {
  const box = page.locator(`input[id="${id}"]`);
  for (let attempt = 0; attempt < 5 && !(await box.isChecked()); attempt++) {
    await page.locator(`label[for="${id}"]`).click();
    await page
      .waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.checked === true, `input[id="${id}"]`, { timeout: 2000 })
      .catch(() => undefined);
  }
  if (!(await box.isChecked())) throw new Error(`La case ${id} ne se coche pas.`);
}

/**
 * Waits for a locator; if it never shows, fails with where the page is and what it says, so that
 * a failure seen only in CI says what the user would have seen.
 */
export async function waitShown(page: Page, locator: Locator): Promise<void> {
  try {
    await locator.waitFor();
  } catch (e) {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '(page unreadable)');
    throw new Error(`${(e as Error).message}\nURL: ${page.url()}\nPage text: ${text.replace(/\s+/g, ' ').slice(0, 1500)}`);
  }
}

/**
 * Chooses an option of a design-system picker (react-select; console/common/access-pickers.tsx and
 * search-pickers.tsx) by its value: opens the menu, types `search` first if given (a searchable
 * picker asks the server), and clicks the option whose label carries `data-value`.
 */
export async function choose(picker: Locator, value: string | number | { label: string }, search?: string): Promise<void> {
  const input = picker.locator('input').first();
  await input.click();
  if (search !== undefined) await input.fill(search);
  const option = typeof value === 'object' ? picker.locator('[data-value]', { hasText: value.label }) : picker.locator(`[data-value="${value}"]`);
  await option.first().waitFor();
  await option.first().click();
}

/** The labels a design-system picker offers (its menu opened, then closed again). */
export async function optionsOf(picker: Locator): Promise<string[]> {
  await picker.locator('input').first().click();
  await picker.locator('[data-value]').first().waitFor();
  const labels = await picker.locator('[data-value]').allTextContents();
  await picker.locator('input').first().press('Escape');
  return labels;
}

/** Saves a screenshot of what the user sees under docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: file, fullPage });
  return file;
}

export interface DemoBrowser {
  db: TestDatabase;
  server: RunningServer;
  browser: Browser;
}

/**
 * For a browser test file: a fresh database, the real server with the demo organisation loaded,
 * and Chromium, started before its tests and stopped after them. The fields fill in at beforeAll.
 */
export function demoInBrowser(startTimeoutMs = 180_000): DemoBrowser {
  const ctx = {} as DemoBrowser;
  beforeAll(async () => {
    ctx.db = await freshDatabase();
    ctx.server = await startServer({ DATABASE_URL: ctx.db.url, SESSION_SECRET: 'browser', PORTIER_BUNDLE: 'startup' }, startTimeoutMs); // loads the demo
    ctx.browser = await launchBrowser();
  }, 240_000); // the server's own start-up allows 180 s (a loaded machine), Chromium's launch comes after
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
    await ctx.db?.drop();
  });
  return ctx;
}

/** "Vérifier puis enregistrer": waits for the access preview a save shows first, and confirms it. */
export async function confirmAccessPreview(page: Page): Promise<void> {
  await page.getByTestId('access-preview-confirm').click();
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { demoInBrowser, SCREENSHOTS, signedInPage } from '../support/browser.js';
import { visibleTextProblems, type Problem } from '../support/visible-text.js';
import { VISIBLE_TEXT_FIXTURES } from '../fixtures/visible-text-pages.js';

/**
 * The walk (issue 20): in French and in English, each of the demo's kinds of user opens every
 * entry of their menu and a record page of each module they may read; on each page the visible
 * text must be finished text of their language (test/support/visible-text.ts). The screenshots
 * go to docs/screenshots/walk/<lang>-<login>-<page>.png. English is chosen the way a user does:
 * in the top bar, which keeps it as their language (it is still English after a reload).
 */
const demo = demoInBrowser();

type Lang = 'fr' | 'en';

/** The demo logins of the README, one per kind of user. */
const WALKERS = ['admin', 'consultant', 'commercial', 'g.lebrun', 'client'] as const;

const WALK_DIR = path.join(SCREENSHOTS, 'walk');

/** The screenshot's name for a page: its path after /admin, as words. */
const pageName = (url: string): string =>
  new URL(url).pathname
    .replace(/^\/admin\/?/, '')
    .replace(/^(resources|pages)\//, '')
    .replace(/\/records\/[^/]+\//, '-record-')
    .replace(/\/actions\//, '-')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-|-$/g, '') || 'home';

/** Waits for AdminJS to have drawn the page: no request pending, no loader left. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('[data-css="sidebar"]')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.adminjs_Loader, [data-css="loader"]'), undefined, { timeout: 10_000 }).catch(() => undefined);
}

/**
 * The entries of the user's menu, as paths: the pages the sidebar shows, and the resources of its
 * navigation groups (folded by default, so read from AdminJS's state: those it puts in the menu).
 */
async function menuEntries(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('[data-css="sidebar"] a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  const resources = await page.evaluate(() => {
    const state = (window as unknown as { REDUX_STATE?: { resources?: Array<{ href?: string | null; navigation?: { show?: boolean } | null }> } }).REDUX_STATE;
    return (state?.resources ?? []).filter((r) => r.href && r.navigation && r.navigation.show !== false).map((r) => r.href as string);
  });
  return [...new Set([...hrefs, ...resources].filter((h) => h.startsWith('/admin') && !h.includes('logout')))];
}

/** A record the user may read in a resource, through AdminJS's own list (so as the user sees it). */
async function firstRecordId(page: Page, resourceId: string): Promise<string | null> {
  return page.evaluate(async (id) => {
    const res = await fetch(`/admin/api/resources/${id}/actions/list?perPage=1`);
    if (!res.ok) return null;
    const body = (await res.json()) as { records?: Array<{ id: string }> };
    return body.records?.[0]?.id ?? null;
  }, resourceId);
}

/** The user chooses English in AdminJS's top bar: it is saved, and the page comes back in English. */
async function chooseEnglish(page: Page): Promise<void> {
  await page.locator('button:has-text("Français")').first().click();
  await Promise.all([page.waitForEvent('load'), page.getByText('Anglais', { exact: true }).click()]);
  await page.locator('button:has-text("English")').first().waitFor();
}

interface Finding {
  where: string;
  problem: Problem;
}

/** Opens a page, checks its text and takes its screenshot; the findings are returned, not thrown, so the walk sees every page. */
async function visit(page: Page, url: string, lang: Lang, login: string, seen: Set<string>, data: string[]): Promise<Finding[]> {
  await page.goto(url);
  await settled(page);
  const name = `${lang}-${login}-${pageName(page.url())}`;
  if (!seen.has(name)) {
    seen.add(name);
    await page.screenshot({ path: path.join(WALK_DIR, `${name}.png`) });
  }
  const text = await page.locator('body').innerText();
  return visibleTextProblems(text, lang, data).map((problem) => ({ where: name, problem }));
}

async function walk(lang: Lang, login: string): Promise<Finding[]> {
  const page = await signedInPage(demo.browser, demo.server.url, login);
  if (lang === 'en') await chooseEnglish(page);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  // The names the organisation wrote (in French in the demo): data, not messages.
  const data: string[] = (
    await demo.db.ds.query(
      `SELECT name FROM profile UNION SELECT name FROM role UNION SELECT name FROM team UNION SELECT name FROM sharing_rule WHERE name IS NOT NULL UNION SELECT name FROM activity`,
    )
  ).map((r: { name: string }) => r.name);
  findings.push(...(await visit(page, `${demo.server.url}/admin`, lang, login, seen, data)));
  const entries = await menuEntries(page);
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) {
    findings.push(...(await visit(page, `${demo.server.url}${entry}`, lang, login, seen, data)));
    const resource = /^\/admin\/resources\/([^/?]+)/.exec(entry)?.[1];
    if (!resource) continue;
    const id = await firstRecordId(page, resource);
    if (id)
      findings.push(...(await visit(page, `${demo.server.url}/admin/resources/${resource}/records/${encodeURIComponent(id)}/show`, lang, login, seen, data)));
  }
  await page.context().close();
  return findings;
}

const report = (findings: Finding[]) => findings.map((f) => `  - ${f.where}: ${f.problem.kind} « ${f.problem.match} » in « ${f.problem.snippet} »`).join('\n');

describe('the walk: every page of every kind of user, in French and in English, in finished text', () => {
  it("the check reads Chromium's visible text: each kind of unfinished text is found, a finished page passes", async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const read = async (html: string, lang: Lang) => {
      await page.setContent(`<html><body>${html}</body></html>`);
      return visibleTextProblems(await page.locator('body').innerText(), lang).map((p) => p.kind);
    };
    expect(await read(VISIBLE_TEXT_FIXTURES.cleanFr, 'fr')).toEqual([]);
    expect(await read(VISIBLE_TEXT_FIXTURES.cleanEn, 'en')).toEqual([]);
    expect(await read(VISIBLE_TEXT_FIXTURES.rawKey, 'fr')).toContain('raw key');
    expect(await read(VISIBLE_TEXT_FIXTURES.enumCode, 'fr')).toContain('enum code');
    expect(await read(VISIBLE_TEXT_FIXTURES.englishInFrench, 'fr')).toContain('other language');
    expect(await read(VISIBLE_TEXT_FIXTURES.adminjsEnglish, 'fr')).toContain('AdminJS English');
    expect(await read(VISIBLE_TEXT_FIXTURES.isoTimestamp, 'fr')).toContain('ISO timestamp');
    await context.close();
  });

  it('the language chosen in the top bar is the user’s: kept after a reload and at the next sign-in', async () => {
    const page = await signedInPage(demo.browser, demo.server.url, 'support');
    await chooseEnglish(page);
    const [row] = await demo.db.ds.query(`SELECT locale FROM app_user WHERE login = 'support'`);
    expect(row.locale).toBe('en');
    await page.reload();
    await page.locator('button:has-text("English")').first().waitFor();
    await page.context().close();
    const again = await signedInPage(demo.browser, demo.server.url, 'support');
    await again.locator('button:has-text("English")').first().waitFor();
    expect(await again.locator('html').getAttribute('lang')).toBe('en');
    await again.context().close();
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`in ${lang === 'fr' ? 'French' : 'English'}: admin, consultant, sales rep, team lead and client see only finished text`, async () => {
      fs.mkdirSync(WALK_DIR, { recursive: true });
      const findings: Finding[] = [];
      for (const login of WALKERS) findings.push(...(await walk(lang, login)));
      expect(report(findings)).toBe('');
    }, 600_000);
  }
});

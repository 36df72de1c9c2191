import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildLocale, type UiLanguage } from '../../src/locale/index.js';

/**
 * The visible-text check of the browser tests (issue 20, "one language at a time"): what a user
 * reads on a page must be finished text in their language. It fails, with the offending snippets,
 * on a raw i18n key, an enum code, a message of the other language's catalogue, an English
 * AdminJS message in French mode, or an ISO timestamp.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A finding: its kind, the text found (`match`) and some text around it (`snippet`). */
export type Problem = { kind: 'raw key' | 'enum code' | 'other language' | 'AdminJS English' | 'ISO timestamp'; match: string; snippet: string };

type Tree = { [key: string]: unknown };

/** Every leaf of a catalogue as [path segments, string]; keys holding dots (`status.new`) are split too. */
function leaves(tree: Tree, prefix: string[] = []): Array<[string[], string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string[], string]> => {
    const at = [...prefix, ...key.split('.')];
    if (typeof value === 'string') return [[at, value]];
    return value && typeof value === 'object' ? leaves(value as Tree, at) : [];
  });
}

const translations = buildLocale('fr').translations as Record<UiLanguage, Tree>;
const catalogue: Record<UiLanguage, Array<[string[], string]>> = { fr: leaves(translations.fr), en: leaves(translations.en) };
const adminjsEnglish = leaves(JSON.parse(fs.readFileSync(path.join(root, 'node_modules/adminjs/lib/locale/en/translation.json'), 'utf8')) as Tree);

const CODE_SHAPE = /^(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*)$/;

/**
 * The codes a user must never read: enum values (`labels.<path>.<value>`: "prospecting",
 * "public_read"), the suffixes of message keys that label a code (`auditAction_newUser`), and the
 * message keys themselves (`forbiddenError`) — those shaped like code (snake_case or camelCase),
 * so that a plain word that happens to be a value ("new", "web") is not taken for one.
 */
export const KNOWN_CODES: ReadonlySet<string> = new Set(
  [...catalogue.fr, ...catalogue.en, ...adminjsEnglish]
    .flatMap(([at]) => {
      const last = at[at.length - 1];
      const labelled = at.includes('labels') ? [at[at.length - 1]] : [];
      const suffix = last.includes('_') && /[A-Z]/.test(last) ? [last.slice(last.indexOf('_') + 1)] : [];
      return [last, ...labelled, ...suffix];
    })
    .filter((code) => CODE_SHAPE.test(code) && !/_plural$|_(one|other|zero|few|many)$/.test(code)),
);

/** The literal parts of a catalogue string (around its `{{placeholders}}`), trimmed. */
const literals = (s: string): string[] =>
  s
    .split(/\{\{[^}]*\}\}|<[^>]*>|\$t\([^)]*\)/)
    .map((p) => p.trim())
    .filter(Boolean);

const LONG = 12;

/** Phrases of `from` not also said in `lang`'s catalogue: long ones are looked for anywhere, short ones as a whole line. */
function foreignPhrases(from: Array<[string[], string]>, lang: UiLanguage): { long: string[]; lines: Set<string> } {
  const own = catalogue[lang].map(([, s]) => s);
  const ownLiterals = new Set(own.flatMap(literals));
  const ownText = own.join('\n');
  const long = new Set<string>();
  const lines = new Set<string>();
  for (const [, s] of from) {
    for (const part of literals(s)) {
      if (ownLiterals.has(part) || !/\p{L}{3}/u.test(part)) continue;
      if (part.length > LONG && !ownText.includes(part)) long.add(part);
      if (part === s.trim()) lines.add(part);
    }
  }
  return { long: [...long], lines };
}

const foreign: Record<UiLanguage, ReturnType<typeof foreignPhrases>> = {
  fr: foreignPhrases(catalogue.en, 'fr'),
  en: foreignPhrases(catalogue.fr, 'en'),
};
const adminjsInFrench = foreignPhrases(adminjsEnglish, 'fr');

/** AdminJS's English errors written in its code, not in its catalogue (api-controller.ts, actions). */
const ADMINJS_WRITTEN_ENGLISH = /[^\n]*(?:cannot be found in resource|you have to give "|no records were selected|You cannot perform)[^\n]*/g;

const RAW_KEY = /(?<![\w./@-])(?:labels|messages|properties|actions|buttons|components|resources)\.[A-Za-z_][\w-]*(?:\.[\w-]+)*/g;
const ISO_TIME = /\d{4}-\d\d-\d\d(?:T| )\d\d:\d\d/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CODE_PATTERN = new RegExp(`(?<![\\w.@/-])(?:${[...KNOWN_CODES].map(escape).join('|')})(?![\\w@/-])`, 'g');

/** Some text around a match, on one line, to say where it was. */
function around(text: string, index: number, length: number): string {
  return text
    .slice(Math.max(0, index - 30), index + length + 30)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What is wrong with a page's visible text for a reader of `lang`, each with the snippet it was
 * found in. `data` are names the organisation gave (profiles, roles, rules…): they stay in the
 * language they were written in, so they are not taken for the other language's messages.
 */
export function visibleTextProblems(pageText: string, lang: UiLanguage, data: readonly string[] = []): Problem[] {
  const text = [...data].sort((a, b) => b.length - a.length).reduce((t, name) => (name ? t.split(name).join('…') : t), pageText);
  const problems: Problem[] = [];
  const each = (kind: Problem['kind'], pattern: RegExp) => {
    for (const m of text.matchAll(pattern)) problems.push({ kind, match: m[0], snippet: around(text, m.index, m[0].length) });
  };
  each('raw key', RAW_KEY);
  each('enum code', CODE_PATTERN);
  each('ISO timestamp', ISO_TIME);
  const lines = text.split('\n').map((l) => l.trim());
  const phrases = (kind: Problem['kind'], found: { long: string[]; lines: Set<string> }) => {
    for (const phrase of found.long) {
      const at = text.indexOf(phrase);
      if (at >= 0) problems.push({ kind, match: phrase, snippet: around(text, at, phrase.length) });
    }
    for (const line of lines) if (found.lines.has(line) && !found.long.includes(line)) problems.push({ kind, match: line, snippet: line });
  };
  phrases('other language', foreign[lang]);
  if (lang === 'fr') {
    phrases('AdminJS English', adminjsInFrench);
    each('AdminJS English', ADMINJS_WRITTEN_ENGLISH);
  }
  return problems;
}

/** The text a user sees on the page: the body's `innerText` (toasts and open panels included). */
export async function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

/**
 * Fails, listing every offending snippet, when the page shows text that is not finished `lang`
 * text. `known` are findings left for another piece of work: a snippet that matches one of them
 * is not counted (and each must still be found somewhere, so a fixed one is taken out).
 */
export async function expectFinishedText(page: Page, lang: UiLanguage, where: string, known: RegExp[] = []): Promise<Problem[]> {
  const problems = visibleTextProblems(await visibleText(page), lang);
  const left = problems.filter((p) => !known.some((k) => k.test(p.snippet)));
  if (left.length) {
    const list = left.map((p) => `  - ${p.kind} « ${p.match} » in « ${p.snippet} »`).join('\n');
    throw new Error(`Texte non fini (${lang}) sur ${where} (${page.url()}):\n${list}`);
  }
  return problems.filter((p) => !left.includes(p));
}

import { describe, expect, it } from '@jest/globals';
import { KNOWN_CODES, visibleTextProblems, type Problem } from '../support/visible-text.js';
import { VISIBLE_TEXT_FIXTURES, fixtureText } from '../fixtures/visible-text-pages.js';

/**
 * The visible-text check itself (test/support/visible-text.ts), on HTML fixtures: it catches each
 * kind of unfinished text, and passes finished French and English pages.
 */
const kinds = (html: string, lang: 'fr' | 'en'): Problem['kind'][] => [...new Set(visibleTextProblems(fixtureText(html), lang).map((p) => p.kind))];

describe(visibleTextProblems.name, () => {
  it('passes a finished French page and a finished English page', () => {
    expect(visibleTextProblems(fixtureText(VISIBLE_TEXT_FIXTURES.cleanFr), 'fr')).toEqual([]);
    expect(visibleTextProblems(fixtureText(VISIBLE_TEXT_FIXTURES.cleanEn), 'en')).toEqual([]);
  });

  it('finds a raw i18n key', () => {
    expect(kinds(VISIBLE_TEXT_FIXTURES.rawKey, 'fr')).toContain('raw key');
    expect(visibleTextProblems(fixtureText(VISIBLE_TEXT_FIXTURES.rawKey), 'fr').map((p) => p.snippet)).toEqual(
      expect.arrayContaining([expect.stringContaining('labels.Deal'), expect.stringContaining('messages.fooBar'), expect.stringContaining('properties.x')]),
    );
  });

  it('finds an enum code, a value of the catalogues, in French and in English', () => {
    expect(KNOWN_CODES.has('prospecting') || KNOWN_CODES.has('public_read')).toBe(true);
    expect(kinds(VISIBLE_TEXT_FIXTURES.enumCode, 'fr')).toEqual(['enum code']);
    const snippets = visibleTextProblems(fixtureText(VISIBLE_TEXT_FIXTURES.enumCode), 'fr').map((p) => p.snippet);
    expect(snippets.some((s) => s.includes('newUser'))).toBe(true);
    expect(snippets.some((s) => s.includes('public_read'))).toBe(true);
    expect(snippets.some((s) => s.includes('forbiddenError'))).toBe(true);
  });

  it('does not take a plain word, an e-mail address or a login for a code', () => {
    expect(visibleTextProblems('Contact : jean.newUser@exemple.fr ; identifiant g.lebrun ; statut Nouvelle', 'fr')).toEqual([]);
  });

  it("finds a message of the other language's catalogue", () => {
    expect(kinds(VISIBLE_TEXT_FIXTURES.englishInFrench, 'fr')).toContain('other language');
    expect(kinds(VISIBLE_TEXT_FIXTURES.frenchInEnglish, 'en')).toContain('other language');
  });

  it("finds AdminJS's own English messages in French mode (a toast, a button)", () => {
    const found = visibleTextProblems(fixtureText(VISIBLE_TEXT_FIXTURES.adminjsEnglish), 'fr');
    expect(found.map((p) => p.kind)).toContain('AdminJS English');
    expect(found.some((p) => p.snippet.includes('cannot be found'))).toBe(true);
    expect(found.some((p) => p.snippet === 'Filter')).toBe(true);
  });

  it('finds ISO timestamps, with a T or a space', () => {
    const found = visibleTextProblems(fixtureText(VISIBLE_TEXT_FIXTURES.isoTimestamp), 'fr');
    expect(found.filter((p) => p.kind === 'ISO timestamp')).toHaveLength(2);
  });
});

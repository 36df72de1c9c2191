import type { Locale, LocaleTranslations } from 'adminjs';
import { adminjsEn, adminjsFr } from '@portier/adminjs';
import { resourcesEn } from './resources.en.js';
import { resourcesFr } from './resources.fr.js';
import { recordNounsEn, recordNounsFr } from './record-nouns.js';

export const UI_LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep merge of plain objects; later sources win. Inputs are left untouched. */
export function deepMerge<T extends object>(...sources: object[]): T {
  const out: Tree = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      const current = out[key];
      out[key] = isTree(value) ? deepMerge(isTree(current) ? current : {}, value) : value;
    }
  }
  return out as T;
}

/**
 * The AdminJS `locale` option: French first, English available. `language` is the initial
 * language (and i18next's fallback); pass the signed-in user's locale to start in English.
 */
export function buildLocale(language: UiLanguage = 'fr'): Locale {
  return {
    language,
    availableLanguages: [...UI_LANGUAGES],
    localeDetection: false,
    translations: {
      fr: deepMerge<LocaleTranslations>(adminjsFr, resourcesFr, recordNounsFr),
      en: deepMerge<LocaleTranslations>(adminjsEn, resourcesEn, recordNounsEn),
    },
  };
}

import type { Request } from 'express';

/** A message of the web layer in the two languages of the interface. */
export interface Text {
  fr: string;
  en: string;
}

export type Language = keyof Text;

/**
 * The language to answer in: the signed-in user's (their `locale`), French otherwise — also for
 * a sign-in not finished yet, whose user is not known.
 */
export function languageOf(req: Request): Language {
  const session = (req as { session?: { adminUser?: { locale?: unknown }; passwordChange?: { locale?: unknown } } }).session;
  const locale = session?.adminUser?.locale ?? session?.passwordChange?.locale;
  return locale === 'en' ? 'en' : 'fr';
}

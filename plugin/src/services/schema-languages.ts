import type { z } from 'zod';
import type { Language } from '../core/explain-text.js';

/**
 * A schema whose own messages are said in each language of the interface: built once per
 * language from the same rules, so that the same input fails on the same issues in both. The
 * refusal then carries the two texts and shows the reader's (refusals.ts: invalidIn).
 */
export type SchemaIn<T> = Readonly<Record<Language, z.ZodType<T>>>;

export const schemaIn = <T>(build: (lang: Language) => z.ZodType<T>): SchemaIn<T> => ({ fr: build('fr'), en: build('en') });

/** The input parsed; on failure, its issues in each language (in the same order). */
export function parseIn<T>(schema: SchemaIn<T>, input: unknown): { success: true; data: T } | { success: false; issues: Record<Language, z.core.$ZodIssue[]> } {
  const fr = schema.fr.safeParse(input);
  if (fr.success) return { success: true, data: fr.data };
  const en = schema.en.safeParse(input);
  return { success: false, issues: { fr: fr.error.issues, en: en.success ? fr.error.issues : en.error.issues } };
}

import type AdminJS from 'adminjs';
import type { Translations } from '../../console/audit/audit-csv-changes.js';

/**
 * The app's French words as its AdminJS `locale` option gives them (an object, or a function of
 * the signed-in user): what the server writes in French (the audit CSV) names fields and values
 * as the pages do. Nothing when the app gives none: the codes stay.
 */
export async function frenchTranslations(admin: AdminJS): Promise<Translations> {
  const option = admin.options.locale as unknown;
  const locale = typeof option === 'function' ? await (option as (user?: unknown) => unknown)(undefined) : option;
  const translations = (locale as { translations?: Record<string, Translations> } | undefined)?.translations;
  return translations?.fr ?? {};
}

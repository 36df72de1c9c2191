import { privilegeName } from './admin-plane-texts.js';
import type { ChangeDirection, RightKey } from './access-reach.js';
import type { Language } from './explain-text.js';
import type { ModuleCatalog } from './modules.js';
import type { Privilege } from './privileges.js';
import { moduleLabel } from './rule-sentence.js';

/**
 * The preview's words (docs/access-preview.md): "7 utilisateurs perdent la suppression des
 * affaires", "2 users gain read access to client contacts". Pure: the catalog gives the labels.
 */

const ACTIONS: Record<Language, Record<string, string>> = {
  fr: { read: 'la lecture', edit: 'la modification', delete: 'la suppression', create: 'la création', export: "l'export" },
  en: { read: 'read access', edit: 'edit access', delete: 'delete access', create: 'create access', export: 'export access' },
};

const CONTACT_TYPES: Record<Language, Record<string, string>> = {
  fr: { client: 'clients', prospect: 'prospects', supplier: 'fournisseurs', other: 'autres' },
  en: { client: 'client', prospect: 'prospect', supplier: 'supplier', other: 'other' },
};

const FIELD_LEVELS: Record<Language, Record<string, string>> = {
  fr: { write: 'écriture', read: 'lecture seule', none: 'masqué' },
  en: { write: 'write', read: 'read only', none: 'hidden' },
};

/** The records a right is about: "les affaires", "les contacts clients", "client contacts". */
function records(catalog: ModuleCatalog, key: RightKey, lang: Language): string {
  const spec = catalog.modules.find((m) => m.name === key.module);
  const own = catalog.sharingModules.find((s) => s.name === key.module)?.label;
  if (spec?.contactTypeField && key.detail && key.action !== 'field') {
    const type = CONTACT_TYPES[lang][key.detail] ?? key.detail;
    return lang === 'fr' ? `contacts ${type}` : `${type} contacts`;
  }
  const label = own ?? moduleLabel(catalog, key.module);
  return lang === 'fr' ? label.fr : label.en;
}

/** The right itself: "la suppression des affaires", "l'écriture du champ amount des affaires", « gérer les utilisateurs ». */
export function rightPhrase(catalog: ModuleCatalog, key: RightKey, lang: Language): string {
  if (key.action === 'capability')
    return lang === 'fr' ? `le droit ${privilegeName(key.detail as Privilege, 'fr')}` : `the right ${privilegeName(key.detail as Privilege, 'en')}`;
  const what = records(catalog, key, lang);
  if (key.action === 'field') return lang === 'fr' ? `l'accès au champ « ${key.detail} » des ${what}` : `access to the field "${key.detail}" of ${what}`;
  return lang === 'fr' ? `${ACTIONS.fr[key.action] ?? key.action} des ${what}` : `${ACTIONS.en[key.action] ?? key.action} to ${what}`;
}

/**
 * One line of the preview: "7 utilisateurs perdent la suppression des affaires". A gain from
 * nothing is "gagnent", a loss down to nothing "perdent"; otherwise the reach widens, narrows or
 * changes (some records gained, others lost).
 */
export function previewSentence(
  catalog: ModuleCatalog,
  line: RightKey & { change: ChangeDirection; count: number; fromNothing: boolean; toNothing: boolean },
  lang: Language,
): string {
  const n = line.count;
  const right = rightPhrase(catalog, line, lang);
  const { fromNothing, toNothing } = line;
  const field = line.action === 'field';
  if (lang === 'fr') {
    const who = `${n} utilisateur${n > 1 ? 's' : ''}`;
    const plural = n > 1;
    if (line.change === 'gain' && (fromNothing || field))
      return field ? `${who} ${plural ? 'voient' : 'voit'} s'ouvrir ${right}` : `${who} ${plural ? 'gagnent' : 'gagne'} ${right}`;
    if (line.change === 'loss' && (toNothing || field))
      return field ? `${who} ${plural ? 'voient' : 'voit'} se restreindre ${right}` : `${who} ${plural ? 'perdent' : 'perd'} ${right}`;
    const verb = line.change === 'gain' ? "s'élargir" : line.change === 'loss' ? 'se restreindre' : 'changer';
    return `${who} ${plural ? 'voient' : 'voit'} ${verb} ${right}`;
  }
  const who = `${n} user${n > 1 ? 's' : ''}`;
  const s = n > 1 ? '' : 's';
  if (line.change === 'gain') return fromNothing && !field ? `${who} gain${s} ${right}` : `${who} get${s} wider ${right}`;
  if (line.change === 'loss') return toNothing && !field ? `${who} lose${s} ${right}` : `${who} get${s} narrower ${right}`;
  return `${who} ${n > 1 ? 'have' : 'has'} ${right} changed (some records gained, others lost)`;
}

/** A user's level before or after, in words: "ses propres affaires", "toutes les affaires", "lecture seule". */
export function levelWords(catalog: ModuleCatalog, key: RightKey, level: string, lang: Language): string {
  if (key.action === 'field') return FIELD_LEVELS[lang][level] ?? level;
  if (level === 'yes' || level === 'no') return lang === 'fr' ? (level === 'yes' ? 'oui' : 'non') : level;
  const what = records(catalog, key, lang);
  const spec = catalog.modules.find((m) => m.name === key.module);
  const feminine = !spec?.contactTypeField && (catalog.sharingModules.find((s) => s.name === key.module)?.label ?? moduleLabel(catalog, key.module)).feminine;
  const fr: Record<string, string> = {
    none: 'aucun accès',
    own: `ses propres ${what}`,
    beyond: `ses ${what} et d'autres`,
    all: `${feminine ? 'toutes' : 'tous'} les ${what}`,
  };
  const en: Record<string, string> = { none: 'no access', own: `their own ${what}`, beyond: `their ${what} and others'`, all: `all ${what}` };
  return (lang === 'fr' ? fr : en)[level] ?? level;
}

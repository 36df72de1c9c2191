/**
 * A sharing rule as a sentence a consultant reads at a glance:
 * "Les affaires appartenant à Ventes Nord et subordonnés sont partagées en lecture avec Ventes Sud."
 * Pure: the names of the roles and teams and the module's label come in with the rule.
 */
import { sharingModuleSpec, type ModuleCatalog } from './modules.js';

export interface ModuleLabel {
  /** French plural, lower case: "affaires", "comptes et contacts". */
  fr: string;
  /** Whether the French noun is feminine (the participle agrees: "partagées"). */
  feminine: boolean;
  /** English plural: "deals". */
  en: string;
}

export type NamedTarget = { kind: 'role' | 'roleAndSubordinates' | 'team'; name: string };

export interface RuleForSentence {
  from: NamedTarget;
  to: NamedTarget;
  access: 'read' | 'read_write';
}

/** "Ventes Nord et subordonnés", "l'équipe SAV" (also in the engine's explanations). */
export function targetPhrase(t: NamedTarget, lang: 'fr' | 'en'): string {
  if (lang === 'fr') return t.kind === 'team' ? `l'équipe ${t.name}` : t.kind === 'role' ? t.name : `${t.name} et subordonnés`;
  return t.kind === 'team' ? `team ${t.name}` : t.kind === 'role' ? t.name : `${t.name} and subordinates`;
}

/**
 * What the rule grants, in the two forms the screens use: after the sentence ("... partagées en
 * lecture avec ...") and closing the engine's explanation ("..., en lecture et écriture").
 */
const ACCESS: Record<'fr' | 'en', Record<'sentence' | 'clause', Record<RuleForSentence['access'], string>>> = {
  fr: { sentence: { read: 'en lecture', read_write: 'en lecture et écriture' }, clause: { read: 'en lecture', read_write: 'en lecture et écriture' } },
  en: { sentence: { read: 'read only', read_write: 'read and write' }, clause: { read: 'read', read_write: 'read-write' } },
};

/** "Les affaires appartenant à Ventes Nord et subordonnés sont partagées en lecture avec Ventes Sud." (the sharing screen). */
export function ruleSentence(rule: RuleForSentence, label: ModuleLabel, lang: 'fr' | 'en' = 'fr'): string {
  const access = ACCESS[lang].sentence[rule.access];
  if (lang === 'en') return `${cap(label.en)} owned by ${targetPhrase(rule.from, 'en')} are shared with ${targetPhrase(rule.to, 'en')}, ${access}.`;
  const shared = label.feminine ? 'partagées' : 'partagés';
  return `Les ${label.fr} appartenant à ${targetPhrase(rule.from, 'fr')} sont ${shared} ${access} avec ${targetPhrase(rule.to, 'fr')}.`;
}

/**
 * The same rule, named, as a clause of an explanation (explain-text.ts): "la règle n° 4 partage
 * les commandes clients appartenant à Ventes et subordonnés avec Comptabilité, en lecture et
 * écriture". The records are named by the module's label, as in the sentence, never by its name.
 */
export function ruleClause(rule: RuleForSentence & { id: number; name: string | null }, label: ModuleLabel, lang: 'fr' | 'en' = 'fr'): string {
  const access = ACCESS[lang].clause[rule.access];
  if (lang === 'en') {
    const named = rule.name ? `rule "${rule.name}"` : `rule ${rule.id}`;
    return `${named} shares ${label.en} owned by ${targetPhrase(rule.from, 'en')} with ${targetPhrase(rule.to, 'en')}, ${access}`;
  }
  const named = rule.name ? `la règle « ${rule.name} »` : `la règle n° ${rule.id}`;
  return `${named} partage les ${label.fr} appartenant à ${targetPhrase(rule.from, 'fr')} avec ${targetPhrase(rule.to, 'fr')}, ${access}`;
}

/** A sharing module's label from the app's catalog, its name when it gives none. */
export function moduleLabel(catalog: ModuleCatalog, module: string): ModuleLabel {
  return sharingModuleSpec(catalog, module)?.label ?? unlabelled(module);
}

/** A module the app gives no label: sentences name its records by its name. */
export const unlabelled = (module: string): ModuleLabel => ({ fr: module, feminine: false, en: module });

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

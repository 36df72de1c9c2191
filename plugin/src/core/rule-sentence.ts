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

export function ruleSentence(rule: RuleForSentence, label: ModuleLabel, lang: 'fr' | 'en' = 'fr'): string {
  if (lang === 'en') {
    return `${cap(label.en)} owned by ${targetPhrase(rule.from, 'en')} are shared with ${targetPhrase(rule.to, 'en')}, ${rule.access === 'read' ? 'read only' : 'read and write'}.`;
  }
  const shared = label.feminine ? 'partagées' : 'partagés';
  const access = rule.access === 'read' ? 'en lecture' : 'en lecture et écriture';
  return `Les ${label.fr} appartenant à ${targetPhrase(rule.from, 'fr')} sont ${shared} ${access} avec ${targetPhrase(rule.to, 'fr')}.`;
}

/** A sharing module's label from the app's catalog, its name when it gives none. */
export function moduleLabel(catalog: ModuleCatalog, module: string): ModuleLabel {
  return sharingModuleSpec(catalog, module)?.label ?? { fr: module, feminine: false, en: module };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

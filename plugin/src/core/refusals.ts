import { CAPABILITY_LABELS, CAPABILITY_LABELS_EN, hasCapability } from './capabilities.js';
import type { CompiledAccess } from './compile.js';
import type { Capability } from './model.js';
import { Refusal } from './refusal.js';
import type { ModuleLabel } from './rule-sentence.js';

/**
 * The ways to refuse, one family for every layer: each gives a `Refusal` (refusal.ts), which the
 * web layer maps to HTTP in one place (adapters/web/refusal-status.ts) and AdminJS's actions to
 * the error its UI shows (adapters/adminjs/errors.ts). A write's refusal says that nothing changed.
 */
export const NOTHING_CHANGED = "Rien n'a été modifié.";
export const NOTHING_CHANGED_IN = { fr: NOTHING_CHANGED, en: 'Nothing was changed.' } as const;

/** A message in each language of the interface. */
export type Said = { fr: string; en: string };

/** "1 user", "3 users": a count in an English sentence. */
export const countEn = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "1 licence", "0 licence", "3 licences": a count in a French sentence (0 and 1 are singular in French). */
export const countFr = (n: number, one: string, many = `${one}s`): string => `${n} ${Math.abs(n) < 2 ? one : many}`;

/** The singular or plural of a French word for a count ("incluse" / "incluses"), without the number. */
export const pluralFr = (n: number, one: string, many = `${one}s`): string => (Math.abs(n) < 2 ? one : many);

const unchanged = (said: Said): Said => ({ fr: `${said.fr} ${NOTHING_CHANGED_IN.fr}`, en: `${said.en} ${NOTHING_CHANGED_IN.en}` });

/** Bad input (400), said in the reader's language (Refusal#in); the French one is what the audit trail keeps. */
export function invalidIn(said: Said, property?: string): Refusal {
  const text = unchanged(said);
  return new Refusal('invalid', text.fr, property, false, undefined, text);
}

/** A refused action (403), said in the reader's language. */
export function refuseIn(said: Said, property?: string): Refusal {
  const text = unchanged(said);
  return new Refusal('forbidden', text.fr, property, false, undefined, text);
}

/** Nothing of that number (404), or one the reader may not see, said in the reader's language. */
export function missingIn(said: Said, property?: string): Refusal {
  const text = unchanged(said);
  return new Refusal('notFound', text.fr, property, false, undefined, text);
}

/** A page or record asked for that is not there (404), for reads: nothing to say was unchanged. */
export function absentIn(said: Said, property?: string): Refusal {
  return new Refusal('notFound', said.fr, property, false, undefined, said);
}

/**
 * A record not there, or not readable by the reader (the same answer, so as to leak nothing), its
 * module named by its label ("parmi les affaires", never "Deal"); an id as "n° 5", a reference as is.
 */
export function noRecordIn(label: ModuleLabel, ref: string | number): Refusal {
  const numbered = /^\d+$/.test(String(ref));
  return absentIn({
    fr: `Aucun enregistrement ${numbered ? `n° ${ref}` : ref} parmi les ${label.fr}.`,
    en: `No record ${numbered ? `#${ref}` : ref} among the ${label.en}.`,
  });
}

/** Bad input of a read (400), in the reader's language: nothing to say was unchanged. */
export function badQueryIn(said: Said, property?: string): Refusal {
  return new Refusal('invalid', said.fr, property, false, undefined, said);
}

/** A refused read (403), in the reader's language: nothing to say was unchanged. */
export function deniedIn(said: Said): Refusal {
  return new Refusal('forbidden', said.fr, undefined, false, undefined, said);
}

/** A safeguard's refusal (safeguard below), in the reader's language. */
export function safeguardIn(said: Said, property?: string): Refusal {
  const text = unchanged(said);
  return new Refusal('forbidden', text.fr, property, true, undefined, text);
}

/** Bad input (400): what was wrong, on the form's `property` when one field is. */
export function invalid(message: string, property?: string): Refusal {
  return new Refusal('invalid', `${message} ${NOTHING_CHANGED}`, property);
}

/** A refused action (403). */
export function refuse(message: string, property?: string): Refusal {
  return new Refusal('forbidden', `${message} ${NOTHING_CHANGED}`, property);
}

/** A refusal by one of the safeguards that keep the organisation's administration reachable. */
export function safeguard(message: string, property?: string): Refusal {
  return new Refusal('forbidden', `${message} ${NOTHING_CHANGED}`, property, true);
}

/** "Refusé : il faut le droit « … »." in each language, for a capability one does not hold. */
export const needsRight = (capability: Capability): Said => ({
  fr: `Refusé : il faut le droit « ${CAPABILITY_LABELS[capability]} ».`,
  en: `Refused: this needs the right "${CAPABILITY_LABELS_EN[capability]}".`,
});

/** Only `manageUsers` (or admin) changes users; only `manageAccess` (or admin) changes the rest of the set-up. */
export function requireCapability(ua: { access: Pick<CompiledAccess, 'active' | 'kind' | 'isAdmin' | 'capabilities'> }, capability: Capability): void {
  if (!hasCapability(ua.access, capability)) {
    throw refuseIn(needsRight(capability));
  }
}

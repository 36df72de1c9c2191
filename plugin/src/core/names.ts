/**
 * Names of roles, profiles, teams and rules (docs/spec/org-format.md, "Names"): compared after
 * Unicode normalisation (NFKC) and trimming, so that "Ventes ", "Ventes" and "Ｖｅｎｔｅｓ" are one
 * name. Control and invisible format characters (Unicode categories Cc and Cf: a zero-width space,
 * a right-to-left override...) are refused outright: they make a name look like another one.
 */

const HIDDEN = /[\p{Cc}\p{Cf}]/u;

/** The form a name is stored and compared in. */
export function normalName(name: string): string {
  return name.normalize('NFKC').trim();
}

/** The first control or invisible character of a name, as `U+200B`, or null. */
export function hiddenCharacter(name: string): string | null {
  const found = HIDDEN.exec(name);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

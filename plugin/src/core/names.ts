/**
 * Names of roles, profiles, teams and rules (docs/spec/org-format.md, "Names"): compared after
 * Unicode normalisation (NFKC) and trimming, so that "Ventes ", "Ventes" and "Ｖｅｎｔｅｓ" are one
 * name; inner runs of spaces count as one space too, as a web page shows them ("Ventes  Nord" is
 * "Ventes Nord"). Characters one cannot see are refused outright, since they make a name look
 * like another one: controls and format characters (Unicode Cc, Cf: a zero-width space, a
 * right-to-left override...), the other default-ignorable code points (a combining grapheme
 * joiner, a Hangul filler, a variation selector) and the braille blank.
 */

// Private-use, unassigned and lone surrogate code points too: they show as nothing, a box or �.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** The form a name is stored and compared in. */
export function normalName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

/** The first control or invisible character of a name, as `U+200B`, or null. */
export function hiddenCharacter(name: string): string | null {
  const found = HIDDEN.exec(name);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

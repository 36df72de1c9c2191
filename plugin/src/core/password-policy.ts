/** What a password lacks under the policy, as a code: each screen says it in its reader's language. */
export type PasswordProblem = 'tooShort' | 'noLetter' | 'noDigit';

/** The spec's password policy: at least 8 characters, with at least one letter and one digit. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < 8) return 'tooShort';
  if (!/\p{L}/u.test(password)) return 'noLetter';
  if (!/\p{Nd}/u.test(password)) return 'noDigit';
  return null;
}

/** Each problem in each language, as the end of "Mot de passe trop faible : …" / "Password too weak: …". */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, { fr: string; en: string }> = {
  tooShort: { fr: 'il faut au moins 8 caractères', en: 'it must be at least 8 characters long' },
  noLetter: { fr: 'il faut au moins une lettre', en: 'it must contain at least one letter' },
  noDigit: { fr: 'il faut au moins un chiffre', en: 'it must contain at least one digit' },
};

/** "Mot de passe trop faible : il faut au moins 8 caractères." in both languages (`fresh`: "Nouveau mot de passe…"). */
export function weakPasswordText(problem: PasswordProblem, fresh = false): { fr: string; en: string } {
  const t = PASSWORD_PROBLEM_TEXT[problem];
  return fresh
    ? { fr: `Nouveau mot de passe trop faible : ${t.fr}.`, en: `New password too weak: ${t.en}.` }
    : { fr: `Mot de passe trop faible : ${t.fr}.`, en: `Password too weak: ${t.en}.` };
}

export const LOGIN_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;

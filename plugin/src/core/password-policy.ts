/** The spec's password policy: at least 8 characters, with at least one letter and one digit. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'must be at least 8 characters long';
  if (!/\p{L}/u.test(password)) return 'must contain at least one letter';
  if (!/\p{Nd}/u.test(password)) return 'must contain at least one digit';
  return null;
}

export const LOGIN_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;

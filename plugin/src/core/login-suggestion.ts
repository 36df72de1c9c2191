import { LOGIN_PATTERN } from './password-policy.js';

/**
 * The login a new user gets from their names, the organisation's habit ("g.lebrun"): the first
 * name's initial, a dot, the last name; accents dropped, lower case, anything else a login may not
 * hold removed. When it is taken, the caller tries `loginCandidate(base, 2)`, 3, ...
 */
export function loginBase(firstName: string, lastName: string): string {
  const plain = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .trim()
      .replace(/[\s']+/g, '-')
      .replace(/[^a-z0-9._-]/g, '')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '');
  const first = plain(firstName);
  const last = plain(lastName);
  const base = [first.slice(0, 1), last].filter(Boolean).join('.') || 'utilisateur';
  return base.length >= 3 ? base.slice(0, 60) : base.padEnd(3, '0'); // a login has 3 to 64 characters
}

/** The n-th candidate for a base: the base itself, then `base2`, `base3`... (always a valid login). */
export function loginCandidate(base: string, n: number): string {
  const login = n <= 1 ? base : `${base}${n}`;
  if (!LOGIN_PATTERN.test(login)) throw new Error(`login candidate "${login}" is not a valid login`);
  return login;
}

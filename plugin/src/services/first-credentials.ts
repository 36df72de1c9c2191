import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { loginBase, loginCandidate } from '../core/login-suggestion.js';
import { passwordProblem } from '../core/password-policy.js';

/**
 * What a new user starts with when no one typed it: a login after the organisation's habit and a
 * temporary password, shared by an approved access request and a new client user.
 */

// No 0/O, 1/l/I: the approver may have to read it out or copy it by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 characters in groups of four (about 92 bits), within the password policy. */
export function temporaryPassword(): string {
  for (;;) {
    const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    const password = [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (!passwordProblem(password)) return password;
  }
}

/** The organisation's habit for logins ("g.lebrun"), numbered when taken ("g.lebrun2"). */
export async function freeLogin(m: EntityManager, firstName: string, lastName: string): Promise<string> {
  const base = loginBase(firstName, lastName);
  const rows: Array<{ login: string }> = await m.query(`SELECT login FROM app_user WHERE starts_with(login, $1)`, [base]);
  const taken = new Set(rows.map((r) => r.login));
  for (let n = 1; ; n++) {
    const login = loginCandidate(base, n);
    if (!taken.has(login)) return login;
  }
}

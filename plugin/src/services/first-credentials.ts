import type { EntityManager } from 'typeorm';
import { loginBase, loginCandidate } from '../core/login-suggestion.js';

/**
 * What a new user starts with when no one typed it: a login after the organisation's habit, shared
 * by an approved access request and a new client user (their password comes through an invitation).
 */

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

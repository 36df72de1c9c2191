import type { DataSource } from 'typeorm';

/**
 * Throttling that stops guessing without letting a stranger lock a colleague out: 5 failures
 * for one account from one address within 15 minutes refuse that account from that address (and
 * only from it); 50 failures from one address, whatever the accounts, refuse the address. A
 * refused attempt does not count, so the wait ends 15 minutes after the last real failure.
 *
 * An account is the user, whichever of their login or e-mail was typed (an identifier that is
 * nobody's counts on its own). Failures are wrong passwords: at sign-in, and the current
 * password on the account page, which share the count.
 */
export const THROTTLE = { window: '15 minutes', perAccountAndAddress: 5, perAddress: 50 };

export type AttemptKind = 'signIn' | 'currentPassword';

/** Thrown where a caller must stop: too many failures for this account from this address, or from this address. */
export class Throttled extends Error {
  constructor() {
    super('tooManyRequests');
    this.name = 'Throttled';
  }
}

// Advisory locks of the throttle (two-key form): one per account, one per address.
const LOCKS = 872_341_017;

export function accountKey(userId: number | null, identifier: string): string {
  return userId !== null ? `user:${userId}` : `login:${identifier.trim().toLowerCase().slice(0, 254)}`;
}

/**
 * Reserves the right to check one password: the count of recent failures and the reservation
 * (a row counted as a failure until `settleAttempt` says the password was right) are one
 * transaction holding the account's lock, then the address's (always in that order, so two
 * reservations never wait on each other). However many attempts arrive at once, at most the
 * limit get checked. Returns the reservation, or null when the attempt is refused.
 */
export async function reserveAttempt(ds: DataSource, account: string, ip: string | null, kind: AttemptKind): Promise<number | null> {
  const address = ip ?? ''; // attempts without an address share one count: fail closed
  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS, `account:${account}`]);
    await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS, `address:${address}`]);
    const [row] = await m.query(
      `SELECT count(*) FILTER (WHERE account = $2)::int AS account_failures, count(*)::int AS address_failures
         FROM auth_attempt WHERE failed AND ip = $1 AND at > now() - $3::interval`,
      [address, account, THROTTLE.window],
    );
    if (row.account_failures >= THROTTLE.perAccountAndAddress || row.address_failures >= THROTTLE.perAddress) return null;
    const [{ id }] = await m.query(`INSERT INTO auth_attempt (account, ip, kind) VALUES ($1, $2, $3) RETURNING id`, [account, address, kind]);
    // The ledger only matters for a window: what is older goes, now and then.
    if (Number(id) % 200 === 0) await m.query(`DELETE FROM auth_attempt WHERE at < now() - interval '1 day'`);
    return Number(id);
  });
}

/** The password was right: the reservation no longer counts as a failure. */
export async function settleAttempt(ds: DataSource, reservation: number, passwordRight: boolean): Promise<void> {
  if (passwordRight) await ds.query(`UPDATE auth_attempt SET failed = false WHERE id = $1`, [reservation]);
}

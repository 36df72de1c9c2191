import type { DataSource, EntityManager } from 'typeorm';

/**
 * Ends every open session of a user: each session keeps the epoch its user had at sign-in, and
 * the access gate ends a session whose epoch is no longer the user's (docs/spec/access-model.md,
 * "Own account"). In the caller's transaction: the sessions end when the change commits, and
 * only then. Returns the new epoch.
 */
export async function endSessionsOf(m: EntityManager | DataSource, userId: number): Promise<number> {
  const [rows] = await m.query(`UPDATE app_user SET session_epoch = session_epoch + 1 WHERE id = $1 RETURNING session_epoch`, [userId]);
  return Number(rows[0]?.session_epoch ?? 0);
}

/**
 * A password set by someone else (a user manager, an approval's temporary password): the user's
 * sessions end and their next sign-in asks them for a password of their own. Passwords that come
 * from an organisation file do not go through here.
 */
export async function passwordSetBySomeoneElse(m: EntityManager, userId: number): Promise<void> {
  await m.query(`UPDATE app_user SET must_change_password = true WHERE id = $1`, [userId]);
  await endSessionsOf(m, userId);
}

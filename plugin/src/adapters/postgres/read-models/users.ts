import type { Db, UserStatus } from './db.js';

/** An internal user a deletion may name as heir. */
export interface HeirChoice {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  status: UserStatus;
  role: string | null;
}

export async function userExists(db: Db, userId: number): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId])).length > 0;
}

/** The heirs a deletion of `userId` may name: internal users other than that one. */
export function heirChoices(db: Db, userId: number): Promise<HeirChoice[]> {
  return db.query(
    `SELECT u.id, u.login, u.first_name AS "firstName", u.last_name AS "lastName", u.status, r.name AS role
       FROM app_user u LEFT JOIN role r ON r.id = u.role_id
      WHERE u.kind = 'internal' AND u.id <> $1 ORDER BY u.status, u.last_name, u.first_name, u.login`,
    [userId],
  );
}

/** A user's login and role name; none for a user without a role. */
export async function userRole(db: Db, userId: number): Promise<{ login: string; role: string } | undefined> {
  const [row]: Array<{ login: string; role: string }> = await db.query(
    `SELECT u.login, r.name AS role FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.id = $1`,
    [userId],
  );
  return row;
}

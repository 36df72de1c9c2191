import type { LoginHours } from '../../../core/login-hours.js';
import type { Db } from './db.js';

/** The signed-in user as "Mon compte" shows them. */
export interface AccountRow {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  company: string | null;
  title: string | null;
  isAdmin: boolean;
  loginHours: LoginHours | null;
  /** The language of their interface. */
  locale: 'fr' | 'en';
  role: string | null;
  profiles: string[];
}

export interface SignInRow {
  at: Date;
  success: boolean;
  reason: string | null;
  ip: string | null;
}

export async function accountOf(db: Db, userId: number): Promise<AccountRow | undefined> {
  const [me]: AccountRow[] = await db.query(
    `SELECT u.login, u.email, u.first_name AS "firstName", u.last_name AS "lastName", u.company, u.title, u.is_admin AS "isAdmin",
            u.login_hours AS "loginHours", u.locale, r.name AS role,
            coalesce((SELECT array_agg(p.name ORDER BY p.name) FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = u.role_id), '{}') AS profiles
       FROM app_user u LEFT JOIN role r ON r.id = u.role_id WHERE u.id = $1`,
    [userId],
  );
  return me;
}

/** The user's five latest sign-ins, failed ones included. */
export function latestSignIns(db: Db, userId: number): Promise<SignInRow[]> {
  return db.query(`SELECT at, success, reason, ip FROM login_event WHERE user_id = $1 ORDER BY at DESC LIMIT 5`, [userId]);
}

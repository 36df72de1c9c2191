import type { DataSource, EntityManager } from 'typeorm';
import { isWithinLoginHours, type LoginHours } from '../../core/login-hours.js';
import { audit } from '../../adapters/postgres/audit.js';
import { verifyPassword } from './passwords.js';
import { accountKey, reserveAttempt, settleAttempt, THROTTLE } from './throttle.js';

/** Why someone may not sign in (or stay signed in); the keys are the login page's messages. */
export type AccessRefusal = 'invalidCredentials' | 'tooManyRequests' | 'userInactive' | 'userWithoutAccess' | 'outsideLoginHours' | 'clientWithoutDossier';

export interface SessionUser {
  id: number;
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  isAdmin: boolean;
  status: 'active' | 'inactive';
  kind: 'internal' | 'client';
  roleId: number | null;
  company: string | null;
  locale: 'fr' | 'en';
  loginHours: LoginHours | null;
  /** Copied into the session at sign-in; raised to end every session of the user. */
  sessionEpoch: number;
  /** The password was set by someone else: the sign-in asks for a new one first. */
  mustChangePassword: boolean;
  /** A client user's dossier grants: their number at sign-in, the grants themselves once loaded. */
  dossierCount?: number;
  dossiers?: unknown[];
}

export const SESSION_USER_COLUMNS = `u.id, u.login, u.email, u.first_name AS "firstName", u.last_name AS "lastName",
  u.is_admin AS "isAdmin", u.status, u.kind, u.role_id AS "roleId", u.company, u.locale, u.login_hours AS "loginHours",
  u.session_epoch AS "sessionEpoch", u.must_change_password AS "mustChangePassword",
  (SELECT count(*)::int FROM dossier_grant g WHERE g.user_id = u.id) AS "dossierCount"`;

/**
 * The spec's step 1: inactive users, collaborators without access (internal, no role, not
 * admin) and users outside their login hours have no session. Login hours never apply to admins.
 */
export function accessRefusal(u: SessionUser, now: Date): AccessRefusal | null {
  if (u.status !== 'active') return 'userInactive';
  if (u.kind === 'client') {
    if ((u.dossierCount ?? u.dossiers?.length ?? 0) === 0) return 'clientWithoutDossier';
  } else if (!u.isAdmin && u.roleId === null) return 'userWithoutAccess';
  if (!u.isAdmin && !isWithinLoginHours(u.loginHours, now)) return 'outsideLoginHours';
  return null;
}

// Verifying against a real hash when the login is unknown keeps the answer time the same.
let decoyHash: Promise<string> | null = null;

export interface SignInAttempt {
  identifier: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: AccessRefusal; user?: SessionUser };

export { THROTTLE } from './throttle.js';

/**
 * Signs in by login or e-mail; records every attempt as a LoginEvent and in the audit trail.
 * The password is checked only under a reservation of the throttle (throttle.ts), so that no
 * number of attempts at once gets more guesses than the limit.
 */
export async function signIn(ds: DataSource, attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
  const identifier = (attempt.identifier ?? '').trim();
  const rows: Array<SessionUser & { passwordHash: string }> = identifier
    ? await ds.query(
        `SELECT ${SESSION_USER_COLUMNS}, u.password_hash AS "passwordHash" FROM app_user u
          WHERE u.login = $1 OR lower(u.email) = lower($1) ORDER BY (u.login = $1) DESC LIMIT 1`,
        [identifier],
      )
    : [];
  const found = rows[0];
  const reservation = await reserveAttempt(ds, accountKey(found?.id ?? null, identifier), attempt.ip, 'signIn');
  if (reservation === null) {
    const refused: SignInResult = { ok: false, reason: 'tooManyRequests' };
    // Refused before any check, these cost an attacker nothing: one entry per address and window
    // says the address is held up, the rest would only fill the (append-only) trail.
    // The check and the entry under one lock per address, so that a burst writes one too.
    await record(ds, identifier, attempt, refused, async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('portier-throttled:' || coalesce($1::text, '')))`, [attempt.ip]);
      const [said] = await m.query(
        `SELECT 1 FROM login_event WHERE reason = 'tooManyRequests' AND ip IS NOT DISTINCT FROM $1 AND at > now() - $2::interval LIMIT 1`,
        [attempt.ip, THROTTLE.window],
      );
      return !said;
    });
    return refused;
  }
  let result: SignInResult;
  if (!found) {
    decoyHash ??= import('./passwords.js').then((p) => p.hashPassword('decoy-password-1'));
    await verifyPassword(await decoyHash, attempt.password ?? '');
    result = { ok: false, reason: 'invalidCredentials' };
  } else if (!(await verifyPassword(found.passwordHash, attempt.password ?? ''))) {
    result = { ok: false, reason: 'invalidCredentials', user: withoutHash(found) };
  } else {
    const user = withoutHash(found);
    const refusal = accessRefusal(user, now);
    result = refusal ? { ok: false, reason: refusal, user } : { ok: true, user };
  }
  // Only a wrong password is a guess: the right one with an account refused (inactive...) is not.
  await settleAttempt(ds, reservation, result.ok || result.reason !== 'invalidCredentials');
  await record(ds, identifier, attempt, result);
  return result;
}

/** What is kept of a User-Agent header (a client may send kilobytes of it, before any sign-in). */
const USER_AGENT_MAX = 512;

/** Every attempt is a LoginEvent (for the statistics) and a security event of the audit trail. */
async function record(
  ds: DataSource,
  identifier: string,
  attempt: SignInAttempt,
  result: SignInResult,
  worthSaying?: (m: EntityManager) => Promise<boolean>,
): Promise<void> {
  await ds.transaction(async (m) => {
    if (worthSaying && !(await worthSaying(m))) return;
    await m.query(`INSERT INTO login_event (login, user_id, success, reason, ip, user_agent, company) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      identifier.slice(0, 254),
      result.user?.id ?? null,
      result.ok,
      result.ok ? null : result.reason,
      attempt.ip,
      attempt.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      result.user?.company ?? null,
    ]);
    await audit(
      m,
      { id: result.user?.id ?? null, login: identifier.slice(0, 64) || null, ip: attempt.ip, userAgent: attempt.userAgent },
      {
        action: result.ok ? 'signIn' : 'signInRefused',
        message: result.ok ? null : result.reason,
      },
    );
  });
}

function withoutHash(u: SessionUser & { passwordHash?: string }): SessionUser {
  const { passwordHash: _drop, ...user } = u;
  return user;
}

export async function loadSessionUser(ds: DataSource, id: number): Promise<SessionUser | null> {
  const rows = await ds.query(`SELECT ${SESSION_USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
  return rows[0] ?? null;
}

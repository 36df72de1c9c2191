import type { DataSource } from 'typeorm';
import { passwordProblem, weakPasswordText } from '../core/password-policy.js';
import { hashPassword, verifyPassword } from './auth/passwords.js';
import { endSessionsOf } from './auth/session-epoch.js';
import { accountKey, reserveAttempt, settleAttempt, Throttled } from './auth/throttle.js';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { audit, type AuditActor } from '../adapters/postgres/audit.js';
import { auditSetup } from './actor.js';
import { invalidIn, refuseIn } from '../core/refusals.js';
import type { ServiceContext } from './context.js';

const NOT_EXPECTED = {
  fr: "Ce changement de mot de passe n'est plus attendu : reconnectez-vous.",
  en: 'This password change is no longer expected: sign in again.',
};

export function checkPolicy(next: string): void {
  const problem = passwordProblem(next);
  if (problem) throw invalidIn(weakPasswordText(problem, true), 'next');
}

/**
 * A user changes their own password: the current one is required (a session left open is not
 * enough to take over the account), and tries at it are throttled with the sign-in failures
 * (services/auth/throttle.ts); the new one follows the policy and differs from the old. The
 * user's other sessions end; the caller keeps this one (it gets the new epoch). No capability is
 * needed; the change is audited like any other (the values never are).
 */
export async function changeOwnPassword(service: AccessService, ctx: ServiceContext, current: string, next: string): Promise<{ sessionEpoch: number }> {
  const ua = ctx.actor;
  checkPolicy(next);
  if (current === next)
    throw invalidIn({ fr: "Le nouveau mot de passe doit être différent de l'actuel.", en: 'The new password must differ from the current one.' }, 'next');
  const reservation = await reserveAttempt(service.ds, accountKey(ua.user.id, ua.user.login), ctx.ip, 'currentPassword');
  if (reservation === null) throw new Throttled();
  const [row] = await service.ds.query(`SELECT password_hash FROM app_user WHERE id = $1`, [ua.user.id]);
  const right = !!row?.password_hash && (await verifyPassword(row.password_hash, current));
  await settleAttempt(service.ds, reservation, right);
  if (!right) throw invalidIn({ fr: 'Mot de passe actuel incorrect.', en: 'Current password incorrect.' }, 'current');
  const hash = await hashPassword(next);
  return service.ds.transaction(async (m) => {
    // Only if it is still the hash just checked: two changes at once cannot both pass.
    // (TypeORM answers an UPDATE with [rows, count].)
    const [rows] = await m.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1 AND password_hash = $3 RETURNING id`,
      [ua.user.id, hash, row.password_hash],
    );
    if (!rows.length)
      throw invalidIn({ fr: 'Le mot de passe a changé entre-temps : recommencez.', en: 'The password changed meanwhile: start again.' }, 'current');
    const sessionEpoch = await endSessionsOf(m, ua.user.id);
    await auditSetup(m, ctx, 'passwordChange', 'User', ua.user.id, ua.user.login, { password: null }, { password: 'changed' });
    return { sessionEpoch };
  });
}

/**
 * The password a sign-in asked for, because someone else had set the current one: the policy
 * applies and the new one must differ from the one set for the user. Only while the request
 * stands (`must_change_password`) and for the sign-in that saw it (its session epoch). Returns
 * the new epoch, for the session that now opens.
 */
export async function setRequiredPassword(
  ds: DataSource,
  user: { id: number; login: string; epoch: number },
  next: string,
  actor: AuditActor,
): Promise<number> {
  checkPolicy(next);
  const [row] = await ds.query(`SELECT password_hash FROM app_user WHERE id = $1 AND must_change_password AND session_epoch = $2`, [user.id, user.epoch]);
  if (!row) throw refuseIn(NOT_EXPECTED);
  if (await verifyPassword(row.password_hash, next))
    throw invalidIn(
      { fr: 'Choisissez un mot de passe différent de celui qui vous a été donné.', en: 'Choose a password other than the one you were given.' },
      'next',
    );
  const hash = await hashPassword(next);
  return ds.transaction(async (m) => {
    const [rows] = await m.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = false, updated_at = now()
        WHERE id = $1 AND must_change_password AND session_epoch = $3 AND password_hash = $4 RETURNING id`,
      [user.id, hash, user.epoch, row.password_hash],
    );
    if (!rows.length) throw refuseIn(NOT_EXPECTED);
    const epoch = await endSessionsOf(m, user.id);
    await audit(m, actor, {
      action: 'passwordChange',
      module: 'User',
      recordId: user.id,
      reference: user.login,
      changes: { password: ['***', '***'] },
      message: 'mot de passe choisi à la connexion, comme demandé',
    });
    return epoch;
  });
}

import { passwordProblem } from '../../../core/password-policy.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { AccessService, UserAccess } from '../access-service.js';
import { auditSetup, invalid } from './actor.js';

/** The policy's reasons, in the UI's language. */
const PROBLEM_FR: Record<string, string> = {
  'must be at least 8 characters long': 'il faut au moins 8 caractères',
  'must contain at least one letter': 'il faut au moins une lettre',
  'must contain at least one digit': 'il faut au moins un chiffre',
};

/**
 * A user changes their own password: the current one is required (a session left open is not
 * enough to take over the account), the new one follows the policy and differs from the old.
 * No capability is needed; the change is audited like any other (the values never are).
 */
export async function changeOwnPassword(service: AccessService, ua: UserAccess, current: string, next: string): Promise<void> {
  const problem = passwordProblem(next);
  if (problem) throw invalid(`Nouveau mot de passe trop faible : ${PROBLEM_FR[problem] ?? problem}.`, 'next');
  if (current === next) throw invalid("Le nouveau mot de passe doit être différent de l'actuel.", 'next');
  const [row] = await service.ds.query(`SELECT password_hash FROM app_user WHERE id = $1`, [ua.user.id]);
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, current))) {
    throw invalid('Mot de passe actuel incorrect.', 'current');
  }
  const hash = await hashPassword(next);
  await service.ds.transaction(async (m) => {
    // Only if it is still the hash just checked: two changes at once cannot both pass.
    // (TypeORM answers an UPDATE with [rows, count].)
    const [rows] = await m.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1 AND password_hash = $3 RETURNING id`, [ua.user.id, hash, row.password_hash]);
    if (!rows.length) throw invalid('Le mot de passe a changé entre-temps : recommencez.', 'current');
    await auditSetup(m, ua, 'passwordChange', 'User', ua.user.id, ua.user.login, { password: null }, { password: 'changed' });
  });
}

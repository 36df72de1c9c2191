import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { audit, type AuditActor } from '../adapters/postgres/audit.js';
import { Refusal } from '../core/refusal.js';
import { hashPassword } from './auth/passwords.js';
import { endSessionsOf } from './auth/session-epoch.js';
import { checkPolicy } from './own-password.js';

/**
 * One-time links (docs/security.md, "One-time links"): a random 32-byte token travels in the
 * mail's URL, the database keeps its SHA-256 only. A link serves once, within its lifetime; a
 * newer link of the same purpose makes the older unused ones unusable, and a password chosen
 * through any link makes every other open link of the user unusable.
 */
export type LinkPurpose = 'invitation' | 'reset';

export const LINK_LIFETIME_HOURS: Record<LinkPurpose, number> = { invitation: 72, reset: 1 };

const TOKEN = /^[A-Za-z0-9_-]{43}$/; // 32 bytes in base64url

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new link for the user, in the caller's transaction. The token is returned once, for the mail. */
export async function issueLink(m: EntityManager, userId: number, purpose: LinkPurpose, createdBy: number | null): Promise<{ token: string; expiresAt: Date }> {
  await m.query(`UPDATE credential_link SET revoked_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL`, [
    userId,
    purpose,
  ]);
  const token = randomBytes(32).toString('base64url');
  const [row] = await m.query(
    `INSERT INTO credential_link (user_id, purpose, token_hash, expires_at, created_by)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5) RETURNING expires_at`,
    [userId, purpose, tokenHash(token), LINK_LIFETIME_HOURS[purpose], createdBy],
  );
  return { token, expiresAt: new Date(row.expires_at) };
}

export interface LinkHolder {
  linkId: number;
  purpose: LinkPurpose;
  userId: number;
  login: string;
  name: string;
  locale: 'fr' | 'en';
}

/** Whether a user may sign in at all (docs/spec/access-model.md): who may not gets no link, nor uses one. */
export const MAY_SIGN_IN_SQL = `u.status = 'active' AND CASE WHEN u.kind = 'client'
  THEN EXISTS (SELECT 1 FROM dossier_grant g WHERE g.user_id = u.id) ELSE (u.is_admin OR u.role_id IS NOT NULL) END`;

/**
 * Whom a link lets choose a password, while it may still be used: unknown, used, superseded or
 * expired links, and links of users who may no longer sign in, all answer null alike.
 */
export async function linkHolder(m: EntityManager | DataSource, token: string, lock = false): Promise<LinkHolder | null> {
  if (typeof token !== 'string' || !TOKEN.test(token)) return null;
  const [row] = await m.query(
    `SELECT l.id::int AS "linkId", l.purpose, u.id AS "userId", u.login, coalesce(nullif(u.full_name, ''), u.login) AS name, u.locale
       FROM credential_link l JOIN app_user u ON u.id = l.user_id
      WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now() AND ${MAY_SIGN_IN_SQL}
      ${lock ? 'FOR UPDATE OF l' : ''}`,
    [tokenHash(token)],
  );
  return row ?? null;
}

/** The answer to any link that may not be used: the same for every reason. */
export class LinkNotValid extends Refusal {
  constructor() {
    super('notFound', "Ce lien n'est plus valable. Rien n'a été modifié.");
  }
}

/**
 * Sets the password a link was sent for: the policy applies; the link is used up, every other
 * open link of the user and every open session of theirs end, any must-change flag goes. Once,
 * even for two submissions at once (the link's row is locked). Audited without any value.
 */
export async function useLink(ds: DataSource, token: string, next: string, actor: Pick<AuditActor, 'ip' | 'userAgent'>): Promise<LinkHolder> {
  if (!(await linkHolder(ds, token))) throw new LinkNotValid();
  checkPolicy(next);
  const hash = await hashPassword(next);
  return ds.transaction(async (m) => {
    const holder = await linkHolder(m, token, true);
    if (!holder) throw new LinkNotValid();
    await m.query(`UPDATE app_user SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1`, [holder.userId, hash]);
    await m.query(`UPDATE credential_link SET used_at = now() WHERE id = $1`, [holder.linkId]);
    await m.query(`UPDATE credential_link SET revoked_at = now() WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [holder.userId]);
    await endSessionsOf(m, holder.userId);
    await audit(
      m,
      { id: holder.userId, login: holder.login, ...actor },
      {
        action: 'passwordChange',
        module: 'User',
        recordId: holder.userId,
        reference: holder.login,
        changes: { password: ['***', '***'] },
        message:
          holder.purpose === 'invitation'
            ? "mot de passe choisi par le lien d'invitation ; sessions ouvertes fermées"
            : 'mot de passe choisi par un lien « mot de passe oublié » ; sessions ouvertes fermées',
      },
    );
    return holder;
  });
}

import type { EntityManager } from 'typeorm';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { audit } from '../adapters/postgres/audit.js';
import { mailDate } from '../core/mail-texts.js';
import { invalidIn, missingIn, requireCapability, safeguardIn } from '../core/refusals.js';
import { auditActor, type ServiceContext } from './context.js';
import { issueLink, MAY_SIGN_IN_SQL } from './credential-links.js';
import { refuseAdminAccounts } from './delegation.js';
import { queueMail } from './mail/delivery.js';
import { LINK_PATH, linkBase, mailSettingsOf } from './mail/settings.js';

export interface Invitation {
  /** Whether a link went out: a user who may not sign in (inactive, a collaborator without access) gets none. */
  invited: boolean;
  address: string;
  /** When the link stops working. */
  expiresAt?: Date;
}

/**
 * Sends a user their invitation: a link to choose their password, valid 72 hours, which makes any
 * earlier invitation of theirs unusable. In the caller's transaction (the mail leaves once it
 * commits: services/mail/delivery.ts); audited with the address and the link's end, never the link.
 */
export async function inviteUser(m: EntityManager, ctx: ServiceContext | null, userId: number): Promise<Invitation> {
  const [user] = await m.query(
    `SELECT u.id, u.login, u.email, coalesce(nullif(u.full_name, ''), u.login) AS name, u.locale, ${MAY_SIGN_IN_SQL} AS "maySignIn"
       FROM app_user u WHERE u.id = $1`,
    [userId],
  );
  if (!user?.maySignIn) return { invited: false, address: user?.email ?? '' };
  const { token, expiresAt } = await issueLink(m, user.id, 'invitation', ctx?.actor.user.id ?? null);
  const base = linkBase(mailSettingsOf(m.connection), ctx?.origin);
  const inviter = ctx
    ? ((await m.query(`SELECT coalesce(nullif(full_name, ''), login) AS name FROM app_user WHERE id = $1`, [ctx.actor.user.id]))[0]?.name ?? null)
    : null;
  await queueMail(m, {
    userId: user.id,
    recipientName: user.name,
    address: user.email,
    facts: {
      kind: 'invitation',
      language: user.locale === 'en' ? 'en' : 'fr',
      recipientName: user.name,
      login: user.login,
      inviterName: inviter,
      link: base && `${base}${LINK_PATH}/${token}`,
      expiresAt,
    },
  });
  await audit(m, ctx ? auditActor(ctx) : { id: null, login: null, ip: null, userAgent: null }, {
    action: 'invitation',
    module: 'User',
    recordId: user.id,
    reference: user.login,
    message: `Invitation envoyée à ${user.email} : lien valable jusqu'au ${mailDate(expiresAt, 'fr')}.`,
  });
  return { invited: true, address: user.email, expiresAt };
}

/**
 * "Renvoyer l'invitation": for who may manage the user (`manageUsers`; an admin's account only
 * by admins, as every change of it), never for oneself (one's own password is changed on "Mon
 * compte"). A user who may not sign in is refused: a link would not let them in.
 */
export async function resendInvitation(service: AccessService, ctx: ServiceContext, userId: number): Promise<Invitation> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageUsers');
  return service.ds.transaction(async (m) => {
    const [user] = await m.query(`SELECT id, login FROM app_user WHERE id = $1`, [userId]);
    if (!user) throw missingIn({ fr: 'Utilisateur introuvable.', en: 'User not found.' });
    await refuseAdminAccounts(m, ua, [userId]);
    if (userId === ua.user.id)
      throw safeguardIn({
        fr: 'Votre propre mot de passe se change sur la page « Mon compte » : aucune invitation envoyée.',
        en: 'Your own password is changed on the "My account" page: no invitation sent.',
      });
    const sent = await inviteUser(m, ctx, userId);
    if (!sent.invited) {
      throw invalidIn({
        fr: `${user.login} ne peut pas se connecter (compte inactif ou sans accès) : aucune invitation envoyée. Donnez-lui d'abord un accès.`,
        en: `${user.login} cannot sign in (inactive account or no access): no invitation sent. Give them access first.`,
      });
    }
    return sent;
  });
}

import type { EntityManager } from 'typeorm';
import { freeLogin } from './first-credentials.js';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { invalidIn } from '../core/refusals.js';
import type { SeatOptions } from './seats.js';
import { createUser, updateUser } from './user-writes.js';
import type { ServiceContext } from './context.js';

/** An access request as stored (the columns the approval reads). */
export interface StoredRequest {
  id: number;
  type: 'newUser' | 'roleChange' | 'deactivation';
  status: 'open' | 'approved' | 'rejected';
  payload: Record<string, any>;
  requester_id: number | null;
  target_user_id: number | null;
  handler_login: string | null;
}

export interface Applied {
  /** The user created or changed. */
  userId: number;
  login: string;
  /** A new user's invitation went to this address: they choose their password through its link. */
  invitedAddress?: string;
  message: string;
}

/** The user a role change or a deactivation concerns, as they are now. */
async function target(m: EntityManager, request: StoredRequest): Promise<{ id: number; login: string; role_id: number | null; status: string }> {
  const [user] =
    request.target_user_id === null ? [] : await m.query(`SELECT id, login, role_id, status FROM app_user WHERE id = $1`, [request.target_user_id]);
  if (!user)
    throw invalidIn(
      {
        fr: `L'utilisateur ${request.payload.userLogin ?? ''} n'existe plus : rejetez la demande.`,
        en: `The user ${request.payload.userLogin ?? ''} no longer exists: reject the request.`,
      },
      'userId',
    );
  return user;
}

/**
 * Makes the change a request asks for, in the approval's transaction, through the very services
 * the user screens use: every capability, safeguard, check and the seat guard apply, and their
 * audit entries are written. A new user is active at once, in the requester's company and
 * reporting to them, and invited by mail to choose their password (docs/access-requests.md).
 */
export async function applyRequest(service: AccessService, ctx: ServiceContext, m: EntityManager, request: StoredRequest): Promise<Applied> {
  const p = request.payload;
  const options: SeatOptions = { manager: m };
  if (request.type === 'newUser') {
    const login = await freeLogin(m, p.firstName, p.lastName);
    const [requester] = request.requester_id === null ? [] : await m.query(`SELECT id, company FROM app_user WHERE id = $1`, [request.requester_id]);
    const userId = await createUser(
      service,
      ctx,
      {
        login,
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        title: p.title ?? null,
        roleId: p.roleId,
        status: 'active',
        company: requester?.company ?? null,
        reportsToId: requester?.id ?? null,
      },
      options,
    );
    return {
      userId,
      login,
      invitedAddress: p.email,
      message: `Demande n° ${request.id} approuvée : utilisateur ${login} créé avec le rôle ${p.roleName}. Une invitation a été envoyée à ${p.email} : le lien, valable 72 heures, lui permet de choisir son mot de passe.`,
    };
  }
  const user = await target(m, request);
  if (request.type === 'roleChange') {
    if (user.role_id === p.roleId)
      throw invalidIn(
        {
          fr: `${user.login} a déjà le rôle ${p.roleName} : rien à changer, rejetez la demande.`,
          en: `${user.login} already has the role ${p.roleName}: nothing to change, reject the request.`,
        },
        'roleId',
      );
    await updateUser(service, ctx, user.id, { roleId: p.roleId }, options);
    return { userId: user.id, login: user.login, message: `Demande n° ${request.id} approuvée : ${user.login} a maintenant le rôle ${p.roleName}.` };
  }
  if (user.status !== 'active')
    throw invalidIn(
      {
        fr: `${user.login} est déjà désactivé : rien à changer, rejetez la demande.`,
        en: `${user.login} is already deactivated: nothing to change, reject the request.`,
      },
      'userId',
    );
  await updateUser(service, ctx, user.id, { status: 'inactive' }, options);
  return {
    userId: user.id,
    login: user.login,
    message: `Demande n° ${request.id} approuvée : ${user.login} est désactivé, sa session est close à sa prochaine requête.`,
  };
}

import type { EntityManager } from 'typeorm';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { auditSetup } from './actor.js';
import { invalidIn, missingIn, requireCapability } from '../core/refusals.js';
import type { BillingCause } from '../core/billing-causes.js';
import { dossierTable } from './dossier-accounts.js';
import {
  checkDossierGrants,
  clientProfile,
  namedDossiers,
  NO_DOSSIER,
  writeDossierGrants,
  type DossierGrantInput,
  type NamedDossier,
} from './dossier-grants.js';
import { seatGuarded, type SeatOptions } from './seats.js';
import type { ServiceContext } from './context.js';

export { dossierTable } from './dossier-accounts.js';
export type { DossierGrantInput } from './dossier-grants.js';

/**
 * Client users' dossier grants (docs/spec/client-access.md): set a user's grants, add or remove
 * one, move every (user, dossier) pair of one client profile to another, or one pair. Each is one
 * transaction, refused whole with what was wrong, and audited per user as the change of their
 * `dossiers`. The checks of a grant are dossier-grants.ts's, shared with a new client user's.
 */
type Pair = { userId: number; login: string; accountId: number; account: string; profileId: number; profile: string };

async function auditDossiers(
  m: EntityManager,
  service: AccessService,
  ctx: ServiceContext,
  userId: number,
  login: string,
  before: NamedDossier[],
): Promise<void> {
  const after = await namedDossiers(m, service, userId);
  if (JSON.stringify(before) !== JSON.stringify(after)) await auditSetup(m, ctx, 'update', 'User', userId, login, { dossiers: before }, { dossiers: after });
}

/**
 * Changes a client user's grants to `next(current)`, checked as a new user's are (dossier-grants.ts),
 * under the seat guard (a client holds one seat per dossier, docs/spec/seats.md). The last dossier
 * is not taken away: a client user with no dossier cannot sign in (`NO_DOSSIER`); a user who had
 * none yet (an organisation file may say so) may be left with none.
 */
async function changeGrants(
  service: AccessService,
  ctx: ServiceContext,
  userId: number,
  said: (login: string) => BillingCause,
  next: (current: DossierGrantInput[], login: string) => DossierGrantInput[],
  options: SeatOptions = {},
): Promise<void> {
  requireCapability(ctx.actor, 'manageUsers');
  let login = `n° ${userId}`;
  await seatGuarded(
    service,
    ctx,
    () => ({ change: 'dossierGrants', said: said(login) }),
    async (m) => {
      const [user] = await m.query(`SELECT id, login, kind FROM app_user WHERE id = $1 FOR UPDATE`, [userId]);
      if (!user) throw missingIn({ fr: `Aucun utilisateur n° ${userId}.`, en: `No user #${userId}.` });
      login = user.login;
      if (user.kind !== 'client')
        throw invalidIn(
          {
            fr: `${user.login} est un utilisateur interne : seuls les utilisateurs clients ont des dossiers.`,
            en: `${user.login} is an internal user: only client users have dossiers.`,
          },
          'dossiers',
        );
      const current: DossierGrantInput[] = await m.query(`SELECT account_id AS "accountId", profile_id AS "profileId" FROM dossier_grant WHERE user_id = $1`, [
        userId,
      ]);
      const grants = next(current, user.login);
      if (!grants.length && current.length) throw invalidIn(NO_DOSSIER, 'dossiers');
      if (grants.length) await checkDossierGrants(m, service, ctx.actor, grants, new Set(current.map((g) => g.accountId)));
      const before = await namedDossiers(m, service, userId);
      await writeDossierGrants(m, userId, grants);
      await auditDossiers(m, service, ctx, userId, user.login, before);
    },
    options,
  );
}

/** A client user holds exactly these grants afterwards (one profile per Account). */
export async function setDossierGrants(service: AccessService, ctx: ServiceContext, userId: number, grants: DossierGrantInput[]): Promise<void> {
  await changeGrants(
    service,
    ctx,
    userId,
    (login) => ({ code: 'clientDossiers', login }),
    () => grants,
  );
}

/** "Ajouter un dossier": one more Account, under a client profile. */
export async function addDossier(service: AccessService, ctx: ServiceContext, userId: number, grant: DossierGrantInput): Promise<void> {
  await changeGrants(
    service,
    ctx,
    userId,
    (login) => ({ code: 'clientDossierAdded', login }),
    (current) => {
      // Said here rather than as "the same Account twice": the user already holds it.
      if (current.some((g) => g.accountId === grant.accountId))
        throw invalidIn(
          {
            fr: 'Ce client a déjà un dossier sur ce compte : changez son profil dans la liste plutôt.',
            en: 'This client already has a dossier on this account: change its profile in the list instead.',
          },
          'accountId',
        );
      return [...current, grant];
    },
  );
}

/** "Retirer" a dossier: refused for the last one (NO_DOSSIER), and for an Account the user holds no dossier on. */
export async function removeDossier(service: AccessService, ctx: ServiceContext, userId: number, accountId: number): Promise<void> {
  await changeGrants(
    service,
    ctx,
    userId,
    (login) => ({ code: 'clientDossierRemoved', login }),
    (current, login) => {
      if (!current.some((g) => g.accountId === accountId))
        throw missingIn({ fr: `${login} n'a pas de dossier sur ce compte.`, en: `${login} has no dossier on this account.` });
      return current.filter((g) => g.accountId !== accountId);
    },
  );
}

/** The (user, dossier) pairs under a client profile. */
export async function clientProfilePairs(service: AccessService, profileId: number, m: EntityManager = service.ds.manager): Promise<Pair[]> {
  return m.query(
    `SELECT u.id AS "userId", u.login, a.id AS "accountId", a.reference AS account, p.id AS "profileId", p.name AS profile
       FROM dossier_grant g JOIN app_user u ON u.id = g.user_id JOIN "${dossierTable(service)}" a ON a.id = g.account_id JOIN profile p ON p.id = g.profile_id
      WHERE g.profile_id = $1 ORDER BY u.login, a.reference`,
    [profileId],
  );
}

/** "Transférer tous les utilisateurs": every pair of `fromId` moves to `toId`; returns the pairs moved. */
export async function transferAllClientUsers(service: AccessService, ctx: ServiceContext, fromId: number, toId: number): Promise<Pair[]> {
  requireCapability(ctx.actor, 'manageUsers');
  return seatGuarded(service, ctx, { change: 'dossierGrants', said: { code: 'clientProfileDossiers', fromId, toId } }, async (m) => {
    await clientProfile(m, fromId, 'from');
    await clientProfile(m, toId, 'to');
    if (fromId === toId)
      throw invalidIn({ fr: 'Choisissez un autre profil que celui de départ.', en: 'Choose a profile other than the one you start from.' }, 'to');
    const pairs = await clientProfilePairs(service, fromId, m);
    const users = new Map(pairs.map((p) => [p.userId, p.login]));
    const before = new Map<number, NamedDossier[]>();
    for (const id of users.keys()) before.set(id, await namedDossiers(m, service, id));
    await m.query(`UPDATE dossier_grant SET profile_id = $2 WHERE profile_id = $1`, [fromId, toId]);
    for (const [id, login] of users) await auditDossiers(m, service, ctx, id, login, before.get(id)!);
    return pairs;
  });
}

/** "Transférer un utilisateur (avancé)": one user, one dossier, a new client profile. */
export async function transferOneDossier(service: AccessService, ctx: ServiceContext, userId: number, accountId: number, toId: number): Promise<void> {
  requireCapability(ctx.actor, 'manageUsers');
  await seatGuarded(service, ctx, { change: 'dossierGrants', said: { code: 'dossierMoved', accountId, userId, toId } }, async (m) => {
    await clientProfile(m, toId, 'to');
    const [user] = await m.query(`SELECT login FROM app_user WHERE id = $1`, [userId]);
    const before = user ? await namedDossiers(m, service, userId) : [];
    const [, count] = await m.query(`UPDATE dossier_grant SET profile_id = $3 WHERE user_id = $1 AND account_id = $2`, [userId, accountId, toId]);
    if (!user || !count)
      throw missingIn({ fr: `Cet utilisateur n'a pas de dossier sur le compte n° ${accountId}.`, en: `This user has no dossier on account #${accountId}.` });
    await auditDossiers(m, service, ctx, userId, user.login, before);
  });
}

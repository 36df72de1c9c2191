import type { EntityManager } from 'typeorm';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { Refusal } from '../core/refusal.js';
import { auditSetup } from './actor.js';
import { invalid, NOTHING_CHANGED, requireCapability } from '../core/refusals.js';
import { dossierRoot } from '../core/client-access.js';
import { seatGuarded } from './seats.js';
import type { ServiceContext } from './context.js';

/**
 * Client users' dossier grants (docs/spec/client-access.md): set a user's grants, move every (user,
 * dossier) pair of one client profile to another, or one pair. Each is one transaction, refused
 * whole with what was wrong, and audited per user as the change of their `dossiers`.
 */
export interface DossierGrantInput {
  accountId: number;
  profileId: number;
}

type Pair = { userId: number; login: string; accountId: number; account: string; profileId: number; profile: string };

/** The dossiers' root table (the Account table), from the app's module declarations. */
export function dossierTable(service: AccessService): string {
  const root = dossierRoot(service.registry.catalog);
  if (!root) throw invalid('Cette application ne déclare pas de dossiers clients (aucun module racine).');
  return service.table(root.name).table;
}

async function grantsOf(m: EntityManager, service: AccessService, userId: number): Promise<Array<[string, string]>> {
  const rows = await m.query(
    `SELECT a.reference, p.name FROM dossier_grant g JOIN "${dossierTable(service)}" a ON a.id = g.account_id JOIN profile p ON p.id = g.profile_id
      WHERE g.user_id = $1 ORDER BY a.reference`,
    [userId],
  );
  return rows.map((r: { reference: string; name: string }) => [r.reference, r.name]);
}

async function clientProfile(m: EntityManager, id: number, property: string): Promise<{ id: number; name: string }> {
  const [p] = await m.query(`SELECT id, name, audience FROM profile WHERE id = $1`, [id]);
  if (!p) throw invalid(`Aucun profil n° ${id}.`, property);
  if (p.audience !== 'client') throw invalid(`« ${p.name} » est un profil interne : un dossier s'ouvre sous un profil client.`, property);
  return p;
}

async function auditDossiers(
  m: EntityManager,
  service: AccessService,
  ctx: ServiceContext,
  userId: number,
  login: string,
  before: Array<[string, string]>,
): Promise<void> {
  const after = await grantsOf(m, service, userId);
  if (JSON.stringify(before) !== JSON.stringify(after)) await auditSetup(m, ctx, 'update', 'User', userId, login, { dossiers: before }, { dossiers: after });
}

/** A client user holds exactly these grants afterwards (one profile per Account). */
export async function setDossierGrants(service: AccessService, ctx: ServiceContext, userId: number, grants: DossierGrantInput[]): Promise<void> {
  requireCapability(ctx.actor, 'manageUsers');
  let login = `n° ${userId}`;
  await seatGuarded(
    service,
    ctx,
    () => ({ change: 'dossierGrants', text: `Dossiers de l'utilisateur client ${login}` }),
    async (m) => {
      const [user] = await m.query(`SELECT id, login, kind FROM app_user WHERE id = $1 FOR UPDATE`, [userId]);
      login = user?.login ?? login;
      if (!user) throw new Refusal('notFound', `Aucun utilisateur n° ${userId}. ${NOTHING_CHANGED}`);
      if (user.kind !== 'client') throw invalid(`${user.login} est un utilisateur interne : seuls les utilisateurs clients ont des dossiers.`, 'dossiers');
      const seen = new Set<number>();
      for (const [i, g] of grants.entries()) {
        if (seen.has(g.accountId)) throw invalid(`Deux profils pour le même compte (dossier ${i + 1}) : un seul profil par dossier.`, 'dossiers');
        seen.add(g.accountId);
        const [account] = await m.query(`SELECT id FROM "${dossierTable(service)}" WHERE id = $1`, [g.accountId]);
        if (!account) throw invalid(`Aucun compte n° ${g.accountId} (dossier ${i + 1}).`, 'dossiers');
        await clientProfile(m, g.profileId, 'dossiers');
      }
      const before = await grantsOf(m, service, userId);
      await m.query(`DELETE FROM dossier_grant WHERE user_id = $1`, [userId]);
      for (const g of grants)
        await m.query(`INSERT INTO dossier_grant (user_id, account_id, profile_id) VALUES ($1, $2, $3)`, [userId, g.accountId, g.profileId]);
      await auditDossiers(m, service, ctx, userId, user.login, before);
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
  return seatGuarded(service, ctx, { change: 'dossierGrants', text: `Dossiers du profil client n° ${fromId} transférés au n° ${toId}` }, async (m) => {
    await clientProfile(m, fromId, 'from');
    await clientProfile(m, toId, 'to');
    if (fromId === toId) throw invalid('Choisissez un autre profil que celui de départ.', 'to');
    const pairs = await clientProfilePairs(service, fromId, m);
    const users = new Map(pairs.map((p) => [p.userId, p.login]));
    const before = new Map<number, Array<[string, string]>>();
    for (const id of users.keys()) before.set(id, await grantsOf(m, service, id));
    await m.query(`UPDATE dossier_grant SET profile_id = $2 WHERE profile_id = $1`, [fromId, toId]);
    for (const [id, login] of users) await auditDossiers(m, service, ctx, id, login, before.get(id)!);
    return pairs;
  });
}

/** "Transférer un utilisateur (avancé)": one user, one dossier, a new client profile. */
export async function transferOneDossier(service: AccessService, ctx: ServiceContext, userId: number, accountId: number, toId: number): Promise<void> {
  requireCapability(ctx.actor, 'manageUsers');
  await seatGuarded(
    service,
    ctx,
    { change: 'dossierGrants', text: `Dossier n° ${accountId} de l'utilisateur n° ${userId} transféré au profil n° ${toId}` },
    async (m) => {
      await clientProfile(m, toId, 'to');
      const [user] = await m.query(`SELECT login FROM app_user WHERE id = $1`, [userId]);
      const before = user ? await grantsOf(m, service, userId) : [];
      const [, count] = await m.query(`UPDATE dossier_grant SET profile_id = $3 WHERE user_id = $1 AND account_id = $2`, [userId, accountId, toId]);
      if (!user || !count) throw new Refusal('notFound', `Cet utilisateur n'a pas de dossier sur le compte n° ${accountId}. ${NOTHING_CHANGED}`);
      await auditDossiers(m, service, ctx, userId, user.login, before);
    },
  );
}

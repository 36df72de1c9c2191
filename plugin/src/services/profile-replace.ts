import type { EntityManager } from 'typeorm';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { assertKeepsOwnAdministration, capabilitiesOf } from '../adapters/postgres/safeguards.js';
import { auditSetup } from './actor.js';
import { invalidIn, missingIn, requireCapability } from '../core/refusals.js';
import { roleSnapshot } from './role-writes.js';
import { seatGuarded } from './seats.js';
import { delegated } from './delegation.js';
import type { ServiceContext } from './context.js';

export interface ProfileHolders {
  roles: Array<{ id: number; name: string; users: number }>;
  users: Array<{ id: number; login: string; firstName: string | null; lastName: string | null; status: string; roleId: number; role: string }>;
}

/** The roles that hold a profile and the users of those roles: who a change of the profile reaches. */
export async function profileHolders(m: EntityManager | AccessService['ds'], profileId: number): Promise<ProfileHolders> {
  const roles = await m.query(
    `SELECT r.id, r.name, (SELECT count(*)::int FROM app_user u WHERE u.role_id = r.id) AS users
       FROM role_profile rp JOIN role r ON r.id = rp.role_id WHERE rp.profile_id = $1 ORDER BY r.name`,
    [profileId],
  );
  const users = await m.query(
    `SELECT u.id, u.login, u.first_name AS "firstName", u.last_name AS "lastName", u.status, r.id AS "roleId", r.name AS role
       FROM role_profile rp JOIN role r ON r.id = rp.role_id JOIN app_user u ON u.role_id = r.id
      WHERE rp.profile_id = $1 ORDER BY u.last_name, u.first_name, u.login`,
    [profileId],
  );
  return { roles, users };
}

/**
 * "Remplacer ce profil": every role that holds `fromId` holds `toId` instead, in one transaction
 * (the internal form of "transfer all users": a user's profiles are their role's). The safeguards
 * apply as to any change of a role's profiles; each role changed is an audit entry.
 */
export async function replaceProfileInRoles(service: AccessService, ctx: ServiceContext, fromId: number, toId: number): Promise<ProfileHolders> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageAccess');
  return seatGuarded(service, ctx, { change: 'roleProfiles', said: { code: 'profileReplaced', fromId, toId } }, (m) =>
    delegated(m, ua, async () => {
      const found = await m.query(`SELECT id, name, audience FROM profile WHERE id = ANY($1::int[]) FOR UPDATE`, [[fromId, toId]]);
      const from = found.find((p: { id: number }) => p.id === fromId);
      const to = found.find((p: { id: number }) => p.id === toId);
      if (!from) throw missingIn({ fr: `Aucun profil n° ${fromId}.`, en: `No profile #${fromId}.` });
      if (!to || fromId === toId)
        throw invalidIn({ fr: `Choisissez un autre profil que ${from.name}.`, en: `Choose a profile other than ${from.name}.` }, 'to');
      if (from.audience !== 'internal' || to.audience !== 'internal') {
        throw invalidIn(
          {
            fr: 'Les rôles ne reçoivent que des profils internes ; les profils clients se transfèrent par dossier (page Accès clients).',
            en: 'Roles take only internal profiles; client profiles are moved dossier by dossier (Client access page).',
          },
          'to',
        );
      }
      const affected = await profileHolders(m, fromId);
      const before = (await capabilitiesOf(m, ua.user.id)).capabilities;
      for (const role of affected.roles) {
        const was = await roleSnapshot(m, role.id);
        await m.query(`INSERT INTO role_profile (role_id, profile_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [role.id, toId]);
        await m.query(`DELETE FROM role_profile WHERE role_id = $1 AND profile_id = $2`, [role.id, fromId]);
        await auditSetup(m, ctx, 'update', 'Role', role.id, role.name, was, await roleSnapshot(m, role.id));
      }
      await assertKeepsOwnAdministration(m, ua.user.id, before);
      return affected;
    }),
  );
}

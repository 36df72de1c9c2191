import type { EntityManager } from 'typeorm';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { assertKeepsOwnAdministration, capabilitiesOf } from '../adapters/postgres/safeguards.js';
import { auditSetup, snapshot } from './actor.js';
import { countEn, countFr, invalidIn, missingIn, requireCapability } from '../core/refusals.js';
import { seatGuarded } from './seats.js';
import { delegated, refuseAdminAccounts } from './delegation.js';
import { freeName } from './setup-names.js';
import type { ServiceContext } from './context.js';

const ONE_PROFILE = { fr: 'Un rôle a au moins un profil.', en: 'A role has at least one profile.' };

export async function roleSnapshot(m: EntityManager, id: number): Promise<Record<string, unknown> | null> {
  const row = await snapshot(m, 'role', id);
  if (!row) return null;
  const profiles = await m.query(`SELECT array_agg(profile_id ORDER BY profile_id) AS ids FROM role_profile WHERE role_id = $1`, [id]);
  return { ...row, profileIds: profiles[0]?.ids ?? [] };
}

export interface RoleInput {
  name?: string;
  parentId?: number | null;
  profileIds?: number[];
}

async function descendants(m: EntityManager, id: number): Promise<number[]> {
  return (await m.query(`SELECT descendant_id FROM role_closure WHERE ancestor_id = $1`, [id])).map((r: { descendant_id: number }) => r.descendant_id);
}

/** Creates (id null) or changes a role: its name, its place in the tree, its profiles. */
export async function saveRole(service: AccessService, ctx: ServiceContext, id: number | null, input: RoleInput): Promise<number> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageAccess');
  let causeName = input.name ?? `n° ${id}`;
  return seatGuarded(
    service,
    ctx,
    () => ({ change: 'roleProfiles' as const, said: { code: 'roleProfiles', role: causeName } }),
    (m) =>
      delegated(m, ua, async () => {
        const [current] = id === null ? [null] : await m.query(`SELECT id, name, parent_id FROM role WHERE id = $1 FOR UPDATE`, [id]);
        if (id !== null && !current) throw missingIn({ fr: `Aucun rôle n° ${id}.`, en: `No role #${id}.` });
        const name = input.name === undefined && current ? current.name : await freeName(m, 'role', input.name ?? '', id);
        causeName = name;
        const parentId = input.parentId === undefined ? (current?.parent_id ?? null) : input.parentId;
        if (parentId !== null) {
          const [parent] = await m.query(`SELECT id, name FROM role WHERE id = $1`, [parentId]);
          if (!parent) throw invalidIn({ fr: `Aucun rôle n° ${parentId}.`, en: `No role #${parentId}.` }, 'parentId');
          if (id !== null && (await descendants(m, id)).includes(parentId)) {
            throw invalidIn(
              {
                fr: `Impossible de placer ${name} sous ${parent.name} : ${parent.name} est ${parentId === id ? 'ce rôle lui-même' : 'un de ses subordonnés'}.`,
                en: `${name} cannot be placed under ${parent.name}: ${parent.name} is ${parentId === id ? 'this role itself' : 'one of its subordinates'}.`,
              },
              'parentId',
            );
          }
        }
        if (input.profileIds !== undefined) {
          if (!input.profileIds.length) throw invalidIn(ONE_PROFILE, 'profileIds');
          const found = await m.query(`SELECT id, audience FROM profile WHERE id = ANY($1::int[])`, [input.profileIds]);
          if (found.length !== new Set(input.profileIds).size)
            throw invalidIn({ fr: 'Un des profils choisis n’existe pas.', en: 'One of the chosen profiles does not exist.' }, 'profileIds');
          if (found.some((p: { audience: string }) => p.audience !== 'internal'))
            throw invalidIn(
              {
                fr: 'Un rôle ne reçoit que des profils internes (les profils clients vont aux dossiers).',
                en: 'A role takes only internal profiles (client profiles go to dossiers).',
              },
              'profileIds',
            );
        } else if (id === null) {
          throw invalidIn(ONE_PROFILE, 'profileIds');
        }
        const before = (await capabilitiesOf(m, ua.user.id)).capabilities;
        const was = id === null ? null : await roleSnapshot(m, id);
        let roleId = id;
        if (id === null) {
          [{ id: roleId }] = await m.query(`INSERT INTO role (name, parent_id) VALUES ($1, $2) RETURNING id`, [name, parentId]);
        } else if (name !== current.name || parentId !== current.parent_id) {
          await m.query(`UPDATE role SET name = $1, parent_id = $2 WHERE id = $3`, [name, parentId, id]);
        }
        if (input.profileIds !== undefined) {
          await m.query(`DELETE FROM role_profile WHERE role_id = $1 AND NOT (profile_id = ANY($2::int[]))`, [roleId, input.profileIds]);
          await m.query(`INSERT INTO role_profile (role_id, profile_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`, [roleId, input.profileIds]);
        }
        await assertKeepsOwnAdministration(m, ua.user.id, before);
        await auditSetup(m, ctx, id === null ? 'create' : 'update', 'Role', roleId!, name, was, await roleSnapshot(m, roleId!));
        return roleId!;
      }),
  );
}

/** The sharing rules that name a role or team: deleted with it, listed before (the confirmation). */
export async function rulesNaming(
  m: EntityManager | AccessService['ds'],
  kind: 'role' | 'team',
  id: number,
): Promise<Array<{ id: number; name: string | null; module: string }>> {
  return m.query(
    `SELECT id, name, module FROM sharing_rule WHERE ${kind === 'role' ? 'from_role_id = $1 OR to_role_id = $1' : 'from_team_id = $1 OR to_team_id = $1'} ORDER BY id`,
    [id],
  );
}

/**
 * Deleting a role names the role that takes its users and child roles; the sharing rules that
 * name it are deleted with it.
 */
export async function deleteRole(
  service: AccessService,
  ctx: ServiceContext,
  id: number,
  heirId: number | null,
): Promise<Array<{ id: number; name: string | null; module: string }>> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageAccess');
  // Its users move to the heir role: a role of a higher tier takes seats there.
  return seatGuarded(service, ctx, { change: 'roleChange', said: { code: 'roleDeleted', id, heirId } }, (m) =>
    delegated(m, ua, async () => {
      const [role] = await m.query(`SELECT id, name FROM role WHERE id = $1 FOR UPDATE`, [id]);
      if (!role) throw missingIn({ fr: `Aucun rôle n° ${id}.`, en: `No role #${id}.` });
      // Its users move to the heir role: an admin among them is an admin account changed (their role),
      // which only admins do — refused before anything else (docs/spec/access-model.md).
      const members = await m.query(`SELECT id FROM app_user WHERE role_id = $1 FOR UPDATE`, [id]); // held: none becomes admin meanwhile
      await refuseAdminAccounts(
        m,
        ua,
        members.map((u: { id: number }) => u.id),
      );
      const [{ users, children }] = await m.query(
        `SELECT (SELECT count(*)::int FROM app_user WHERE role_id = $1) AS users, (SELECT count(*)::int FROM role WHERE parent_id = $1) AS children`,
        [id],
      );
      if (users + children > 0) {
        if (!heirId)
          throw invalidIn(
            {
              fr: `Le rôle ${role.name} a ${countFr(users, 'utilisateur')} et ${countFr(children, 'rôle subordonné', 'rôles subordonnés')} : désignez le rôle qui les reprend.`,
              en: `The role ${role.name} has ${countEn(users, 'user')} and ${countEn(children, 'subordinate role')}: choose the role that takes them over.`,
            },
            'heirId',
          );
        const [heir] = await m.query(`SELECT id, name FROM role WHERE id = $1`, [heirId]);
        if (!heir) throw invalidIn({ fr: `Aucun rôle n° ${heirId}.`, en: `No role #${heirId}.` }, 'heirId');
        if ((await descendants(m, id)).includes(heirId))
          throw invalidIn(
            {
              fr: `Le rôle ${heir.name} est ${heirId === id ? 'celui que vous supprimez' : `sous ${role.name}`} : choisissez un autre rôle.`,
              en: `The role ${heir.name} is ${heirId === id ? 'the one you are deleting' : `under ${role.name}`}: choose another role.`,
            },
            'heirId',
          );
      }
      const before = (await capabilitiesOf(m, ua.user.id)).capabilities;
      const rules = await rulesNaming(m, 'role', id);
      if (heirId) {
        await m.query(`UPDATE app_user SET role_id = $2 WHERE role_id = $1`, [id, heirId]);
        await m.query(`UPDATE role SET parent_id = $2 WHERE parent_id = $1`, [id, heirId]);
      }
      const was = await roleSnapshot(m, id);
      await m.query(`DELETE FROM role WHERE id = $1`, [id]);
      await assertKeepsOwnAdministration(m, ua.user.id, before);
      await auditSetup(m, ctx, 'delete', 'Role', id, role.name, was, { heirId, rulesDeleted: rules.map((r) => r.id) });
      return rules;
    }),
  );
}

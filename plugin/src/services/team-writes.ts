import type { EntityManager } from 'typeorm';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { q } from '../adapters/postgres/condition-sql.js';
import { auditSetup, snapshot } from './actor.js';
import { countEn, countFr, invalidIn, missingIn, requireCapability } from '../core/refusals.js';
import { rulesNaming } from './role-writes.js';
import { fromTeam, handOver } from './heir-transfer.js';
import { delegated } from './delegation.js';
import { freeName } from './setup-names.js';
import type { ServiceContext } from './context.js';

export interface TeamInput {
  name?: string;
  description?: string;
  userIds?: number[];
  roleIds?: number[];
  subtreeRoleIds?: number[];
  teamIds?: number[];
}

async function allExist(m: EntityManager, table: string, ids: number[]): Promise<boolean> {
  if (!ids.length) return true;
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::int[])`, [ids]);
  return n === new Set(ids).size;
}

/** Creates (id null) or changes a team and its members of the four kinds; nesting may not loop. */
export async function saveTeam(service: AccessService, ctx: ServiceContext, id: number | null, input: TeamInput): Promise<number> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageAccess');
  return service.ds.transaction((m) =>
    delegated(m, ua, async () => {
      const [current] = id === null ? [null] : await m.query(`SELECT id, name, description FROM team WHERE id = $1 FOR UPDATE`, [id]);
      if (id !== null && !current) throw missingIn({ fr: `Aucune équipe n° ${id}.`, en: `No team #${id}.` });
      const name = input.name === undefined && current ? current.name : await freeName(m, 'team', input.name ?? '', id);
      if (!(await allExist(m, 'app_user', input.userIds ?? [])))
        throw invalidIn({ fr: 'Un des utilisateurs choisis n’existe pas.', en: 'One of the chosen users does not exist.' }, 'userIds');
      if (!(await allExist(m, 'role', [...(input.roleIds ?? []), ...(input.subtreeRoleIds ?? [])])))
        throw invalidIn({ fr: 'Un des rôles choisis n’existe pas.', en: 'One of the chosen roles does not exist.' }, 'roleIds');
      if (!(await allExist(m, 'team', input.teamIds ?? [])))
        throw invalidIn({ fr: 'Une des équipes choisies n’existe pas.', en: 'One of the chosen teams does not exist.' }, 'teamIds');
      if (id !== null && input.teamIds?.length) {
        // A team may not contain itself, directly or through the teams it contains.
        const inside = (await m.query(`SELECT ancestor_id FROM team_closure WHERE descendant_id = $1`, [id])).map(
          (r: { ancestor_id: number }) => r.ancestor_id,
        );
        const loop = input.teamIds.find((t) => inside.includes(t));
        if (loop !== undefined)
          throw invalidIn(
            {
              fr: `Imbrication impossible : l'équipe n° ${loop} contient déjà ${name} (boucle).`,
              en: `Cannot nest: team #${loop} already contains ${name} (loop).`,
            },
            'teamIds',
          );
      }
      const was = id === null ? null : await snapshot(m, 'team', id);
      let teamId = id;
      if (id === null) {
        [{ id: teamId }] = await m.query(`INSERT INTO team (name, description) VALUES ($1, $2) RETURNING id`, [name, input.description ?? '']);
      } else {
        await m.query(`UPDATE team SET name = $1, description = $2 WHERE id = $3`, [name, input.description ?? current.description, id]);
      }
      const replace = async (table: string, column: string, ids: number[] | undefined, extra = '', extraValue?: boolean) => {
        if (ids === undefined) return;
        await m.query(`DELETE FROM ${table} WHERE team_id = $1 ${extra ? `AND with_subordinates = ${extraValue}` : ''}`, [teamId]);
        if (ids.length) {
          await m.query(
            `INSERT INTO ${table} (team_id, ${column}${extra}) SELECT $1, unnest($2::int[])${extra ? `, ${extraValue}` : ''} ON CONFLICT DO NOTHING`,
            [teamId, ids],
          );
        }
      };
      await replace('team_user', 'user_id', input.userIds);
      await replace('team_role', 'role_id', input.roleIds, ', with_subordinates', false);
      await replace('team_role', 'role_id', input.subtreeRoleIds, ', with_subordinates', true);
      await replace('team_team', 'member_team_id', input.teamIds);
      const members = Object.fromEntries(Object.entries(input).filter(([k, v]) => k.endsWith('Ids') && v !== undefined));
      await auditSetup(m, ctx, id === null ? 'create' : 'update', 'Team', teamId!, name, was, { ...(await snapshot(m, 'team', teamId!)), ...members });
      return teamId!;
    }),
  );
}

/**
 * Deleting a team names the user or team that takes its records; the sharing rules that name it
 * are deleted with it.
 */
export async function deleteTeam(
  service: AccessService,
  ctx: ServiceContext,
  id: number,
  heir: { userId?: number; teamId?: number },
): Promise<Array<{ id: number; name: string | null; module: string }>> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageAccess');
  return service.ds.transaction((m) =>
    delegated(m, ua, async () => {
      const [team] = await m.query(`SELECT id, name FROM team WHERE id = $1 FOR UPDATE`, [id]);
      if (!team) throw missingIn({ fr: `Aucune équipe n° ${id}.`, en: `No team #${id}.` });
      const owned = service.registry.names.map((n) => service.table(n)).filter((t) => t.spec.owner.kind === 'userOrTeam');
      let count = 0;
      for (const t of owned) {
        const teamField = t.spec.owner.kind === 'userOrTeam' ? t.spec.owner.teamField : '';
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM ${q(t.table)} WHERE ${q(t.column(teamField))} = $1`, [id]);
        count += n;
      }
      if (count > 0) {
        if (!heir.userId === !heir.teamId)
          throw invalidIn(
            {
              fr: `L'équipe ${team.name} possède ${countFr(count, 'enregistrement')} : désignez l'utilisateur ou l'équipe qui les reprend.`,
              en: `The team ${team.name} owns ${countEn(count, 'record')}: choose the user or team that takes them over.`,
            },
            'heirId',
          );
        if (heir.teamId === id) throw invalidIn({ fr: "L'héritière doit être une autre équipe.", en: 'The heir must be another team.' }, 'heirId');
        const ok = heir.userId
          ? (await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND kind = 'internal'`, [heir.userId])).length
          : (await m.query(`SELECT 1 FROM team WHERE id = $1`, [heir.teamId])).length;
        if (!ok)
          throw invalidIn(
            {
              fr: `Aucun${heir.userId ? ' utilisateur' : 'e équipe'} n° ${heir.userId ?? heir.teamId} pour reprendre les enregistrements.`,
              en: `No ${heir.userId ? 'user' : 'team'} #${heir.userId ?? heir.teamId} to take over the records.`,
            },
            'heirId',
          );
        await handOver(service, m, ctx, fromTeam(id, heir), `Repris de l'équipe ${team.name}, supprimée.`);
      }
      const rules = await rulesNaming(m, 'team', id);
      const was = await snapshot(m, 'team', id);
      await m.query(`DELETE FROM team WHERE id = $1`, [id]);
      await auditSetup(m, ctx, 'delete', 'Team', id, team.name, was, { heir, rulesDeleted: rules.map((r) => r.id) });
      return rules;
    }),
  );
}

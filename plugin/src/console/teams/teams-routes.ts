import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { Refusal } from '../../core/refusal.js';
import { rulesNaming } from '../../services/role-writes.js';
import { deleteTeam, saveTeam } from '../../services/team-writes.js';
import { serviceContext } from '../../adapters/adminjs/request-context.js';
import { id } from '../common/respond.js';
import { manageAccessOnly } from '../roles/roles-routes.js';
import { newRouter } from '../../adapters/web/routers.js';

const ids = z.array(id).max(2000);
const draft = z.strictObject({ userIds: ids, roleIds: ids, subtreeRoleIds: ids, teamIds: ids });
const name = z.string().trim().min(1).max(120);
const description = z.string().max(2000).optional();
const create = z.strictObject({ name, description });
const change = z.strictObject({ name: name.optional(), description, ...draft.partial().shape });
const removal = z.strictObject({ heirUserId: id.optional(), heirTeamId: id.optional() });

type Draft = z.infer<typeof draft>;

/**
 * members(T) of a draft, with how each user gets in. The first three kinds are the branches of
 * portier_refresh_team_members (the trigger that fills team_member), applied to the draft's own
 * lists; nested teams are read from team_member itself, the engine's resolution (transitive).
 * For a saved draft the users are exactly team_member's (the tests compare them).
 */
async function effectiveMembers(service: AccessService, d: Draft) {
  return service.ds.query(
    `WITH via (user_id, kind, source) AS (
       SELECT u.id, 'user', NULL::text FROM app_user u WHERE u.id = ANY ($1::int[])
       UNION ALL
       SELECT u.id, 'role', r.name FROM app_user u JOIN role r ON r.id = u.role_id WHERE u.role_id = ANY ($2::int[])
       UNION ALL
       SELECT u.id, 'subtree', r.name FROM role_closure rc JOIN role r ON r.id = rc.ancestor_id
         JOIN app_user u ON u.role_id = rc.descendant_id WHERE rc.ancestor_id = ANY ($3::int[])
       UNION ALL
       SELECT tm.user_id, 'team', t.name FROM team_member tm JOIN team t ON t.id = tm.team_id WHERE tm.team_id = ANY ($4::int[])
     )
     SELECT u.id, u.login, u.first_name AS "firstName", u.last_name AS "lastName", u.status, r.name AS role,
            json_agg(DISTINCT jsonb_build_object('kind', v.kind, 'source', v.source)) AS via
       FROM via v JOIN app_user u ON u.id = v.user_id LEFT JOIN role r ON r.id = u.role_id
      GROUP BY u.id, r.name ORDER BY u.last_name, u.first_name, u.login`,
    [d.userIds, d.roleIds, d.subtreeRoleIds, d.teamIds],
  );
}

/** Teams and their members of the four kinds (docs/spec/access-model.md, Team): read in SQL, written by saveTeam / deleteTeam. */
export function teamsRoutes(service: AccessService): Router {
  const router = newRouter();
  const teamName = async (teamId: number): Promise<string> => (await service.ds.query(`SELECT name FROM team WHERE id = $1`, [teamId]))[0]?.name ?? `n° ${teamId}`;

  // The teams (with their effective member count, from team_member) and what the pickers offer.
  router.get('/teams', manageAccessOnly(async (_req, res) => {
    const [teams, users, roles] = await Promise.all([
      service.ds.query(
        `SELECT t.id, t.name, t.description, (SELECT count(*)::int FROM team_member tm WHERE tm.team_id = t.id) AS members
           FROM team t ORDER BY t.name`),
      service.ds.query(
        `SELECT u.id, u.login, u.first_name AS "firstName", u.last_name AS "lastName", r.name AS role
           FROM app_user u LEFT JOIN role r ON r.id = u.role_id WHERE u.kind = 'internal' ORDER BY u.last_name, u.first_name, u.login`),
      service.ds.query(`SELECT id, name FROM role ORDER BY name`),
    ]);
    res.json({ teams, users, roles });
  }));

  // One team: its own lists of the four kinds, the teams that contain it (itself included: the
  // nesting picker leaves them out, saveTeam refuses the loop anyway) and its saved members.
  router.get('/teams/:id', manageAccessOnly(async (req, res) => {
    const teamId = id.parse(req.params.id);
    const [team] = await service.ds.query(
      `SELECT t.id, t.name, t.description,
              ARRAY(SELECT user_id FROM team_user WHERE team_id = t.id ORDER BY user_id) AS "userIds",
              ARRAY(SELECT role_id FROM team_role WHERE team_id = t.id AND NOT with_subordinates ORDER BY role_id) AS "roleIds",
              ARRAY(SELECT role_id FROM team_role WHERE team_id = t.id AND with_subordinates ORDER BY role_id) AS "subtreeRoleIds",
              ARRAY(SELECT member_team_id FROM team_team WHERE team_id = t.id ORDER BY member_team_id) AS "teamIds",
              ARRAY(SELECT ancestor_id FROM team_closure WHERE descendant_id = t.id) AS "containedIn",
              ARRAY(SELECT user_id FROM team_member WHERE team_id = t.id ORDER BY user_id) AS "memberIds"
         FROM team t WHERE t.id = $1`, [teamId]);
    if (!team) throw new Refusal('notFound', `Aucune équipe n° ${teamId}.`);
    res.json({ team, rules: await rulesNaming(service.ds, 'team', teamId) });
  }));

  // The members a draft would have, before it is saved (nothing is written).
  router.post('/teams/preview', manageAccessOnly(async (req, res) => {
    res.json({ members: await effectiveMembers(service, draft.parse(req.body)) });
  }));

  router.post('/teams', manageAccessOnly(async (req, res) => {
    const input = create.parse(req.body);
    const teamId = await saveTeam(service, serviceContext(), null, input);
    res.json({ id: teamId, message: `Équipe « ${input.name} » créée.` });
  }));

  router.put('/teams/:id', manageAccessOnly(async (req, res) => {
    const teamId = id.parse(req.params.id);
    await saveTeam(service, serviceContext(), teamId, change.parse(req.body));
    res.json({ ok: true, message: `Équipe ${await teamName(teamId)} enregistrée.` });
  }));

  // deleteTeam wants an heir (a user or a team) only when the team owns records; it says so.
  router.delete('/teams/:id', manageAccessOnly(async (req, res) => {
    const teamId = id.parse(req.params.id);
    const { heirUserId, heirTeamId } = removal.parse(req.body ?? {});
    const label = await teamName(teamId);
    const rules = await deleteTeam(service, serviceContext(), teamId, { userId: heirUserId, teamId: heirTeamId });
    const parts = [`Équipe ${label} supprimée.`];
    if (rules.length) parts.push(`Règle(s) de partage supprimée(s) avec elle : ${rules.map((r) => r.name ?? `n° ${r.id}`).join(', ')}.`);
    res.json({ ok: true, rules, message: parts.join(' ') });
  }));

  return router;
}

import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { absentIn } from '../../core/refusals.js';
import { rulesNaming } from '../../services/role-writes.js';
import { deleteTeam, saveTeam } from '../../services/team-writes.js';
import { serviceContext } from '../../adapters/adminjs/request-context.js';
import { id, inReaderLanguage } from '../common/respond.js';
import { manageAccessOnly } from '../roles/roles-routes.js';
import { newRouter } from '../../adapters/web/routers.js';
import { teamDetail, teamEffectiveMembers, teamName, teamsPage } from '../../adapters/postgres/read-models/teams.js';
import { answerPreview, wantsPreview } from '../access-preview/preview-answer.js';

const ids = z.array(id).max(2000);
const draft = z.strictObject({ userIds: ids, roleIds: ids, subtreeRoleIds: ids, teamIds: ids });
const name = z.string().trim().min(1).max(120);
const description = z.string().max(2000).optional();
const create = z.strictObject({ name, description });
const change = z.strictObject({ name: name.optional(), description, ...draft.partial().shape });
const removal = z.strictObject({ heirUserId: id.optional(), heirTeamId: id.optional() });

/** Teams and their members of the four kinds (docs/spec/access-model.md, Team): read from read-models/teams.ts, written by saveTeam / deleteTeam. */
export function teamsRoutes(service: AccessService): Router {
  const router = newRouter();
  const nameOf = async (teamId: number): Promise<string> => (await teamName(service.ds, teamId)) ?? `n° ${teamId}`;

  // The teams (with their effective member count, from team_member) and what the pickers offer.
  router.get(
    '/teams',
    manageAccessOnly(async (_req, res) => {
      res.json(await teamsPage(service.ds));
    }),
  );

  // One team: its own lists of the four kinds, the teams that contain it (itself included: the
  // nesting picker leaves them out, saveTeam refuses the loop anyway) and its saved members.
  router.get(
    '/teams/:id',
    manageAccessOnly(async (req, res) => {
      const teamId = id.parse(req.params.id);
      const team = await teamDetail(service.ds, teamId);
      if (!team) throw absentIn({ fr: `Aucune équipe n° ${teamId}.`, en: `No team #${teamId}.` });
      res.json({ team, rules: await rulesNaming(service.ds, 'team', teamId) });
    }),
  );

  // The members a draft would have, before it is saved (nothing is written).
  router.post(
    '/teams/preview',
    manageAccessOnly(async (req, res) => {
      res.json({ members: await teamEffectiveMembers(service.ds, draft.parse(req.body)) });
    }),
  );

  router.post(
    '/teams',
    manageAccessOnly(async (req, res) => {
      const input = create.parse(req.body);
      const teamId = await saveTeam(service, serviceContext(), null, input);
      res.json({ id: teamId, message: `Équipe « ${input.name} » créée.` });
    }),
  );

  router.put(
    '/teams/:id',
    manageAccessOnly(async (req, res) => {
      const teamId = id.parse(req.params.id);
      const input = change.parse(req.body);
      if (wantsPreview(req)) return answerPreview(req, res, service, (inside) => saveTeam(inside, { ...serviceContext(), confirmSeats: true }, teamId, input));
      await saveTeam(service, serviceContext(), teamId, input);
      res.json({ ok: true, message: `Équipe ${await nameOf(teamId)} enregistrée.` });
    }),
  );

  // deleteTeam wants an heir (a user or a team) only when the team owns records; it says so.
  router.delete(
    '/teams/:id',
    manageAccessOnly(async (req, res) => {
      const teamId = id.parse(req.params.id);
      const { heirUserId, heirTeamId } = removal.parse(req.body ?? {});
      const label = await nameOf(teamId);
      const rules = await deleteTeam(service, serviceContext(), teamId, { userId: heirUserId, teamId: heirTeamId });
      const parts = [inReaderLanguage({ fr: `Équipe ${label} supprimée.`, en: `Team ${label} deleted.` })];
      if (rules.length) {
        const names = rules.map((r) => r.name ?? `n° ${r.id}`).join(', ');
        parts.push(
          inReaderLanguage({
            fr: `${rules.length > 1 ? 'Règles de partage supprimées' : 'Règle de partage supprimée'} avec elle : ${names}.`,
            en: `${rules.length > 1 ? 'Sharing rules' : 'Sharing rule'} deleted with it: ${names}.`,
          }),
        );
      }
      res.json({ ok: true, rules, message: parts.join(' ') });
    }),
  );

  return router;
}

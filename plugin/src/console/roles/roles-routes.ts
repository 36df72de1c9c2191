import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { countEn, countFr, missingIn } from '../../core/refusals.js';
import { deleteRole, rulesNaming, saveRole } from '../../services/role-writes.js';
import { serviceContext } from '../../adapters/adminjs/request-context.js';
import { guardedBy, id, inReaderLanguage } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';
import { roleDeletion, roleName, roleProfileChoices, roleTree } from '../../adapters/postgres/read-models/roles.js';
import { answerPreview, wantsPreview } from '../access-preview/preview-answer.js';

const name = z.string().trim().min(1).max(120);
const profileIds = z.array(id).max(100);
const create = z.strictObject({ name, parentId: id.nullable(), profileIds });
const change = z.strictObject({ name: name.optional(), parentId: id.nullable().optional(), profileIds: profileIds.optional() });
const removal = z.strictObject({ heirId: id.nullable().optional() });

/**
 * The handlers of the roles and teams pages: only for `manageAccess` (or an admin). The services
 * check it again (they are the enforcement); checking here first also keeps the reads private.
 */
export const manageAccessOnly = guardedBy(['manageAccess']);

/** The role tree (ROLE in docs/spec/access-model.md): read from read-models/roles.ts, every write through saveRole / deleteRole. */
export function rolesRoutes(service: AccessService): Router {
  const router = newRouter();
  const nameOf = async (roleId: number): Promise<string> => (await roleName(service.ds, roleId)) ?? `n° ${roleId}`;

  // Every role with its parent, profiles and users (its own, and with its whole subtree), and the
  // internal profiles a role may receive (the default one is pre-selected for a new role).
  router.get(
    '/roles',
    manageAccessOnly(async (_req, res) => {
      const roles = await roleTree(service.ds);
      const profiles = await roleProfileChoices(service.ds);
      res.json({ roles, profiles });
    }),
  );

  router.post(
    '/roles',
    manageAccessOnly(async (req, res) => {
      const input = create.parse(req.body);
      const roleId = await saveRole(service, serviceContext(), null, input);
      res.json({ id: roleId, message: `Rôle « ${input.name} » créé${input.parentId ? ` sous ${await nameOf(input.parentId)}` : ''}.` });
    }),
  );

  // Rename, move (parentId) or change the profiles: saveRole refuses a move under the role itself
  // or one of its descendants, and whatever would take away the actor's own administration.
  router.put(
    '/roles/:id',
    manageAccessOnly(async (req, res) => {
      const roleId = id.parse(req.params.id);
      const input = change.parse(req.body);
      if (wantsPreview(req)) return answerPreview(req, res, service, (inside) => saveRole(inside, { ...serviceContext(), confirmSeats: true }, roleId, input));
      await saveRole(service, serviceContext(), roleId, input);
      const label = await nameOf(roleId);
      const message =
        input.parentId !== undefined && input.parentId !== null ? `Rôle ${label} placé sous ${await nameOf(input.parentId)}.` : `Rôle ${label} enregistré.`;
      res.json({ ok: true, message });
    }),
  );

  // What a deletion will do, for the confirmation: users and sub-roles to hand over, rules deleted with it.
  const deletionOf = async (roleId: number) => {
    const role = await roleDeletion(service.ds, roleId);
    if (!role) throw missingIn({ fr: `Aucun rôle n° ${roleId}.`, en: `No role #${roleId}.` });
    return { ...role, rules: await rulesNaming(service.ds, 'role', roleId) };
  };
  router.get(
    '/roles/:id/deletion',
    manageAccessOnly(async (req, res) => {
      res.json(await deletionOf(id.parse(req.params.id)));
    }),
  );

  router.delete(
    '/roles/:id',
    manageAccessOnly(async (req, res) => {
      const roleId = id.parse(req.params.id);
      const { heirId = null } = removal.parse(req.body ?? {});
      const { name: label, users, children } = await deletionOf(roleId);
      const heir = heirId ? await nameOf(heirId) : null;
      const rules = await deleteRole(service, serviceContext(), roleId, heirId);
      const parts = [inReaderLanguage({ fr: `Rôle ${label} supprimé.`, en: `Role ${label} deleted.` })];
      if (heir && users + children > 0) {
        parts.push(
          inReaderLanguage({
            fr: `${countFr(users, 'utilisateur')} et ${countFr(children, 'rôle subordonné', 'rôles subordonnés')} passent à ${heir}.`,
            en: `${countEn(users, 'user')} and ${countEn(children, 'subordinate role')} move to ${heir}.`,
          }),
        );
      }
      if (rules.length) {
        const names = rules.map((r) => r.name ?? `n° ${r.id}`).join(', ');
        parts.push(
          inReaderLanguage({
            fr: `${rules.length > 1 ? 'Règles de partage supprimées' : 'Règle de partage supprimée'} avec lui : ${names}.`,
            en: `${rules.length > 1 ? 'Sharing rules' : 'Sharing rule'} deleted with it: ${names}.`,
          }),
        );
      }
      res.json({ ok: true, rules, message: parts.join(' ') });
    }),
  );

  return router;
}

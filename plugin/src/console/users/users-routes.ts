import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { absentIn } from '../../core/refusals.js';
import { copyUser, deleteUsers, updateUser } from '../../services/user-writes.js';
import { resendInvitation } from '../../services/invitations.js';
import { mailDate } from '../../core/mail-texts.js';
import { currentAccess, serviceContext } from '../../adapters/adminjs/request-context.js';
import { guardedBy, id } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';
import { heirChoices, userExists, userRole } from '../../adapters/postgres/read-models/users.js';

const copyBody = z.strictObject({
  login: z.string().trim().min(1).max(64),
  email: z.string().trim().min(1).max(254),
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  // None: the copy chooses their own through the invitation.
  password: z
    .string()
    .max(200)
    .optional()
    .transform((p) => p || undefined),
});

/**
 * The user screens' own calls (`manageUsers`): moving a user to another role, copying a user,
 * deactivating or reactivating one, deleting one with an heir. All through the user services, so
 * the safeguards (last active admin, oneself, admin flag for admins only) answer here too.
 */
export function usersRoutes(service: AccessService): Router {
  const router = newRouter();
  const handle = guardedBy(['manageUsers']);

  // The heirs a deletion may name: internal users other than the one deleted.
  router.get(
    '/users/:id/heirs',
    handle(async (req, res) => {
      const userId = id.parse(req.params.id);
      if (!(await userExists(service.ds, userId))) throw absentIn({ fr: 'Utilisateur introuvable.', en: 'User not found.' });
      const heirs = await heirChoices(service.ds, userId);
      res.json({ heirs });
    }),
  );

  router.post(
    '/users/:id/role',
    handle(async (req, res) => {
      const { roleId } = z.strictObject({ roleId: id }).parse(req.body);
      await updateUser(service, serviceContext(), id.parse(req.params.id), { roleId });
      // updateUser has just given the user this role: the row is there.
      const row = (await userRole(service.ds, id.parse(req.params.id)))!;
      res.json({ ok: true, message: `${row.login} a maintenant le rôle ${row.role}.` });
    }),
  );

  router.post(
    '/users/:id/status',
    handle(async (req, res) => {
      const { status } = z.strictObject({ status: z.enum(['active', 'inactive']) }).parse(req.body);
      await updateUser(service, serviceContext(), id.parse(req.params.id), { status });
      res.json({
        ok: true,
        message: status === 'active' ? 'Utilisateur réactivé : il peut se connecter.' : 'Utilisateur désactivé : sa session est close à sa prochaine requête.',
      });
    }),
  );

  // A copy takes the role, organisation and login hours of its model; the admin flag only when an admin copies.
  router.post(
    '/users/:id/copy',
    handle(async (req, res) => {
      const body = copyBody.parse(req.body);
      const created = await copyUser(service, serviceContext(), id.parse(req.params.id), body);
      res.json({ id: created, message: `Utilisateur ${body.login} créé sur le modèle de l'original (rôle, société, service, horaires).` });
    }),
  );

  // "Renvoyer l'invitation": a new link to choose a password, the older ones no longer work.
  router.post(
    '/users/:id/invitation',
    handle(async (req, res) => {
      const sent = await resendInvitation(service, serviceContext(), id.parse(req.params.id));
      const lang = currentAccess()?.access.user.locale === 'en' ? 'en' : 'fr';
      const until = mailDate(sent.expiresAt!, lang);
      res.json({
        ok: true,
        address: sent.address,
        message:
          lang === 'en'
            ? `Invitation sent to ${sent.address}: its link works once, until ${until}. Earlier links no longer work.`
            : `Invitation envoyée à ${sent.address} : son lien sert une fois, jusqu'au ${until}. Les liens précédents ne fonctionnent plus.`,
      });
    }),
  );

  router.delete(
    '/users/:id',
    handle(async (req, res) => {
      const { heirId } = z.strictObject({ heirId: id }).parse(req.body ?? {});
      await deleteUsers(service, serviceContext(), [id.parse(req.params.id)], heirId);
      res.json({ ok: true, message: "Utilisateur supprimé ; ses enregistrements sont passés à l'héritier." });
    }),
  );

  return router;
}

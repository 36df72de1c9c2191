import { type Router } from 'express';
import { z } from 'zod';
import { CAPABILITIES, CONTACT_SCOPES, CONTACT_TYPES, FIELD_ACCESS, INTERNAL_TIERS, MODULE_ACTIONS } from '../../core/model.js';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { countEn, countFr, missingIn } from '../../core/refusals.js';
import { ADMINISTRATOR_PROFILE } from '../../adapters/postgres/system-profiles.js';
import { profileHolders, replaceProfileInRoles } from '../../services/profile-replace.js';
import { deleteProfile, saveProfile, type ProfileInput } from '../../services/profile-writes.js';
import { serviceContext } from '../../adapters/adminjs/request-context.js';
import { guardedBy, holds, id, inReaderLanguage } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';
import { internalProfile, internalProfiles } from '../../adapters/postgres/read-models/profiles.js';
import { roleChoices } from '../../adapters/postgres/read-models/roles.js';
import { answerPreview, wantsPreview } from '../access-preview/preview-answer.js';

// zod 4: a record keyed by an enum is exhaustive; a profile names only some actions and contact types.
const privileges = z.record(z.string(), z.partialRecord(z.enum(MODULE_ACTIONS), z.boolean()));
const profileBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).optional(),
  licenseTier: z.enum(INTERNAL_TIERS),
  viewAll: z.boolean(),
  editAll: z.boolean(),
  capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length),
  modules: privileges,
  contactScopes: z.partialRecord(z.enum(CONTACT_TYPES), z.enum(CONTACT_SCOPES)),
  fields: z.record(z.string(), z.record(z.string(), z.enum(FIELD_ACCESS))),
});

/** Why a profile's delete button is disabled, or null: the reason is the service's own. */
function deleteBlocked(p: { name: string; system: boolean }): string | null {
  if (!p.system) return null;
  return p.name === ADMINISTRATOR_PROFILE
    ? 'Profil système : le profil Administrateur garde tous les droits d’administration et ne se supprime pas.'
    : 'Profil système : il ne peut pas être supprimé.';
}

/**
 * The profiles screen (internal profiles, `manageAccess`): the profiles with their rights, users
 * and roles, what the editor needs to know (modules and their fields, tiers, capabilities), and
 * the writes — all through the set-up services, so every safeguard and the audit apply.
 */
export function profilesRoutes(service: AccessService): Router {
  const router = newRouter();
  const handle = guardedBy(['manageAccess']);

  router.get(
    '/profiles',
    handle(async (_req, res) => {
      const rows = await internalProfiles(service.ds);
      const modules = service.registry.names.map((name) => ({
        name,
        fields: service.registry
          .fields(service.ds, name)
          .map((f) => f.property)
          .filter((f) => f !== 'id'),
      }));
      const roles = await roleChoices(service.ds);
      res.json({
        profiles: rows.map((p) => ({ ...p, deleteBlocked: deleteBlocked(p) })),
        catalog: { modules, tiers: INTERNAL_TIERS, capabilities: CAPABILITIES, contactTypes: CONTACT_TYPES, actions: MODULE_ACTIONS },
        roles,
        // Moving a user to another role is a change of the user (`manageUsers`): the screen offers it only then.
        canMoveUsers: holds('manageUsers'),
      });
    }),
  );

  router.get(
    '/profiles/:id/holders',
    handle(async (req, res) => {
      res.json(await profileHolders(service.ds, id.parse(req.params.id)));
    }),
  );

  // A new profile is a copy of a template (every right and the tier); without one, it grants nothing.
  router.post(
    '/profiles',
    handle(async (req, res) => {
      const { name, templateId } = z.strictObject({ name: z.string().trim().min(1).max(120), templateId: id.optional() }).parse(req.body);
      let input: ProfileInput = { name, audience: 'internal', licenseTier: 'standard' };
      if (templateId) {
        const t = await internalProfile(service.ds, templateId);
        if (!t) throw missingIn({ fr: 'Aucun profil interne de ce numéro pour modèle.', en: 'No internal profile of that number to copy.' });
        input = {
          name,
          description: `Créé à partir de ${t.name}`,
          audience: 'internal',
          licenseTier: t.license_tier,
          viewAll: t.view_all,
          editAll: t.edit_all,
          capabilities: t.capabilities,
          modules: t.modules,
          contactScopes: t.contact_scopes,
          fields: t.fields,
        };
      }
      const created = await saveProfile(service, serviceContext(), null, input);
      res.json({ id: created, message: `Profil « ${name} » créé.` });
    }),
  );

  router.put(
    '/profiles/:id',
    handle(async (req, res) => {
      const [profileId, body] = [id.parse(req.params.id), profileBody.parse(req.body)];
      if (wantsPreview(req))
        return answerPreview(req, res, service, (inside) => saveProfile(inside, { ...serviceContext(), confirmSeats: true }, profileId, body));
      await saveProfile(service, serviceContext(), profileId, body);
      res.json({ ok: true, message: 'Profil enregistré.' });
    }),
  );

  router.post(
    '/profiles/:id/default',
    handle(async (req, res) => {
      await saveProfile(service, serviceContext(), id.parse(req.params.id), { isDefault: true });
      res.json({ ok: true, message: 'Profil par défaut enregistré : il est proposé pour les nouveaux rôles.' });
    }),
  );

  router.post(
    '/profiles/:id/replace',
    handle(async (req, res) => {
      const { to } = z.strictObject({ to: id }).parse(req.body);
      if (wantsPreview(req))
        return answerPreview(req, res, service, (inside) =>
          replaceProfileInRoles(inside, { ...serviceContext(), confirmSeats: true }, id.parse(req.params.id), to),
        );
      const affected = await replaceProfileInRoles(service, serviceContext(), id.parse(req.params.id), to);
      const [roles, users] = [affected.roles.length, affected.users.length];
      const message = inReaderLanguage({
        fr: `Profil remplacé dans ${countFr(roles, 'rôle')}, pour ${countFr(users, 'utilisateur')}.`,
        en: `Profile replaced in ${countEn(roles, 'role')}, for ${countEn(users, 'user')}.`,
      });
      res.json({ ...affected, message });
    }),
  );

  router.delete(
    '/profiles/:id',
    handle(async (req, res) => {
      const { replacementId } = z.strictObject({ replacementId: id.nullable().optional() }).parse(req.body ?? {});
      if (wantsPreview(req))
        return answerPreview(req, res, service, (inside) =>
          deleteProfile(inside, { ...serviceContext(), confirmSeats: true }, id.parse(req.params.id), replacementId ?? null),
        );
      await deleteProfile(service, serviceContext(), id.parse(req.params.id), replacementId ?? null);
      res.json({ ok: true, message: 'Profil supprimé.' });
    }),
  );

  return router;
}

import { type Router } from 'express';
import { z } from 'zod';
import { CLIENT_TIERS, FIELD_ACCESS, MODULE_ACTIONS } from '../../core/model.js';
import { clientTierMaximum, lowestClientTier } from '../../core/license-tiers.js';
import { ownerFields } from '../../core/modules.js';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { missingIn } from '../../core/refusals.js';
import { saveProfile } from '../../services/profile-writes.js';
import { serviceContext } from '../../adapters/adminjs/request-context.js';
import { clientProfile } from '../../adapters/postgres/read-models/clients.js';
import { guardedBy, id } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';
import type { ClientProfileCatalog } from './client-profiles-types.js';
import { answerPreview, wantsPreview } from '../access-preview/preview-answer.js';

// zod 4: a record keyed by an enum is exhaustive; a profile names only some actions.
const clientProfileBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).optional(),
  // The tier is sent back as it is; a different one is the explicit tier change (the screen says who it affects).
  licenseTier: z.enum(CLIENT_TIERS),
  modules: z.record(z.string(), z.partialRecord(z.enum(MODULE_ACTIONS), z.boolean())),
  fields: z.record(z.string(), z.record(z.string(), z.enum(FIELD_ACCESS))),
});

/**
 * The client profile editor (docs/client-access.md, "Restreindre un profil client"): what the
 * matrix needs (each tier's maximum and, per right, the lowest tier that includes it) and the
 * save of a client profile — only module privileges, field access, name, description and tier:
 * a client profile holds nothing else. Changing profiles is `manageAccess`; the service checks
 * the tier bounds and the predefined profiles, and audits the change.
 */
export function clientProfilesRoutes(service: AccessService): Router {
  const router = newRouter();
  const handle = guardedBy(['manageAccess']);

  router.get(
    '/clients/profile-catalog',
    handle(async (_req, res) => {
      const catalog = service.registry.catalog;
      const modules = service.registry.names.map((name) => {
        // Client users never see owners or authors, whatever the field access: those fields are left out.
        const spec = service.catalog.modules.find((m) => m.name === name) ?? service.registry.get(name).spec;
        const hidden = new Set(['id', ...ownerFields(spec), ...(spec.userFields ?? [])]);
        return {
          name,
          fields: service.registry
            .fields(service.ds, name)
            .map((f) => f.property)
            .filter((f) => !hidden.has(f)),
        };
      });
      const answer: ClientProfileCatalog = {
        actions: [...MODULE_ACTIONS],
        tiers: [...CLIENT_TIERS],
        modules,
        maxima: Object.fromEntries(CLIENT_TIERS.map((t) => [t, clientTierMaximum(catalog, t) ?? {}])),
        reservedTo: Object.fromEntries(modules.map((m) => [m.name, Object.fromEntries(MODULE_ACTIONS.map((a) => [a, lowestClientTier(catalog, m.name, a)]))])),
      };
      res.json(answer);
    }),
  );

  router.put(
    '/clients/profiles/:id',
    handle(async (req, res) => {
      const profileId = id.parse(req.params.id);
      const body = clientProfileBody.parse(req.body);
      // An internal profile answers like a missing one here: it has its own screen.
      if (!(await clientProfile(service.ds, profileId)))
        throw missingIn({ fr: `Aucun profil client n° ${profileId}.`, en: `No client profile #${profileId}.` });
      if (wantsPreview(req))
        return answerPreview(req, res, service, (inside) =>
          saveProfile(inside, { ...serviceContext(), confirmSeats: true }, profileId, { ...body, audience: 'client' }),
        );
      await saveProfile(service, serviceContext(), profileId, { ...body, audience: 'client' });
      res.json({ ok: true, message: `Profil client « ${body.name} » enregistré.` });
    }),
  );

  return router;
}

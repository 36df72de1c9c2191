import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { languageOf } from '../../adapters/web/language.js';
import { newRouter } from '../../adapters/web/routers.js';
import { Refusal } from '../../core/refusal.js';
import { whoHasAccess } from '../../services/who-has-access.js';
import { answering } from '../common/respond.js';

const query = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  q: z.string().max(100).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

/**
 * "Qui a accès ?" of a module record (services/who-has-access.ts). Anyone else — and anyone
 * asking about a record they may not read — gets exactly the answer of a record that does not
 * exist, so the route tells nothing about which records exist.
 */
export function whoHasAccessRoutes(service: AccessService): Router {
  const router = newRouter();
  router.get(
    '/records/:module/:id/access',
    answering(async (req, res) => {
      const o = query.parse(req.query);
      const module = String(req.params.module);
      const found = await whoHasAccess(service, currentAccess()!.access, module, String(req.params.id), {
        page: o.page ?? 1,
        search: o.q ?? '',
        lang: o.lang ?? languageOf(req),
      });
      if (!found) throw new Refusal('notFound', `Enregistrement introuvable : ${module} n° ${req.params.id}.`);
      res.json(found);
    }),
  );
  return router;
}

import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../typeorm/access-service.js';
import { ModuleRecords } from '../../typeorm/module-records.js';
import { ownerChoices } from '../../typeorm/owner-choices.js';
import { Refusal } from '../../typeorm/refusal.js';
import { currentAccess } from '../../request-context.js';
import { answering, id } from './respond.js';
import { newRouter } from '../../web/routers.js';

const query = z.strictObject({
  module: z.string().max(100),
  field: z.string().max(100),
  recordId: id.optional(),
  q: z.string().max(100).optional(),
});

/** The owner pickers of the module forms: the owners this user may choose (owner-choices.ts). */
export function ownersRoutes(service: AccessService): Router {
  const router = newRouter();
  router.get('/owners', answering(async (req, res) => {
    const o = query.parse(req.query);
    if (!service.registry.has(o.module)) throw new Refusal('invalid', `Module inconnu : ${o.module}.`, 'module');
    res.json(await ownerChoices(new ModuleRecords(service, o.module), currentAccess()!.access, o.field, o.recordId ?? null, o.q ?? ''));
  }));
  return router;
}

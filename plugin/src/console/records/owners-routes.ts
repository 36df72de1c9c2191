import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { ModuleRecords } from '../../adapters/postgres/module-records.js';
import { ownerChoices } from '../../adapters/postgres/owner-choices.js';
import { absentIn, badQueryIn } from '../../core/refusals.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { answering } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';

const query = z.strictObject({
  module: z.string().max(100),
  field: z.string().max(100),
  recordId: z.string().max(64).optional(), // an int or a uuid: read as the module's table holds them
  q: z.string().max(100).optional(),
});

/** The owner pickers of the module forms: the owners this user may choose (owner-choices.ts). */
export function ownersRoutes(service: AccessService): Router {
  const router = newRouter();
  router.get(
    '/owners',
    answering(async (req, res) => {
      const o = query.parse(req.query);
      if (!service.registry.has(o.module)) throw badQueryIn({ fr: `Module inconnu : ${o.module}.`, en: `Unknown module: ${o.module}.` }, 'module');
      const records = new ModuleRecords(service, o.module);
      const recordId = o.recordId === undefined ? null : records.table.parseId(o.recordId);
      if (o.recordId !== undefined && recordId === null) throw absentIn({ fr: 'Enregistrement introuvable.', en: 'Record not found.' });
      res.json(await ownerChoices(records, currentAccess()!.access, o.field, recordId, o.q ?? ''));
    }),
  );
  return router;
}

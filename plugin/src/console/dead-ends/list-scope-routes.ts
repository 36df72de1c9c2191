import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { answering } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';

const query = z.strictObject({ module: z.string().max(100) });

/**
 * What an empty list means for this user (no-records.tsx): `all` they read every record of the
 * module, so an empty list is an empty module; `some` their rights open only part of it (their
 * own, their team's, shared ones), so the list says so and never whether others exist; `none` the
 * module is not open to them; null: not a module. Their own rights only: nothing about the records is read.
 */
export function listScopeRoutes(service: AccessService): Router {
  const router = newRouter();
  router.get(
    '/list-scope',
    answering(async (req, res) => {
      const { module } = query.parse(req.query);
      // Not a module (a set-up resource): no scope to tell, the list says what AdminJS says.
      if (!service.registry.has(module)) return void res.json({ scope: null });
      const read = currentAccess()!.access.access.grants[module]?.read;
      res.json({ scope: !read || (!read.all && read.any.length === 0) ? 'none' : read.all ? 'all' : 'some' });
    }),
  );
  return router;
}

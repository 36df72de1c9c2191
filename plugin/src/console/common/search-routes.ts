import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService, UserAccess } from '../../adapters/postgres/access-service.js';
import { ModuleRecords } from '../../adapters/postgres/module-records.js';
import { searchRecords, searchRoles, searchTeams, searchUsers } from '../../adapters/postgres/read-models/search.js';
import { rolePolicy, teamPolicy, userPolicy } from '../../adapters/adminjs/setup-policies.js';
import type { SetupPolicy } from '../../adapters/adminjs/setup-resource.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { Refusal } from '../../core/refusal.js';
import { answering } from './respond.js';
import { newRouter } from '../../adapters/web/routers.js';

const text = z.string().max(100).default('');
const usersQuery = z.strictObject({ q: text, kind: z.enum(['internal', 'client']).optional(), active: z.enum(['1']).optional() });
const namesQuery = z.strictObject({ q: text });
const recordsQuery = z.strictObject({ module: z.string().max(100), q: text });

/**
 * The searchable pickers' answers (console/common/search-pickers.tsx): `{ options: [{ id, label }] }`,
 * at most a page of names found by PostgreSQL. Each list is read at the level the set-up
 * resources give the caller (setup-policies.ts) — the same rule as the AdminJS lists — and
 * records through the engine's read condition; a caller with no sight of a list is refused.
 */
export function searchRoutes(service: AccessService): Router {
  const router = newRouter();
  const ua = (): UserAccess => currentAccess()!.access;
  // Fail closed: no level, no list (the same refusal whether the list is empty or hidden).
  const levelOf = (policy: SetupPolicy) => {
    const level = policy.read(ua());
    if (level === 'none') throw new Refusal('forbidden', 'Refusé : cette liste ne vous est pas ouverte.');
    return level;
  };

  router.get(
    '/search/users',
    answering(async (req, res) => {
      const o = usersQuery.parse(req.query);
      const level = levelOf(userPolicy(service));
      // Below the whole list, names of active internal users only: who is a client or has left is the user managers' to know.
      const all = level === 'all';
      res.json({
        options: await searchUsers(service.ds, { text: o.q, kind: all ? o.kind : 'internal', activeOnly: all ? o.active === '1' : true, namesOnly: !all }),
      });
    }),
  );

  router.get(
    '/search/roles',
    answering(async (req, res) => {
      const o = namesQuery.parse(req.query);
      levelOf(rolePolicy(service));
      res.json({ options: await searchRoles(service.ds, o.q) });
    }),
  );

  router.get(
    '/search/teams',
    answering(async (req, res) => {
      const o = namesQuery.parse(req.query);
      levelOf(teamPolicy(service));
      res.json({ options: await searchTeams(service.ds, o.q) });
    }),
  );

  router.get(
    '/search/records',
    answering(async (req, res) => {
      const o = recordsQuery.parse(req.query);
      // An unknown module answers like a module one may not read: nothing to name.
      if (!service.registry.has(o.module)) throw new Refusal('notFound', `Module inconnu : ${o.module}.`, 'module');
      res.json({ options: await searchRecords(new ModuleRecords(service, o.module), ua(), o.q) });
    }),
  );

  return router;
}

import { type Router } from 'express';
import { z } from 'zod';
import { MODULE_ACTIONS } from '../../core/model.js';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { explainRecord } from '../../adapters/postgres/explain-record.js';
import { absentIn, badQueryIn, noRecordIn } from '../../core/refusals.js';
import { moduleLabel } from '../../core/rule-sentence.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { guardedBy, id } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';
import { effectiveAccessUser, explainableRecords, explainableUsers, moduleAccessCounts } from '../../adapters/postgres/read-models/effective-access.js';

const recordsQuery = z.strictObject({ module: z.string().max(100), q: z.string().max(200).optional() });
const usersQuery = z.strictObject({ q: z.string().max(100).optional() });
const explainQuery = z.strictObject({
  module: z.string().max(100),
  reference: z.string().max(200).optional(),
  action: z.enum(MODULE_ACTIONS, { error: 'Action attendue : read, edit, delete, create ou export' }),
  lang: z.enum(['fr', 'en']).optional(),
});

/**
 * "Accès effectif" of a user, for those who manage users or access: per module, how many records
 * the user may read, edit and delete, counted by PostgreSQL under the user's own compiled
 * conditions (the very ones every list and write uses, so the counts cannot disagree with what
 * the user gets); and "why" for one record and action, from the engine's explanation.
 */
export function effectiveAccessRoutes(service: AccessService): Router {
  const router = newRouter();
  const handle = guardedBy(['manageUsers', 'manageAccess']);
  const label = (module: string) => moduleLabel(service.registry.catalog, module);
  const unknownModule = (name: string) => badQueryIn({ fr: `Module inconnu : ${name}.`, en: `Unknown module: ${name}.` }, 'module');
  const noUser = (userId: number) => absentIn({ fr: `Aucun utilisateur n° ${userId}.`, en: `No user #${userId}.` });
  const moduleOf = (name: string): string => {
    if (!service.registry.has(name)) throw unknownModule(name);
    return name;
  };

  // The user picker of "Pourquoi ?": searched by name or login, 20 at most (it scales to 10,000 users).
  router.get(
    '/effective-access/users',
    handle(async (req, res) => {
      res.json({ users: await explainableUsers(service.ds, usersQuery.parse(req.query).q ?? '') });
    }),
  );

  router.get(
    '/effective-access/users/:id',
    handle(async (req, res) => {
      const userId = id.parse(req.params.id);
      const ua = await service.forUser(userId);
      if (!ua) throw noUser(userId);
      const user = await effectiveAccessUser(service.ds, userId);
      const modules = [];
      for (const module of service.registry.names) {
        modules.push({ module, ...(await moduleAccessCounts(service.ds, ua, module, service.table(module).table)) });
      }
      res.json({ user, modules });
    }),
  );

  // The records "Pourquoi ?" offers: only those the viewer may read (all of them for admins and
  // viewAll holders), under the viewer's own read condition. Another record, even named by its
  // exact reference, answers as one that does not exist (explain-record.ts). A field the viewer has at `none`
  // stays on the server, and is not searched either (that would reveal it).
  router.get(
    '/effective-access/records',
    handle(async (req, res) => {
      const query = recordsQuery.parse(req.query);
      const module = moduleOf(query.module);
      const table = service.table(module);
      const viewer = currentAccess()!.access;
      const restricted = viewer.access.isAdmin ? {} : (viewer.access.fields[module] ?? {});
      const records = await explainableRecords(service.ds, viewer, module, table, restricted, query.q ?? '');
      res.json({ records });
    }),
  );

  router.get(
    '/effective-access/users/:id/explain',
    handle(async (req, res) => {
      const userId = id.parse(req.params.id);
      const query = explainQuery.parse(req.query);
      const module = moduleOf(query.module);
      const onRecord = query.action === 'read' || query.action === 'edit' || query.action === 'delete';
      if (onRecord && !query.reference)
        throw badQueryIn(
          {
            fr: `Choisissez un enregistrement parmi les ${label(module).fr} : la ${{ read: 'lecture', edit: 'modification', delete: 'suppression' }[query.action as 'read']} se décide par enregistrement.`,
            en: `Choose one of the ${label(module).en}: ${{ read: 'reading', edit: 'editing', delete: 'deleting' }[query.action as 'read']} is decided record by record.`,
          },
          'reference',
        );
      const result = await explainRecord(
        service,
        userId,
        module,
        onRecord ? query.reference! : null,
        query.action,
        query.lang ?? 'fr',
        currentAccess()!.access,
      );
      if ('error' in result) {
        if (result.error === 'unknownUser') throw noUser(userId);
        if (result.error === 'unknownRecord') throw noRecordIn(label(module), query.reference!);
        throw unknownModule(module);
      }
      res.json({ allowed: result.allowed, action: result.action, module: result.module, reasons: result.reasons, text: result.text });
    }),
  );

  return router;
}

import { type Router } from 'express';
import { badRequest, forbidden, guardedBy, holds, zodSaid } from '../common/respond.js';
import { needsRight } from '../../core/refusals.js';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { connectionStats, loginHistory, searchStatsUsers, statsCompanies, statsToday, statsUser } from '../../adapters/postgres/connection-stats.js';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { activityCounter } from '../../adapters/adminjs/activity.js';
import { newRouter } from '../../adapters/web/routers.js';

/** Default period: the last 30 days, today included. Longest: a little over two years. */
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 800;

const FORBIDDEN = needsRight('viewStats');

// An empty query parameter (a filter left blank by a form) means no filter.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const day = z.iso.date({ error: 'une date AAAA-MM-JJ est attendue' });
const id = z.coerce
  .number({ error: 'un identifiant numérique est attendu' })
  .int('un identifiant entier est attendu')
  .positive('un identifiant positif est attendu');

const statsQuery = z.strictObject(
  {
    from: optional(day),
    to: optional(day),
    module: optional(z.string().max(64)),
    company: optional(z.string().max(200)),
    userId: optional(id),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `paramètre inconnu : ${issue.keys.join(', ')}` : undefined) },
);

const historyQuery = z.strictObject(
  {
    page: optional(z.coerce.number({ error: 'un numéro de page est attendu' }).int().min(1, 'la page commence à 1').max(100_000)),
    perPage: optional(z.coerce.number({ error: 'un nombre est attendu' }).int().min(1, 'au moins 1 par page').max(100, 'au plus 100 par page')),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `paramètre inconnu : ${issue.keys.join(', ')}` : undefined) },
);

const usersQuery = z.strictObject({ q: optional(z.string().max(100)) });

/**
 * The connection statistics (capability `viewStats`) and each user's login history, which a
 * user may also read for themselves. Thin: validation here, the SQL in typeorm/connection-stats.ts.
 */
export function statsRoutes(service: AccessService): Router {
  const router = newRouter();
  const ds = service.ds;

  const handle = guardedBy(['viewStats']);

  router.get(
    '/stats',
    handle(async (req, res) => {
      const q = statsQuery.parse(req.query);
      if (q.module !== undefined && !service.registry.names.includes(q.module)) {
        const modules = service.registry.names.join(', ');
        return badRequest(res, { fr: `module inconnu : ${q.module} (modules : ${modules})`, en: `unknown module: ${q.module} (modules: ${modules})` });
      }
      const today = await statsToday(ds);
      const to = q.to ?? (q.from && q.from > today ? q.from : today);
      const from = q.from ?? shiftDays(to, -(DEFAULT_DAYS - 1));
      if (from > to)
        return badRequest(res, { fr: `la période commence (${from}) après sa fin (${to})`, en: `the period starts (${from}) after its end (${to})` });
      if (shiftDays(from, MAX_DAYS - 1) < to) return badRequest(res, { fr: `la période dépasse ${MAX_DAYS} jours`, en: `the period exceeds ${MAX_DAYS} days` });
      // Whatever this process has counted is in the table before it is read.
      await activityCounter(ds).flush();
      const filters = { from, to, module: q.module, company: q.company, userId: q.userId };
      const [stats, companies, user] = await Promise.all([
        connectionStats(ds, filters),
        statsCompanies(ds),
        q.userId !== undefined ? statsUser(ds, q.userId) : Promise.resolve(null),
      ]);
      res.json({
        ...stats,
        filters: { module: q.module ?? null, company: q.company ?? null, userId: q.userId ?? null, user },
        options: { modules: service.registry.names, companies },
      });
    }),
  );

  /** The user filter's picker: users whose login or name contains `q`. */
  router.get(
    '/stats/users',
    handle(async (req, res) => {
      res.json({ users: await searchStatsUsers(ds, usersQuery.parse(req.query).q ?? '') });
    }),
  );

  router.get('/users/:id/logins', async (req, res, next) => {
    const userId = id.safeParse(req.params.id);
    if (!userId.success) {
      const said = zodSaid(userId.error);
      return badRequest(res, { fr: `utilisateur : ${said.fr}`, en: `user: ${said.en}` });
    }
    // One's own history needs no capability (it is on "Mon compte" too).
    if (!holds('viewStats') && currentAccess()?.access.user.id !== userId.data) {
      return forbidden(res, FORBIDDEN);
    }
    const parsed = historyQuery.safeParse(req.query);
    if (!parsed.success) return badRequest(res, zodSaid(parsed.error));
    try {
      res.json(await loginHistory(ds, userId.data, parsed.data.page ?? 1, parsed.data.perPage ?? 20));
    } catch (e) {
      next(e);
    }
  });

  return router;
}

/** `YYYY-MM-DD` plus `n` days (calendar arithmetic in UTC: no time zone involved). */
function shiftDays(dayText: string, n: number): string {
  const d = new Date(`${dayText}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

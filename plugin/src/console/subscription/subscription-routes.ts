import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { seatUsage } from '../../services/seats.js';
import { guardedBy } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';

const eventsQuery = z.strictObject({
  page: z.coerce.number().int().positive().default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * "Mon abonnement" (docs/spec/seats.md), for `manageUsers`: per tier the seats used and included and who
 * holds them, the free seats, and the billing events, newest first. All read in SQL.
 */
export function subscriptionRoutes(service: AccessService): Router {
  const router = newRouter();
  const handle = guardedBy(['manageUsers'], 'Refusé : il faut le droit « gérer les utilisateurs ».');

  router.get('/subscription', handle(async (_req, res) => {
    const tiers = await seatUsage(service.ds.manager);
    const holders = await service.ds.query(
      `SELECT h.tier, u.id, u.login, u.full_name AS "fullName", u.kind, u.is_admin AS "isAdmin", r.name AS role,
              count(*)::int AS seats
         FROM seat_holder h JOIN app_user u ON u.id = h.user_id LEFT JOIN role r ON r.id = u.role_id
        GROUP BY h.tier, u.id, r.name ORDER BY h.tier, u.last_name, u.first_name, u.login`,
    );
    const freeSeats = await service.ds.query(
      `SELECT id, login, full_name AS "fullName", kind, free_seat_reason AS reason, status FROM app_user
        WHERE free_seat ORDER BY last_name, first_name, login`,
    );
    const [{ billingEvents }] = await service.ds.query(`SELECT count(*)::int AS "billingEvents" FROM billing_event`);
    res.json({
      tiers: tiers.map((t) => ({ ...t, over: Math.max(0, t.used - t.included), holders: holders.filter((h: { tier: string }) => h.tier === t.tier) })),
      freeSeats,
      billingEvents,
    });
  }));

  router.get('/subscription/billing-events', handle(async (req, res) => {
    const { page, perPage } = eventsQuery.parse(req.query);
    const events = await service.ds.query(
      `SELECT id, at, tier, user_id AS "userId", user_login AS "userLogin", user_name AS "userName", account_id AS "accountId",
              cause, change, actor_id AS "actorId", actor_login AS "actorLogin", seats_used AS "seatsUsed", seats_included AS "seatsIncluded",
              EXISTS (SELECT 1 FROM app_user u WHERE u.id = e.user_id) AS "userExists"
         FROM billing_event e ORDER BY at DESC, id DESC LIMIT $1 OFFSET $2`,
      [perPage, (page - 1) * perPage],
    );
    const [{ total }] = await service.ds.query(`SELECT count(*)::int AS total FROM billing_event`);
    res.json({ events, total, page, perPage });
  }));

  return router;
}

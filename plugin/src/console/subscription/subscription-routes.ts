import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { seatUsage } from '../../services/seats.js';
import { guardedBy } from '../common/respond.js';
import { newRouter } from '../../adapters/web/routers.js';
import { billingEventCount, billingEventsPage, freeSeatUsers, seatHolders } from '../../adapters/postgres/read-models/subscription.js';

const eventsQuery = z.strictObject({
  page: z.coerce.number().int().positive().default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * "Mon abonnement" (docs/spec/seats.md), for `manageUsers`: per tier the seats used and included and who
 * holds them, the free seats, and the billing events, newest first. Read from read-models/subscription.ts.
 */
export function subscriptionRoutes(service: AccessService): Router {
  const router = newRouter();
  const handle = guardedBy(['manageUsers'], 'Refusé : il faut le droit « gérer les utilisateurs ».');

  router.get(
    '/subscription',
    handle(async (_req, res) => {
      const tiers = await seatUsage(service.ds.manager);
      const holders = await seatHolders(service.ds);
      const freeSeats = await freeSeatUsers(service.ds);
      const billingEvents = await billingEventCount(service.ds);
      res.json({
        tiers: tiers.map((t) => ({ ...t, over: Math.max(0, t.used - t.included), holders: holders.filter((h) => h.tier === t.tier) })),
        freeSeats,
        billingEvents,
      });
    }),
  );

  router.get(
    '/subscription/billing-events',
    handle(async (req, res) => {
      const { page, perPage } = eventsQuery.parse(req.query);
      const events = await billingEventsPage(service.ds, page, perPage);
      const total = await billingEventCount(service.ds);
      res.json({ events, total, page, perPage });
    }),
  );

  return router;
}

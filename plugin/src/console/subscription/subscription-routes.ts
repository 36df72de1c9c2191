import { type Router } from 'express';
import { z } from 'zod';
import type { AccessService } from '../../adapters/postgres/access-service.js';
import { SEAT_TIERS, seatUsage } from '../../services/seats.js';
import { addSeatPack } from '../../services/subscription-changes.js';
import { currentAccess, serviceContext } from '../../adapters/adminjs/request-context.js';
import { guardedBy, readerLanguage } from '../common/respond.js';
import { storedCauseText, type BillingCause } from '../../core/billing-causes.js';
import { countEn, countFr, pluralFr } from '../../core/refusals.js';
import { newRouter } from '../../adapters/web/routers.js';
import { billingEventCount, billingEventsPage, freeSeatUsers, seatHolders } from '../../adapters/postgres/read-models/subscription.js';
import {
  latestSubscriptionChanges,
  monthBillingEvents,
  monthSubscriptionChanges,
  totalsByTier,
} from '../../adapters/postgres/read-models/subscription-month.js';

/** Billing events with their cause in the reader's language (old ones as written), the code left out. */
function causesInReaderLanguage<E extends { cause: string; causeCode: BillingCause | null }>(events: E[]): Array<Omit<E, 'causeCode'>> {
  const lang = readerLanguage();
  return events.map(({ causeCode, ...e }) => ({ ...e, cause: storedCauseText({ cause: e.cause, causeCode }, lang) }));
}

/** This month in Paris ('2024-11'): the summary's default. */
function currentMonth(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).formatToParts(now);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

const summaryQuery = z.strictObject({
  month: z
    .string()
    .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, { error: 'mois attendu : AAAA-MM (par exemple 2024-11)' })
    .optional(),
});

const eventsQuery = z.strictObject({
  page: z.coerce.number().int().positive().default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * "Mon abonnement" (docs/spec/seats.md), for `manageUsers`: per tier the seats used and included and who
 * holds them, the free seats, and the billing events, newest first; the seat packs an admin adds
 * (subscription changes) and a month's printable summary. Read from read-models/subscription*.ts.
 */
export function subscriptionRoutes(service: AccessService): Router {
  const router = newRouter();
  const handle = guardedBy(['manageUsers']);

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
        // Seat packs are added by admins only; the others read the changes made.
        mayAddSeats: !!currentAccess()?.access.access.isAdmin,
        changes: await latestSubscriptionChanges(service.ds),
      });
    }),
  );

  router.get(
    '/subscription/billing-events',
    handle(async (req, res) => {
      const { page, perPage } = eventsQuery.parse(req.query);
      const events = await billingEventsPage(service.ds, page, perPage);
      const total = await billingEventCount(service.ds);
      res.json({ events: causesInReaderLanguage(events), total, page, perPage });
    }),
  );

  // A seat pack: the service refuses anyone but an admin, and bad input with the field named.
  router.post(
    '/subscription/seat-packs',
    handle(async (req, res) => {
      const pack = await addSeatPack(service, serviceContext(), req.body);
      const { seatsAdded: added, includedAfter: after, includedBefore: before } = pack;
      const message =
        readerLanguage() === 'en'
          ? `${countEn(added, 'seat')} added: ${after} included from now on (${before} before).`
          : `${countFr(added, 'licence')} ${pluralFr(added, 'ajoutée')} : ${after} ${pluralFr(after, 'incluse')} désormais (${before} avant).`;
      res.status(201).json({ ...pack, message });
    }),
  );

  // The printable summary of a month (this month by default, Paris time).
  router.get(
    '/subscription/summary',
    handle(async (req, res) => {
      const month = summaryQuery.parse(req.query).month ?? currentMonth();
      const events = await monthBillingEvents(service.ds, month);
      const changes = await monthSubscriptionChanges(service.ds, month);
      res.json({ month, current: currentMonth(), events: causesInReaderLanguage(events), changes, totals: totalsByTier(events, changes, SEAT_TIERS) });
    }),
  );

  return router;
}

import type { Db } from './db.js';
import type { BillingCause } from '../../../core/billing-causes.js';

/**
 * One month of the subscription, for the printable summary of "Mon abonnement" (docs/seats.md):
 * its billing events and its subscription changes, and the totals per tier. A month is the
 * organisation's: from the 1st at midnight to the next 1st, in Paris time.
 */

/** `column` within the month, $1 being 'YYYY-MM'. */
const inMonth = (column: string) => `${column} >= (($1 || '-01')::timestamp AT TIME ZONE 'Europe/Paris')
              AND ${column} < ((($1 || '-01')::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/Paris')`;

export interface MonthBillingEventRow {
  id: string;
  at: Date;
  tier: string;
  userLogin: string;
  userName: string | null;
  accountId: number | null;
  /** The French sentence as written; `causeCode` words it in another language (core/billing-causes.ts), null on events older than the codes. */
  cause: string;
  causeCode: BillingCause | null;
  change: string;
  /** Who confirmed it: their name as now, else the login recorded; null for the command-line import. */
  actorLogin: string | null;
  actorName: string | null;
}

export interface SubscriptionChangeRow {
  id: string;
  at: Date;
  tier: string;
  seatsAdded: number;
  includedBefore: number;
  includedAfter: number;
  actorLogin: string;
  actorName: string | null;
}

export interface TierTotalRow {
  tier: string;
  /** Seats billed beyond the subscription this month. */
  billed: number;
  /** Seats added by packs this month. */
  added: number;
}

export function monthBillingEvents(db: Db, month: string): Promise<MonthBillingEventRow[]> {
  return db.query(
    `SELECT e.id, e.at, e.tier, e.user_login AS "userLogin", e.user_name AS "userName", e.account_id AS "accountId", e.cause, e.cause_code AS "causeCode", e.change,
            e.actor_login AS "actorLogin", a.full_name AS "actorName"
       FROM billing_event e LEFT JOIN app_user a ON a.id = e.actor_id
      WHERE ${inMonth('e.at')} ORDER BY e.at, e.id`,
    [month],
  );
}

export function monthSubscriptionChanges(db: Db, month: string): Promise<SubscriptionChangeRow[]> {
  return db.query(
    `SELECT c.id, c.at, c.tier, c.seats_added AS "seatsAdded", c.included_before AS "includedBefore", c.included_after AS "includedAfter",
            c.actor_login AS "actorLogin", coalesce(a.full_name, c.actor_name) AS "actorName"
       FROM subscription_change c LEFT JOIN app_user a ON a.id = c.actor_id
      WHERE ${inMonth('c.at')} ORDER BY c.at, c.id`,
    [month],
  );
}

/** All subscription changes, newest first (the list under the seat packs' form). */
export function latestSubscriptionChanges(db: Db, limit = 20): Promise<SubscriptionChangeRow[]> {
  return db.query(
    `SELECT c.id, c.at, c.tier, c.seats_added AS "seatsAdded", c.included_before AS "includedBefore", c.included_after AS "includedAfter",
            c.actor_login AS "actorLogin", coalesce(a.full_name, c.actor_name) AS "actorName"
       FROM subscription_change c LEFT JOIN app_user a ON a.id = c.actor_id
      ORDER BY c.at DESC, c.id DESC LIMIT $1`,
    [limit],
  );
}

/** Per tier, in the tiers' order, those with something this month. */
export function totalsByTier(events: MonthBillingEventRow[], changes: SubscriptionChangeRow[], tiers: readonly string[]): TierTotalRow[] {
  return tiers
    .map((tier) => ({
      tier,
      billed: events.filter((e) => e.tier === tier).length,
      added: changes.filter((c) => c.tier === tier).reduce((n, c) => n + c.seatsAdded, 0),
    }))
    .filter((t) => t.billed || t.added);
}

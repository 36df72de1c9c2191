import type { EntityManager } from 'typeorm';
import { TIER_LABELS, TIER_LABELS_EN } from '../core/license-tiers.js';
import { countEn, countFr, pluralFr, type Said } from '../core/refusals.js';
import type { Language } from '../core/explain-text.js';
import { billingCauseText, type BillingCause } from '../core/billing-causes.js';
import { CLIENT_TIERS, INTERNAL_TIERS } from '../core/model.js';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { isPreviewDataSource } from '../adapters/postgres/access-preview.js';
import type { AuditActor } from '../adapters/postgres/audit.js';
import { auditActor, type ServiceContext } from './context.js';
import { freeSeatState, settleFreeSeats } from './free-seats.js';

/**
 * Seats and billing events (docs/spec/seats.md). The database says who holds which seat (`seat_holder`);
 * a change that may add seats runs inside `seatGuarded`, which counts the seats before and after
 * it in the same transaction. When a tier's used seats go beyond its included seats and the user
 * has not confirmed, the change is rolled back with a `SeatWarning` saying what it would cost;
 * confirmed, it records one billing event per seat over, in the change's transaction.
 */

export const SEAT_TIERS = [...INTERNAL_TIERS, ...CLIENT_TIERS] as const;

/** What a change is, for the billing event and its screen. */
export type SeatChange =
  | 'createUser'
  | 'activateUser'
  | 'roleChange'
  | 'roleProfiles'
  | 'profileTier'
  | 'adminFlag'
  | 'freeSeat'
  | 'dossierGrants'
  | 'import'
  | 'userChange';

export interface SeatCause {
  change: SeatChange;
  /** Why, as a code worded when read (core/billing-causes.ts): "Création de l'utilisateur bob", "User bob created". */
  said: BillingCause;
}

export interface SeatOverrun {
  tier: string;
  included: number;
  before: number;
  after: number;
  /** Seats billed beyond the subscription by this change. */
  over: number;
  /** The holders of the seats over (a client user once per dossier). */
  users: Array<{ id: number; login: string; name: string | null; accountId: number | null }>;
}

/** A change would go over the subscription: said before anything is changed, to be confirmed (the message is French; `in` says it in the reader's language). */
export class SeatWarning extends Error {
  readonly text: Said;
  constructor(readonly overruns: SeatOverrun[]) {
    const text = {
      fr: `${seatOverrunText(overruns, 'fr')} Confirmez pour l'enregistrer : chaque licence au-delà de l'abonnement est facturée. Rien n'a été modifié.`,
      en: `${seatOverrunText(overruns, 'en')} Confirm to save it: every seat beyond the subscription is billed. Nothing was changed.`,
    };
    super(text.fr);
    this.text = text;
    this.name = 'SeatWarning';
  }

  /** The warning in the reader's language (French when unknown). */
  in(lang: Language | undefined): string {
    return lang === 'en' ? this.text.en : this.text.fr;
  }
}

export function seatOverrunText(overruns: SeatOverrun[], lang: Language = 'fr'): string {
  const logins = (o: SeatOverrun) => o.users.map((u) => u.login).join(', ');
  if (lang === 'en') {
    const parts = overruns.map(
      (o) => `${TIER_LABELS_EN[o.tier] ?? o.tier}: ${countEn(o.after, 'seat')} used for ${o.included} included, ${o.over} more billed (${logins(o)})`,
    );
    return `This change goes beyond the subscription — ${parts.join('; ')}.`;
  }
  const parts = overruns.map(
    (o) =>
      `${TIER_LABELS[o.tier] ?? o.tier} : ${countFr(o.after, 'licence')} ${pluralFr(o.after, 'utilisée')} pour ${o.included} ${pluralFr(o.included, 'incluse')}, ${o.over} de plus ${pluralFr(o.over, 'facturée')} (${logins(o)})`,
  );
  return `Ce changement dépasse l'abonnement — ${parts.join(' ; ')}.`;
}

type Holder = { user_id: number; tier: string; account_id: number | null };

const SEAT_LOCK = 872_341_002; // seat-changing transactions one at a time, so two cannot both fit the last seat

/** Takes the seats' lock for the rest of the transaction (a change that must hold it before others). */
export async function lockSeats(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [SEAT_LOCK]);
}

const key = (h: Holder) => `${h.user_id}:${h.account_id ?? ''}`;

async function holders(m: EntityManager): Promise<Holder[]> {
  return m.query(`SELECT user_id, tier, account_id FROM seat_holder`);
}

async function includedSeats(m: EntityManager): Promise<Map<string, number>> {
  const rows: Array<{ tier: string; included: number }> = await m.query(`SELECT tier, included FROM subscription_seat`);
  return new Map(rows.map((r) => [r.tier, Number(r.included)]));
}

function byTier(list: Holder[]): Map<string, Holder[]> {
  const map = new Map<string, Holder[]>();
  for (const h of list) {
    const tier = map.get(h.tier);
    if (tier) tier.push(h);
    else map.set(h.tier, [h]);
  }
  return map;
}

/**
 * The seats a change puts over the subscription: per tier, used after minus the larger of used
 * before and included (a tier already over bills only the seats this change adds). The seats
 * billed are the ones the change created, latest users first.
 */
async function overrunsSince(m: EntityManager, before: Holder[]): Promise<SeatOverrun[]> {
  const after = byTier(await holders(m));
  const was = byTier(before);
  const included = await includedSeats(m);
  const result: SeatOverrun[] = [];
  for (const [tier, now] of after) {
    const prior = was.get(tier) ?? [];
    const over = now.length - Math.max(prior.length, included.get(tier) ?? 0);
    if (over <= 0) continue;
    const old = new Set(prior.map(key));
    const fresh = now.filter((h) => !old.has(key(h))).sort((a, b) => b.user_id - a.user_id || (b.account_id ?? 0) - (a.account_id ?? 0));
    const billed = fresh.slice(0, over);
    const names: Array<{ id: number; login: string; full_name: string | null }> = await m.query(
      `SELECT id, login, full_name FROM app_user WHERE id = ANY($1::int[])`,
      [billed.map((h) => h.user_id)],
    );
    const byId = new Map(names.map((n) => [n.id, n]));
    result.push({
      tier,
      included: included.get(tier) ?? 0,
      before: prior.length,
      after: now.length,
      over,
      users: billed.map((h) => ({
        id: h.user_id,
        login: byId.get(h.user_id)?.login ?? String(h.user_id),
        name: byId.get(h.user_id)?.full_name ?? null,
        accountId: h.account_id,
      })),
    });
  }
  return result.sort((a, b) => SEAT_TIERS.indexOf(a.tier as never) - SEAT_TIERS.indexOf(b.tier as never));
}

async function recordBillingEvents(m: EntityManager, overruns: SeatOverrun[], cause: SeatCause, actor: AuditActor): Promise<number> {
  let count = 0;
  for (const o of overruns) {
    for (const u of o.users) {
      await m.query(
        `INSERT INTO billing_event (tier, user_id, user_login, user_name, account_id, cause, cause_code, change, actor_id, actor_login, seats_used, seats_included)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          o.tier,
          u.id,
          u.login,
          u.name,
          u.accountId,
          billingCauseText(cause.said, 'fr'),
          JSON.stringify(cause.said),
          cause.change,
          actor.id,
          actor.login,
          o.after,
          o.included,
        ],
      );
      count++;
    }
  }
  return count;
}

export interface SeatOptions {
  /** Run inside this transaction instead of opening one (an approved access request). */
  manager?: EntityManager;
}

/**
 * Runs a change that may take seats: refused with a `SeatWarning` (and rolled back) when it goes
 * over the subscription unconfirmed (`ctx.confirmSeats`); confirmed, its billing events are
 * written with it. `cause` may depend on the change's result (the id of a user just created, say).
 */
export async function seatGuarded<T>(
  service: AccessService,
  ctx: ServiceContext,
  cause: SeatCause | ((result: T) => SeatCause),
  change: (m: EntityManager) => Promise<T>,
  options: SeatOptions = {},
): Promise<T> {
  // A preview's change (access-preview.ts) is always rolled back and previewed as confirmed: it bills
  // nothing and must not hold the seats' lock (a preview would stall every seat-taking save), so the
  // change alone is made. The save that follows, if confirmed, counts the seats as usual.
  if (!options.manager && isPreviewDataSource(service.ds)) return service.ds.transaction((m) => change(m));
  const run = async (m: EntityManager): Promise<T> => {
    const { result } = await billedChange(m, auditActor(ctx), cause, change, ctx.confirmSeats);
    return result;
  };
  return options.manager ? run(options.manager) : service.ds.transaction(run);
}

/**
 * The same, inside a transaction already open; says how many billing events were written. `actor`
 * is who changes (a signed-in user, or the command-line import: id null), with where from.
 */
export async function billedChange<T>(
  m: EntityManager,
  actor: AuditActor,
  cause: SeatCause | ((result: T) => SeatCause),
  change: (m: EntityManager) => Promise<T>,
  confirmed: boolean,
): Promise<{ result: T; overruns: SeatOverrun[]; billed: number }> {
  await lockSeats(m);
  const before = await holders(m);
  const free = await freeSeatState(m);
  const result = await change(m);
  await settleFreeSeats(m, actor, free);
  const overruns = await overrunsSince(m, before);
  if (!overruns.length) return { result, overruns, billed: 0 };
  if (!confirmed) throw new SeatWarning(overruns);
  const billed = await recordBillingEvents(m, overruns, typeof cause === 'function' ? cause(result) : cause, actor);
  return { result, overruns, billed };
}

/** Per tier: seats used and included, for "Mon abonnement" and the screens' previews. */
export async function seatUsage(m: EntityManager): Promise<Array<{ tier: string; used: number; included: number }>> {
  const rows: Array<{ tier: string; used: number; included: number }> = await m.query(
    `SELECT t.tier, count(h.user_id)::int AS used, coalesce(s.included, 0)::int AS included
       FROM unnest($1::varchar[]) WITH ORDINALITY AS t(tier, n)
       LEFT JOIN seat_holder h ON h.tier = t.tier
       LEFT JOIN subscription_seat s ON s.tier = t.tier
      GROUP BY t.tier, t.n, s.included ORDER BY t.n`,
    [[...SEAT_TIERS]],
  );
  return rows;
}

import { z } from 'zod';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { TIER_LABELS, TIER_LABELS_EN } from '../core/license-tiers.js';
import { invalidIn, refuseIn } from '../core/refusals.js';
import { parseIn, schemaIn } from './schema-languages.js';
import { auditSetup } from './actor.js';
import { lockSeats, SEAT_TIERS } from './seats.js';
import type { ServiceContext } from './context.js';

/**
 * Seat packs (docs/spec/seats.md): an admin adds seats to a tier from "Mon abonnement". Each pack
 * raises the tier's included seats and is recorded as a subscription change (tier, seats added,
 * time, actor), never changed nor deleted (the database refuses it), with its audit entry, in one
 * transaction. It is not a billing event: those are per user, for a seat taken over the
 * subscription. Seats are only added here: a smaller subscription is a contract's matter, set by
 * the organisation file (docs/seats.md).
 */

/** More than this at once is a typing slip, not a purchase. */
export const MAX_SEATS_PER_PACK = 1000;

const packInput = schemaIn((lang) => {
  const en = lang === 'en';
  const labels = en ? TIER_LABELS_EN : TIER_LABELS;
  const seatsMessage = en
    ? `Number of seats: a whole number from 1 to ${MAX_SEATS_PER_PACK}.`
    : `Nombre de licences : un nombre entier de 1 à ${MAX_SEATS_PER_PACK}.`;
  const tiers = SEAT_TIERS.map((t) => `${t} (${labels[t]})`).join(', ');
  return z.strictObject(
    {
      tier: z.enum(SEAT_TIERS, { error: en ? `Seat tier: ${tiers}.` : `Niveau de licence : ${tiers}.` }),
      seats: z.number({ error: seatsMessage }).int(seatsMessage).min(1, seatsMessage).max(MAX_SEATS_PER_PACK, seatsMessage),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? (en ? `Unknown field: ${issue.keys.join(', ')}.` : `Champ inconnu : ${issue.keys.join(', ')}.`) : undefined,
    },
  );
});

export interface SeatPack {
  id: number;
  tier: string;
  seatsAdded: number;
  includedBefore: number;
  includedAfter: number;
}

/** Adds a seat pack; refused to anyone but an admin, and on bad input, with the field named. */
export async function addSeatPack(service: AccessService, ctx: ServiceContext, input: unknown): Promise<SeatPack> {
  if (!ctx.actor.access.isAdmin)
    throw refuseIn({
      fr: "Refusé : seuls les administrateurs ajoutent des licences à l'abonnement.",
      en: 'Refused: only administrators add seats to the subscription.',
    });
  const parsed = parseIn(packInput, input);
  if (!parsed.success) {
    const [issue, english] = [parsed.issues.fr[0], parsed.issues.en[0]];
    throw invalidIn({ fr: issue.message, en: english.message }, issue.path[0]?.toString() ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined));
  }
  const { tier, seats } = parsed.data;
  return service.ds.transaction(async (m) => {
    await lockSeats(m); // the included seats change under the same lock as the seats counted against them
    const [row] = await m.query(
      `INSERT INTO subscription_seat (tier, included) VALUES ($1, $2)
       ON CONFLICT (tier) DO UPDATE SET included = subscription_seat.included + EXCLUDED.included
       RETURNING included`,
      [tier, seats],
    );
    const after = Number(row.included);
    const before = after - seats;
    const user = ctx.actor.user;
    const [change] = await m.query(
      `INSERT INTO subscription_change (tier, seats_added, included_before, included_after, actor_id, actor_login, actor_name)
       SELECT $1, $2, $3, $4, u.id, u.login, u.full_name FROM app_user u WHERE u.id = $5 RETURNING id`,
      [tier, seats, before, after, user.id],
    );
    await auditSetup(m, ctx, 'update', 'Subscription', tier, `Licences ${TIER_LABELS[tier]} : +${seats}`, { included: before }, { included: after });
    return { id: Number(change.id), tier, seatsAdded: seats, includedBefore: before, includedAfter: after };
  });
}

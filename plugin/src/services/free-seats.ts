import type { EntityManager } from 'typeorm';
import { adminPlaneText } from '../core/admin-plane-texts.js';
import { tierRank } from '../core/license-tiers.js';
import type { LicenseTier } from '../core/model.js';
import { audit, type AuditActor } from '../adapters/postgres/audit.js';

/**
 * Free seats (docs/spec/seats.md, "Free seats"). A free seat covers what the user held when an
 * admin last granted or changed it (`free_seat_covers`, stamped here after an admin's change). A
 * later change by anyone who is not admin that puts an internal user above the covered tier ends
 * the free seat: the user then holds an ordinary seat, with the warning and the billing of any
 * change that goes over (the seat guard counts after this). A client's grants that the free seat
 * does not cover are ordinary seats (the seat_holder view).
 */

type Covers = { tier?: LicenseTier | null; grants?: Record<string, LicenseTier> } | null;
interface FreeSeatRow {
  id: number;
  login: string;
  kind: 'internal' | 'client';
  covers: Covers;
  now: Covers;
}

/** The free-seat users, with what they are covered for and what they would hold now. */
export async function freeSeatState(m: EntityManager): Promise<Map<number, FreeSeatRow>> {
  const rows: FreeSeatRow[] = await m.query(`SELECT id, login, kind, free_seat_covers AS covers, portier_seat_covers(id) AS now FROM app_user WHERE free_seat`);
  return new Map(rows.map((r) => [r.id, r]));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The rank of the tier a free seat covers. A seat granted while the user held no tier (a
 * collaborator without access) covers none: any tier is above it, so a non-admin's change that
 * gives them one ends the free seat (fail closed; an unstamped seat counts the same).
 */
const coveredRank = (covers: Covers): number => (covers?.tier ? tierRank(covers.tier) : -1);

/**
 * After a change, in its transaction: stamp (an admin's change) or end (another's stretch) the free
 * seats it touched. `actor` is who made the change, with where from, for the entry of a seat ended.
 */
export async function settleFreeSeats(m: EntityManager, actor: AuditActor, before: Map<number, FreeSeatRow>): Promise<void> {
  const admin = actor.id === null || !!(await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND is_admin`, [actor.id])).length;
  for (const row of (await freeSeatState(m)).values()) {
    const was = before.get(row.id);
    const touched = !was || row.covers === null || !same(was.now, row.now);
    if (!touched) continue;
    if (admin) {
      await m.query(`UPDATE app_user SET free_seat_covers = $2 WHERE id = $1`, [row.id, JSON.stringify(row.now)]);
    } else if (row.kind === 'internal' && row.now?.tier && tierRank(row.now.tier) > coveredRank(row.covers)) {
      await m.query(`UPDATE app_user SET free_seat = false, free_seat_reason = NULL, free_seat_covers = NULL WHERE id = $1`, [row.id]);
      await audit(m, actor, {
        action: 'freeSeatEnded',
        module: 'User',
        recordId: row.id,
        reference: row.login,
        changes: { freeSeat: [true, false], tier: [row.covers?.tier ?? null, row.now.tier] },
        message: adminPlaneText({ code: 'freeSeatEnded', login: row.login }),
      });
    }
  }
}

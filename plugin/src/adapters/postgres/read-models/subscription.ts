import type { LicenseTier } from '../../../core/model.js';
import type { Db, UserKind, UserStatus } from './db.js';
import type { BillingCause } from '../../../core/billing-causes.js';

/** A user holding seats of a tier. */
export interface SeatHolderRow {
  tier: LicenseTier;
  id: number;
  login: string;
  fullName: string;
  kind: UserKind;
  isAdmin: boolean;
  role: string | null;
  seats: number;
}

export interface FreeSeatRow {
  id: number;
  login: string;
  fullName: string;
  kind: UserKind;
  reason: string | null;
  status: UserStatus;
}

export interface BillingEventRow {
  /** bigserial: read as text. */
  id: string;
  at: Date;
  tier: LicenseTier;
  userId: number;
  userLogin: string;
  userName: string | null;
  accountId: number | null;
  /** The French sentence as written; `causeCode` words it in another language (core/billing-causes.ts), null on events older than the codes. */
  cause: string;
  causeCode: BillingCause | null;
  change: string;
  actorId: number | null;
  actorLogin: string | null;
  seatsUsed: number;
  seatsIncluded: number;
  /** The user still exists (their page can be linked). */
  userExists: boolean;
}

export function seatHolders(db: Db): Promise<SeatHolderRow[]> {
  return db.query(
    `SELECT h.tier, u.id, u.login, u.full_name AS "fullName", u.kind, u.is_admin AS "isAdmin", r.name AS role,
            count(*)::int AS seats
       FROM seat_holder h JOIN app_user u ON u.id = h.user_id LEFT JOIN role r ON r.id = u.role_id
      GROUP BY h.tier, u.id, r.name ORDER BY h.tier, u.last_name, u.first_name, u.login`,
  );
}

export function freeSeatUsers(db: Db): Promise<FreeSeatRow[]> {
  return db.query(
    `SELECT id, login, full_name AS "fullName", kind, free_seat_reason AS reason, status FROM app_user
      WHERE free_seat ORDER BY last_name, first_name, login`,
  );
}

export async function billingEventCount(db: Db): Promise<number> {
  const [{ total }]: Array<{ total: number }> = await db.query(`SELECT count(*)::int AS total FROM billing_event`);
  return total;
}

/** A page of the billing events, newest first. */
export function billingEventsPage(db: Db, page: number, perPage: number): Promise<BillingEventRow[]> {
  return db.query(
    `SELECT id, at, tier, user_id AS "userId", user_login AS "userLogin", user_name AS "userName", account_id AS "accountId",
            cause, cause_code AS "causeCode", change, actor_id AS "actorId", actor_login AS "actorLogin", seats_used AS "seatsUsed", seats_included AS "seatsIncluded",
            EXISTS (SELECT 1 FROM app_user u WHERE u.id = e.user_id) AS "userExists"
       FROM billing_event e ORDER BY at DESC, id DESC LIMIT $1 OFFSET $2`,
    [perPage, (page - 1) * perPage],
  );
}

// What subscription-routes.ts answers, as "Mon abonnement" reads it.

/** A user holding a seat of a tier. */
export interface SeatHolder {
  id: number;
  login: string;
  fullName: string | null;
  /** `internal` or `client` (a client user: one seat per dossier). */
  kind: string;
  role: string | null;
  isAdmin: boolean;
  seats: number;
}

/** A licence tier: seats used and included, over by how many, held by whom. */
export interface SeatTier {
  tier: string;
  used: number;
  included: number;
  over: number;
  holders: SeatHolder[];
}

/** A user whose seat is offered. */
export interface FreeSeatUser {
  id: number;
  login: string;
  fullName: string | null;
  kind: string;
  reason: string | null;
  status: string;
}

/** GET /subscription. */
export interface SubscriptionData {
  tiers: SeatTier[];
  freeSeats: FreeSeatUser[];
  /** How many billing events there are. */
  billingEvents: number;
  /** The signed-in user may add seat packs (admins only). */
  mayAddSeats: boolean;
  /** The latest seat packs added. */
  changes: SubscriptionChange[];
}

/** A billing event: a seat taken over the subscription. */
export interface BillingEvent {
  id: number;
  at: string;
  tier: string;
  userId: number;
  userLogin: string;
  userName: string | null;
  /** Whether the user still exists (a link to them) or was deleted since. */
  userExists: boolean;
  accountId: number | null;
  cause: string;
  actorLogin: string | null;
  seatsUsed: number;
  seatsIncluded: number;
}

/** GET /subscription/billing-events. */
export interface BillingEventsPage {
  events: BillingEvent[];
  total: number;
  page: number;
}

/** A seat pack added (a subscription change). */
export interface SubscriptionChange {
  id: string;
  at: string;
  tier: string;
  seatsAdded: number;
  includedBefore: number;
  includedAfter: number;
  actorLogin: string;
  actorName: string | null;
}

/** A billing event as the monthly summary lists it. */
export interface MonthBillingEvent {
  id: string;
  at: string;
  tier: string;
  userLogin: string;
  userName: string | null;
  accountId: number | null;
  cause: string;
  actorLogin: string | null;
  actorName: string | null;
}

/** GET /subscription/summary. */
export interface MonthSummary {
  month: string;
  current: string;
  events: MonthBillingEvent[];
  changes: SubscriptionChange[];
  totals: Array<{ tier: string; billed: number; added: number }>;
}

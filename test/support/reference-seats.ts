/**
 * Seats as docs/spec/seats.md counts them, computed from an organisation document alone (independently
 * of the `seat_holder` view): the tests compare the two, and derive from it how many billing
 * events a change must record.
 */

const INTERNAL = ['limited', 'standard', 'premium'];
export const ALL_TIERS = [...INTERNAL, 'connect', 'invoicing', 'accounting', 'commercial'];

/** The predefined client profiles of docs/spec/client-access.md, one per tier. */
const PREDEFINED_CLIENT: Record<string, string> = {
  'Connect & pay': 'connect',
  'Easy Invoicing': 'invoicing',
  'Comptabilité complète': 'accounting',
  'Gestion commerciale avancée': 'commercial',
};

export interface SeatHolding {
  login: string;
  tier: string;
  /** The dossier (Account reference) of a client user's seat. */
  account?: string;
}

function profileTiers(doc: any): Map<string, string> {
  const tiers = new Map(Object.entries(PREDEFINED_CLIENT));
  tiers.set('Administrateur', 'premium');
  for (const p of doc.profiles ?? []) tiers.set(p.name, p.licenseTier ?? (p.audience === 'client' ? 'connect' : 'standard'));
  return tiers;
}

/** Every seat held in the organisation: one per active internal user with a role (or admin), one per active client user's dossier. */
export function referenceSeatHoldings(doc: any): SeatHolding[] {
  const tiers = profileTiers(doc);
  const roleProfiles = new Map<string, string[]>((doc.roles ?? []).map((r: any) => [r.name, r.profiles ?? []]));
  const seats: SeatHolding[] = [];
  for (const u of doc.users ?? []) {
    if (u.status === 'inactive' || u.freeSeat) continue;
    if ((u.kind ?? 'internal') === 'client') {
      for (const d of u.dossiers ?? []) seats.push({ login: u.login, tier: tiers.get(d.profile)!, account: d.account });
      continue;
    }
    if (u.isAdmin) {
      seats.push({ login: u.login, tier: 'premium' });
      continue;
    }
    if (!u.role) continue;
    const held = (roleProfiles.get(u.role) ?? []).map((p) => tiers.get(p)!).filter((t) => INTERNAL.includes(t));
    if (!held.length) continue;
    seats.push({ login: u.login, tier: held.reduce((a, b) => (INTERNAL.indexOf(b) > INTERNAL.indexOf(a) ? b : a)) });
  }
  return seats;
}

/** Seats used per tier (every tier listed, 0 when none). */
export function referenceSeatCounts(doc: any): Record<string, number> {
  const counts = Object.fromEntries(ALL_TIERS.map((t) => [t, 0]));
  for (const s of referenceSeatHoldings(doc)) counts[s.tier]++;
  return counts;
}

/** The billing events a change from `before` to `after` must record: per tier, used after minus the larger of used before and included. */
export function referenceSeatsOver(before: Record<string, number>, after: Record<string, number>, included: Record<string, number>): Record<string, number> {
  return Object.fromEntries(ALL_TIERS.map((t) => [t, Math.max(0, after[t] - Math.max(before[t], included[t] ?? 0))]).filter(([, n]) => (n as number) > 0));
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { importDoc } from '../support/import.js';
import { buildRandomOrg } from '../support/random-org.js';
import { ALL_TIERS, referenceSeatCounts, referenceSeatsOver } from '../support/reference-seats.js';

/**
 * For random organisations imported one after the other (each replacing the last), the seats the
 * database counts (`seat_holder`) are the ones docs/spec/seats.md counts (test/support/reference-seats.ts,
 * from the file alone), and each import records exactly the billing events of the seats it puts
 * over the subscription: per tier, used after minus the larger of used before and included.
 */
const RUNS = Number(process.env.PORTIER_SEAT_RUNS ?? 40);

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function databaseCounts(): Promise<Record<string, number>> {
  const rows: Array<{ tier: string; n: number }> = await db.ds.query(`SELECT tier, count(*)::int AS n FROM seat_holder GROUP BY tier`);
  return Object.fromEntries(ALL_TIERS.map((t) => [t, rows.find((r) => r.tier === t)?.n ?? 0]));
}

describe('seats against the spec', () => {
  it(`counts the seats of ${RUNS} random organisations as docs/spec/seats.md does, and bills each import's seats over`, async () => {
    let before = await databaseCounts();
    let checkedSeats = 0;
    let billed = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const doc = buildRandomOrg(seed * 7919, { recordsPerModule: 3, maxClients: 4 });
      // Some users offered a seat, some admins, to cover every rule.
      doc.users.forEach((u: any, i: number) => {
        if (i % 5 === 3) Object.assign(u, { freeSeat: true, freeSeatReason: 'expert-comptable du client' });
      });
      const expected = referenceSeatCounts(doc);
      const included = Object.fromEntries(ALL_TIERS.map((t) => [t, doc.subscription.seats[t] ?? 0]));
      const [{ n: eventsBefore }] = await db.ds.query(`SELECT count(*)::int AS n FROM billing_event`);
      const summary = await importDoc(db.ds, doc, true);
      const after = await databaseCounts();
      expect({ seed, seats: after }).toEqual({ seed, seats: expected });
      const over = referenceSeatsOver(before, after, included);
      const total = Object.values(over).reduce((a, b) => a + b, 0);
      const [{ n: eventsAfter }] = await db.ds.query(`SELECT count(*)::int AS n FROM billing_event`);
      expect({ seed, billed: eventsAfter - eventsBefore, summary: summary.seats.billingEvents }).toEqual({ seed, billed: total, summary: total });
      expect(Object.fromEntries(summary.seats.overruns.map((o) => [o.tier, o.over]))).toEqual(over);
      checkedSeats += Object.values(after).reduce((a, b) => a + b, 0);
      billed += total;
      before = after;
    }
    console.log(`seat property test: ${RUNS} random organisations, ${checkedSeats} seats counted, ${billed} billing events checked`);
  });
});

import type { Db } from './read-models/db.js';

/** Requests of one user to one module on one day (`YYYY-MM-DD`, the statistics' time zone). */
export interface ModuleActivityCount {
  day: string;
  userId: number;
  module: string;
  requests: number;
}

/**
 * Adds the counts to `module_activity` in one statement: one upsert per batch, whatever its size,
 * each row adding to the day's count rather than replacing it (other processes count too).
 */
export async function addModuleActivity(db: Db, counts: ModuleActivityCount[]): Promise<void> {
  await db.query(
    `INSERT INTO module_activity AS a (day, user_id, module, requests)
     SELECT * FROM unnest($1::date[], $2::int[], $3::text[], $4::int[])
     ON CONFLICT (day, user_id, module) DO UPDATE SET requests = a.requests + EXCLUDED.requests`,
    [counts.map((c) => c.day), counts.map((c) => c.userId), counts.map((c) => c.module), counts.map((c) => c.requests)],
  );
}

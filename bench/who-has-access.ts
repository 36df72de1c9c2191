import '../src/env.js';
import { DataSource } from 'typeorm';
import { AccessService, whoHasAccess } from '@portier/adminjs';
import { registry } from '../src/modules.js';
import { fullSetupDatabase } from './full-setup.js';

export interface WhoHasAccessTimes {
  /** First page for a fresh service: the set-up loaded, every access class compiled, the rows explained. */
  coldMs: number;
  /** The same page again: what a user waits for once the set-up version is compiled. */
  warmMs: number[];
  total: number;
}

/**
 * j) « Qui a accès ? » (issue 20): the first page of the panel, as an admin asks it, for a
 * contact of type "other" (read by every salesperson) and a deal owned by a user (private,
 * shared by rules); cold (a fresh AccessService, nothing compiled) and warm (five times again).
 * `npx tsx --conditions=portier-source bench/who-has-access.ts` measures it alone on the full
 * scale's set-up (10,000 users, 500 roles, 200 teams, 1,000 rules) with a few thousand records.
 */
export async function measureWhoHasAccess(ds: DataSource, runs = 5): Promise<Record<'contact' | 'deal', WhoHasAccessTimes & { id: number }>> {
  const [{ id: contactId }] = await ds.query(`SELECT id FROM contact WHERE type = 'other' ORDER BY id LIMIT 1`);
  const [{ id: dealId }] = await ds.query(`SELECT id FROM deal WHERE owner_user_id IS NOT NULL ORDER BY id LIMIT 1`);
  const [admin] = await ds.query(`SELECT id FROM app_user WHERE is_admin ORDER BY id LIMIT 1`);
  const time = async (f: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    const v = await f();
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, v };
  };
  const one = async (module: string, id: number) => {
    const service = new AccessService(ds, registry);
    const viewer = (await service.forUser(Number(admin.id)))!;
    const ask = () => whoHasAccess(service, viewer, module, String(id), { page: 1, search: '', lang: 'fr' });
    const cold = await time(ask);
    const warmMs: number[] = [];
    for (let i = 0; i < runs; i++) warmMs.push((await time(ask)).ms);
    return { id, coldMs: cold.ms, warmMs, total: (cold.v as { total: number }).total };
  };
  return { contact: await one('Contact', Number(contactId)), deal: await one('Deal', Number(dealId)) };
}

async function standalone(): Promise<void> {
  const { ds, drop } = await fullSetupDatabase('portier_bench_who');
  const [{ classes }] = await ds.query(
    `SELECT count(DISTINCT (u.kind, u.is_admin, u.role_id, (SELECT array_agg(team_id ORDER BY team_id) FROM team_member WHERE user_id = u.id)))::int AS classes
       FROM app_user u WHERE u.status = 'active'`,
  );
  console.log(`${classes} access classes`);
  const r = await measureWhoHasAccess(ds);
  for (const [what, m] of Object.entries(r)) {
    const sorted = [...m.warmMs].sort((a, b) => a - b);
    console.log(
      `j) Qui a accès ? first page, ${what} ${m.id} (${m.total} holders): cold ${Math.round(m.coldMs)} ms; warm ${m.warmMs.map((x) => Math.round(x)).join(', ')} ms (p50 ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms, target ≤ 1000 ms)`,
    );
  }
  await drop();
}

if (process.argv[1]?.endsWith('who-has-access.ts')) await standalone();

import '../src/env.js';
import { DataSource } from 'typeorm';
import { AccessService, type ServiceContext } from '@portier/adminjs';
import { previewChange } from '../plugin/src/services/access-preview.js';
import { saveProfile } from '../plugin/src/services/profile-writes.js';
import { registry } from '../src/modules.js';
import { fullSetupDatabase } from './full-setup.js';

/**
 * i) The preview of a profile change (docs/access-preview.md): the "Commercial" profile, which
 * almost every user holds, loses delete on deals and gains read on leads; the time of
 * `previewChange`, that is the change applied, every user's access class compared before and
 * after, and the rollback. Records never enter it, so `npx tsx --conditions=portier-source
 * bench/preview.ts` measures it alone on the full scale's set-up (10,000 users, 500 roles, 200
 * teams, 1,000 rules) with few records; `npm run bench` measures it on the full organisation.
 */
export async function measureProfilePreview(ds: DataSource, runs = 5): Promise<{ ms: number[]; users: number; lines: number }> {
  const service = new AccessService(ds, registry);
  const [admin] = await ds.query(`SELECT id FROM app_user WHERE is_admin ORDER BY id LIMIT 1`);
  const ctx: ServiceContext = { actor: (await service.forUser(Number(admin.id)))!, ip: null, userAgent: null, confirmSeats: true };
  const [profile] = await ds.query(`SELECT id, modules FROM profile WHERE name = 'Commercial'`);
  const modules = { ...profile.modules, Deal: { ...profile.modules.Deal, delete: false }, Lead: { ...profile.modules.Lead, read: true } };
  const ms: number[] = [];
  let last = { affected: 0, lines: [] as unknown[] };
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    last = await previewChange(service, (inside) => saveProfile(inside, ctx, Number(profile.id), { modules }));
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms, users: last.affected, lines: last.lines.length };
}

async function standalone(): Promise<void> {
  const { ds, drop } = await fullSetupDatabase('portier_bench_preview');
  const r = await measureProfilePreview(ds, 6);
  // The first run is cold (the engine's code not yet optimised by V8); the others are what a
  // consultant's next previews take: their median is the figure (docs/benchmarks.md, row i).
  const warm = r.ms.slice(1).sort((a, b) => a - b);
  console.log(
    `i) preview of a profile change: ${r.ms.map((x) => Math.round(x)).join(', ')} ms (cold ${Math.round(r.ms[0])} ms, warm p50 ${Math.round(warm[Math.floor(warm.length / 2)])} ms, target ≤ 2000 ms); ${r.users} users affected, ${r.lines} lines`,
  );
  await drop();
}

if (process.argv[1]?.endsWith('preview.ts')) await standalone();

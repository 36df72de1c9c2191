import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scale } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
type P = { p50: number; p95: number };

export interface Results {
  scale: string;
  sizes: Scale;
  machine: string;
  generate_s: number;
  floor_page_ms: P;
  floor_count_ms: P;
  engine_page_ms: P;
  engine_count_ms: P;
  floor_engine_agreement: string;
  engine_vs_floor_p50: number;
  api_user_ms: P;
  api_admin_ms: P;
  api_user_vs_admin_p50: number;
  compile_cold_ms: number;
  compile_warm_us: number;
  setup_load_ms: number;
  propagation_ms: number;
  throughput_filtered_rps: number;
  throughput_unfiltered_rps: number;
  throughput_ratio: number;
  edit_audited_rps: number;
  edit_unaudited_rps: number;
  edit_audit_ratio: number;
  /** i) previewing a profile change held by almost every user (optional: older results have none). */
  preview_profile_ms?: P;
  /** j) the first page of « Qui a accès ? » for a contact and a deal: cold (nothing compiled), warm (optional). */
  who_has_access_ms?: Record<'contact' | 'deal', { cold: number; warm: P }>;
  import_s: number;
  import_users: number;
  rss_mb: number;
  total_s: number;
}

/** The rows of the table: what, measured, target (and whether it is met). */
export function rows(r: Results): Array<[string, string, string, boolean | null]> {
  const p = (x: P) => `${x.p50} / ${x.p95} ms`;
  return [
    ['a) floor: hand-written SQL, page of 20 (p50 / p95)', p(r.floor_page_ms), '', null],
    ['a) floor: exact count', p(r.floor_count_ms), '', null],
    ['b) engine SQL via TypeORM: page of 20', p(r.engine_page_ms), 'near 3.4 / 10.5 ms', r.engine_page_ms.p50 <= 3.4 * 1.5],
    ['b) engine SQL via TypeORM: exact count', p(r.engine_count_ms), '≤ 15 ms p95', r.engine_count_ms.p95 <= 15],
    ['b/a (page + count, p50)', String(r.engine_vs_floor_p50), '≤ 1.2', r.engine_vs_floor_p50 <= 1.2],
    [
      'floor and engine agree (same page, same count)',
      r.floor_engine_agreement,
      'all',
      r.floor_engine_agreement.split('/')[0] === r.floor_engine_agreement.split('/')[1],
    ],
    ['c) AdminJS list API as the user', p(r.api_user_ms), '', null],
    ['c) AdminJS list API as an admin', p(r.api_admin_ms), '', null],
    ['c) user / admin (p50)', String(r.api_user_vs_admin_p50), '≤ 1.5', r.api_user_vs_admin_p50 <= 1.5],
    ['d) compile one user, cold', `${r.compile_cold_ms} ms`, '≤ 5 ms', r.compile_cold_ms <= 5],
    ['d) compile one user, cached', `${r.compile_warm_us} µs`, '≤ 50 µs', r.compile_warm_us <= 50],
    ['d) load the set-up (once per version)', `${r.setup_load_ms} ms`, '', null],
    ['e) propagation to a second process (p50)', `${r.propagation_ms} ms`, '≤ 1 s', r.propagation_ms <= 1000],
    [
      'f) throughput, filtered / unfiltered',
      `${r.throughput_filtered_rps} / ${r.throughput_unfiltered_rps} req/s = ${r.throughput_ratio}`,
      '≥ 0.7',
      r.throughput_ratio >= 0.7,
    ],
    ['h) edits through the API, audited / not audited', `${r.edit_audited_rps} / ${r.edit_unaudited_rps} req/s = ${r.edit_audit_ratio}`, '', null],
    ...(r.preview_profile_ms
      ? [
          ['i) preview of a profile change (p50 / p95)', p(r.preview_profile_ms), '≤ 2 s', r.preview_profile_ms.p95 <= 2000] as [
            string,
            string,
            string,
            boolean,
          ],
        ]
      : []),
    ...(r.who_has_access_ms
      ? (['contact', 'deal'] as const).map((what): [string, string, string, boolean] => {
          const m = r.who_has_access_ms![what];
          return [`j) Qui a accès ?, first page of a ${what}: warm (p50 / p95), cold`, `${p(m.warm)}, ${m.cold} ms`, '≤ 1 s warm', m.warm.p95 <= 1000];
        })
      : []),
    ['g) import of an organisation file', `${r.import_s} s for ${r.import_users} users`, '', null],
    ['g) server memory under load (RSS)', `${r.rss_mb} MB`, '', null],
  ];
}

export function writeReport(r: Results, log: (line: string) => void): void {
  const table = rows(r);
  const width = Math.max(...table.map((t) => t[0].length));
  log('');
  for (const [what, value, target, ok] of table) {
    log(`${what.padEnd(width)}  ${value.padEnd(34)} ${target ? `${target} ${ok ? '✓' : '✗'}` : ''}`);
  }
  log(`(generation ${r.generate_s} s, whole run ${r.total_s} s)`);
  fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(r, null, 2) + '\n');
  if (r.scale === 'full' || !fs.existsSync(path.join(root, 'docs/benchmarks.md'))) {
    const md = table.map(([what, value, target, ok]) => `| ${what} | ${value} | ${target} ${ok === null ? '' : ok ? '✓' : '✗'} |`).join('\n');
    const doc = fs
      .readFileSync(path.join(root, 'bench/benchmarks.template.md'), 'utf8')
      .replace('{{scale}}', r.scale)
      .replace('{{machine}}', r.machine)
      .replace('{{table}}', md)
      .replace(
        '{{sizes}}',
        `${r.sizes.users} users, ${r.sizes.roles} roles, ${r.sizes.teams} teams, ${r.sizes.rules} rules, ${r.sizes.contacts} contacts, ${r.sizes.accounts} accounts, ${r.sizes.deals} deals`,
      )
      .replace('{{generate}}', String(r.generate_s))
      .replace('{{total}}', String(r.total_s));
    fs.writeFileSync(path.join(root, 'docs/benchmarks.md'), doc);
  }
}

import type { DataSource } from 'typeorm';
import type { AccessPreview } from '@portier/adminjs';
import { canCreate, canExport, decide, fieldAccess, type RefOrg } from './reference-evaluator.js';

/**
 * Checks an access-change preview against the change applied for real: the organisation exported
 * before and after, and every user's rights recomputed by the independent evaluator
 * (reference-evaluator.ts) on the organisation's records. Answers the disagreements, in words.
 */

const RECORD_ACTIONS = ['read', 'edit', 'delete'] as const;
const CONTACT_TYPES = ['client', 'prospect', 'supplier', 'other'];
export const PREVIEW_FIELDS: Record<string, string[]> = {
  Contact: ['phone', 'email', 'birthDate', 'city'],
  Deal: ['amount', 'stage', 'closeDate'],
  Account: ['phone', 'annualRevenue'],
  Invoice: ['amount', 'dueDate'],
};

type Entry = { change: string; from: string; to: string };

/** login -> "module|action|detail" -> what the preview says. */
async function previewByLogin(ds: DataSource, preview: AccessPreview): Promise<Map<string, Map<string, Entry>>> {
  const logins = new Map<number, string>((await ds.query(`SELECT id, login FROM app_user`)).map((r: { id: number; login: string }) => [Number(r.id), r.login]));
  const out = new Map<string, Map<string, Entry>>();
  for (const line of preview.lines) {
    if (line.users.length !== line.count) throw new Error(`preview line lists ${line.users.length} of ${line.count} users`);
    for (const u of line.users) {
      const login = logins.get(u.id)!;
      if (!out.has(login)) out.set(login, new Map());
      out.get(login)!.set(`${line.module}|${line.action}|${line.detail ?? ''}`, { change: line.change, from: u.from, to: u.to });
    }
  }
  return out;
}

/** The records (by reference) a user may act on, per module, action and, for a Contact, type. */
function recordSets(org: RefOrg, login: string): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const [module, records] of Object.entries(org.records ?? {})) {
    for (const action of RECORD_ACTIONS) {
      const details = module === 'Contact' ? CONTACT_TYPES : [''];
      for (const d of details) {
        const chosen = records.filter((r) => (module === 'Contact' ? r.type === d : true));
        sets.set(`${module}|${action}|${d}`, new Set(chosen.filter((r) => decide(org, login, module, r.reference, action)).map((r) => r.reference)));
        sets.set(`${module}|${action}|${d}|all`, new Set(chosen.map((r) => r.reference)));
      }
    }
  }
  return sets;
}

function capabilities(org: RefOrg, login: string): Set<string> {
  const u = (org.users ?? []).find((x) => x.login === login)!;
  if ((u.status ?? 'active') !== 'active' || (u.kind ?? 'internal') !== 'internal') return new Set();
  if (u.isAdmin) return new Set(['manageUsers', 'manageAccess', 'viewAudit', 'viewStats', 'requestAccessChanges']);
  const role = (org.roles ?? []).find((r) => r.name === u.role);
  const profiles = (org.profiles ?? []).filter((p) => role?.profiles?.includes(p.name));
  return new Set(profiles.flatMap((p) => (p as { capabilities?: string[] }).capabilities ?? []));
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

export async function previewDisagreements(ds: DataSource, before: RefOrg, after: RefOrg, preview: AccessPreview): Promise<string[]> {
  const said = await previewByLogin(ds, preview);
  const problems: string[] = [];
  const logins = new Set([...(before.users ?? []), ...(after.users ?? [])].map((u) => u.login));
  for (const login of logins) {
    const inBefore = (before.users ?? []).some((u) => u.login === login);
    const inAfter = (after.users ?? []).some((u) => u.login === login);
    if (!inBefore || !inAfter) continue;
    const mine = said.get(login) ?? new Map<string, Entry>();
    const seen = new Set<string>();
    const b = recordSets(before, login);
    const a = recordSets(after, login);
    for (const [key, bs] of b) {
      if (key.endsWith('|all')) continue;
      const as = a.get(key)!;
      const all = a.get(`${key}|all`)!;
      const gained = [...as].some((x) => !bs.has(x));
      const lost = [...bs].some((x) => !as.has(x));
      const entry = mine.get(key);
      if (entry) seen.add(key);
      if ((gained || lost) && !entry) problems.push(`${login} ${key}: records ${gained ? 'gained' : ''}${lost ? ' lost' : ''}, preview silent`);
      if (!entry) continue;
      if (entry.change === 'gain' && lost) problems.push(`${login} ${key}: preview says gain, records lost`);
      if (entry.change === 'loss' && gained) problems.push(`${login} ${key}: preview says loss, records gained`);
      if (entry.to === 'none' && as.size) problems.push(`${login} ${key}: preview says no access after, ${as.size} records readable`);
      if (entry.from === 'none' && bs.size) problems.push(`${login} ${key}: preview says no access before, ${bs.size} records`);
      if (entry.to === 'all' && !sameSet(as, all)) problems.push(`${login} ${key}: preview says all after, not every record`);
      if (entry.from === 'all' && !sameSet(bs, b.get(`${key}|all`)!)) problems.push(`${login} ${key}: preview says all before, not every record`);
    }
    for (const module of Object.keys(after.records ?? {})) {
      for (const [action, can] of [
        ['create', canCreate],
        ['export', canExport],
      ] as const) {
        const key = `${module}|${action}|`;
        const was = can(before, login, module);
        const is = can(after, login, module);
        const entry = mine.get(key);
        if (entry) seen.add(key);
        if (was !== is && (!entry || entry.change !== (is ? 'gain' : 'loss')))
          problems.push(`${login} ${key}: ${was} -> ${is}, preview ${JSON.stringify(entry)}`);
        if (was === is && entry) problems.push(`${login} ${key}: unchanged, preview ${JSON.stringify(entry)}`);
      }
      const readsBoth = (b.get(`${module}|read|${module === 'Contact' ? 'client' : ''}`) ?? new Set()).size > 0;
      for (const field of PREVIEW_FIELDS[module] ?? []) {
        const key = `${module}|field|${field}`;
        const entry = mine.get(key);
        if (entry) seen.add(key);
        const was = fieldAccess(before, login, module, field);
        const is = fieldAccess(after, login, module, field);
        if (entry && (entry.from !== was || entry.to !== is)) problems.push(`${login} ${key}: ${was} -> ${is}, preview ${entry.from} -> ${entry.to}`);
        if (!entry && was !== is && readsBoth && (a.get(`${module}|read|${module === 'Contact' ? 'client' : ''}`) ?? new Set()).size > 0)
          problems.push(`${login} ${key}: ${was} -> ${is}, preview silent`);
      }
    }
    const cb = capabilities(before, login);
    const ca = capabilities(after, login);
    for (const c of new Set([...cb, ...ca])) {
      const key = `*|capability|${c}`;
      const entry = mine.get(key);
      if (entry) seen.add(key);
      if (cb.has(c) !== ca.has(c) && entry?.change !== (ca.has(c) ? 'gain' : 'loss'))
        problems.push(`${login} ${key}: ${cb.has(c)} -> ${ca.has(c)}, preview ${JSON.stringify(entry)}`);
      if (cb.has(c) === ca.has(c) && entry) problems.push(`${login} ${key}: unchanged, preview ${JSON.stringify(entry)}`);
    }
    for (const key of mine.keys()) if (!seen.has(key) && !key.includes('|field|')) problems.push(`${login} ${key}: preview line the check does not know`);
  }
  return problems;
}

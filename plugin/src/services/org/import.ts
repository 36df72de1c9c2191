import type { DataSource, EntityManager } from 'typeorm';
import { MODULE_ACTIONS, type ModulePrivileges } from '../../core/model.js';
import { linkKey, type ModuleRegistry } from '../../adapters/postgres/module-registry.js';
import { ensureSystemProfiles, PREDEFINED_PROFILES } from '../../adapters/postgres/system-profiles.js';
import type { OrgDocument } from './document.js';
import { loadExisting, loadReferences, ruleKey, type ExistingOrg } from './existing.js';
import { OrgFileError } from './json-path.js';
import { parseOrgDocument, type Parsed } from './parse.js';
import { orgModules } from './org-modules.js';
import { writeRecords } from './write-records.js';
import { writeDossiers, writeUsers } from './write-users.js';
import { auditAfter, recordSet, setupSets, snapshotBefore, type AuditedSet } from './audit-import.js';
import type { AuditActor } from '../../adapters/postgres/audit.js';
import { validateOrg } from './validate.js';
import { dossierRoot } from '../../core/client-access.js';
import { billedChange, type SeatOverrun } from '../seats.js';

export interface ImportProgress {
  phase: string;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Remove the organisation's set-up and records first. */
  replace?: boolean;
  onProgress?: (p: ImportProgress) => void;
  hashPassword: (password: string) => Promise<string>;
  /** Who imports, for the audit trail (a command-line import by default). */
  actor?: AuditActor;
}

export interface Counts {
  created: number;
  updated: number;
}

export interface ImportSummary {
  profiles: Counts;
  roles: Counts;
  teams: Counts;
  users: Counts;
  rules: Counts;
  defaults: number;
  records: Record<string, Counts>;
  replaced: boolean;
  /** Audit entries written: one per row created, updated or deleted. */
  audited: number;
  /** The tiers the import put over the subscription, and the billing events it recorded (docs/spec/seats.md). */
  seats: { overruns: SeatOverrun[]; billingEvents: number };
}

export const COMMAND_LINE_ACTOR: AuditActor = { id: null, login: 'import', ip: null, userAgent: 'npm run org -- import' };

const IMPORT_LOCK = 872_341_001; // one import at a time (pg_advisory_xact_lock)

/**
 * Imports an organisation file in one transaction: every error is reported with its JSON path
 * and a refused file changes nothing. Passwords are hashed before the transaction opens, once
 * the file is known to be valid, so that a long hashing phase holds no lock.
 */
export async function importOrg(ds: DataSource, registry: ModuleRegistry, input: unknown, options: ImportOptions): Promise<ImportSummary> {
  const parsed = parseOrgDocument(input);
  const modules = orgModules(ds, registry);

  // First pass, read-only: report every error before any costly work.
  await ds.transaction(async (m) => {
    await checkOrThrow(m, parsed, registry, modules, !!options.replace);
  });

  const hashes = await hashPasswords(parsed.doc, options);

  const actor = options.actor ?? COMMAND_LINE_ACTOR;
  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    // An import is its own confirmation: it records the billing events of the seats it adds over
    // the subscription and says so in its summary.
    const cause = { change: 'import' as const, said: { code: 'import' as const, replace: !!options.replace } };
    const { result, overruns, billed } = await billedChange(m, actor, cause, (tx) => writeOrg(tx, parsed, registry, modules, hashes, options), true);
    return { ...result, seats: { overruns, billingEvents: billed } };
  });
}

async function writeOrg(
  m: EntityManager,
  parsed: Parsed,
  registry: ModuleRegistry,
  modules: ReturnType<typeof orgModules>,
  hashes: Awaited<ReturnType<typeof hashPasswords>>,
  options: ImportOptions,
): Promise<Omit<ImportSummary, 'seats'>> {
  const audited = auditedSets(parsed.doc, registry, modules, !!options.replace);
  await snapshotBefore(m, audited);
  if (options.replace) await removeOrganisation(m, registry, modules);
  const existing = await checkOrThrow(m, parsed, registry, modules, false);
  const summary: Omit<ImportSummary, 'seats'> = {
    profiles: await writeProfiles(m, parsed.doc, existing),
    roles: { created: 0, updated: 0 },
    teams: { created: 0, updated: 0 },
    users: { created: 0, updated: 0 },
    rules: { created: 0, updated: 0 },
    defaults: 0,
    records: {},
    replaced: !!options.replace,
    audited: 0,
  };
  if (options.replace) await ensureSystemProfiles(m, registry);
  summary.roles = await writeRoles(m, parsed.doc);
  summary.users = await writeUsers(m, parsed.doc, hashes, (done, total) => options.onProgress?.({ phase: 'users', done, total }));
  summary.teams = await writeTeams(m, parsed.doc);
  summary.defaults = await writeDefaults(m, parsed.doc);
  summary.rules = await writeRules(m, parsed.doc, existing);
  await writeSubscription(m, parsed.doc);
  summary.records = await writeRecords(m, registry, modules, parsed.doc, existing, options.onProgress);
  await writeDossiers(m, parsed.doc, registry, modules);
  summary.audited = await auditAfter(m, audited, options.actor ?? COMMAND_LINE_ACTOR);
  return summary;
}

/** What the import may change: the set-up, the file's users and records (everything on --replace). */
function auditedSets(doc: OrgDocument, registry: ModuleRegistry, modules: ReturnType<typeof orgModules>, replace: boolean): AuditedSet[] {
  const sets = setupSets(replace ? null : (doc.users ?? []).map((u) => u.login));
  for (const name of registry.dependencyOrder()) {
    const list = doc.records?.[name];
    if (!replace && !list?.length) continue;
    const info = modules.get(name)!;
    const refs = replace ? null : list!.map((r) => r.reference).filter((r): r is string => typeof r === 'string');
    sets.push(recordSet(name, info.table, refs, Object.fromEntries(info.fields.map((f) => [f.column, f.property]))));
  }
  return sets;
}

async function checkOrThrow(
  m: EntityManager,
  parsed: Parsed,
  registry: ModuleRegistry,
  modules: ReturnType<typeof orgModules>,
  replace: boolean,
): Promise<ExistingOrg> {
  const existing = replace ? await loadExistingAfterReplace(m) : await loadExisting(m);
  for (const [module, refs] of referencedRecords(parsed.doc, registry)) {
    existing.references.set(module, replace ? new Map() : await loadReferences(m, modules.get(module)!.table, [...refs]));
  }
  const errors = validateOrg(parsed.doc, { catalog: registry.catalog, modules, existing, ghosts: parsed.ghosts });
  const all = [...parsed.errors.errors, ...errors.errors];
  if (all.length) throw new OrgFileError(all);
  return existing;
}

/** Per module, the references a file gives to its records or links to: the ones to look up. */
function referencedRecords(doc: OrgDocument, registry: ModuleRegistry): Map<string, Set<string>> {
  const refs = new Map(registry.names.map((n) => [n, new Set<string>()]));
  for (const [module, list] of Object.entries(doc.records ?? {})) {
    if (!registry.has(module)) continue;
    const links = registry.get(module).spec.links;
    for (const rec of list) {
      if (typeof rec.reference === 'string') refs.get(module)!.add(rec.reference);
      for (const l of links) {
        const v = rec[linkKey(l.field)];
        if (typeof v === 'string') refs.get(l.module)!.add(v);
      }
    }
  }
  const root = dossierRoot(registry.catalog)?.name;
  if (root) {
    for (const u of doc.users ?? []) for (const d of u.dossiers ?? []) refs.get(root)!.add(d.account);
  }
  return refs;
}

/** What remains after --replace: only the predefined system profiles. */
async function loadExistingAfterReplace(m: EntityManager): Promise<ExistingOrg> {
  const existing = await loadExisting(m);
  const keep = new Map([...existing.profiles].filter(([name]) => PREDEFINED_PROFILES.includes(name)));
  return { ...existing, profiles: keep, roles: new Map(), teams: new Map(), users: new Map(), rules: [], defaults: {} };
}

async function removeOrganisation(m: EntityManager, registry: ModuleRegistry, modules: ReturnType<typeof orgModules>): Promise<void> {
  for (const name of [...registry.dependencyOrder()].reverse()) await m.query(`DELETE FROM "${modules.get(name)!.table}"`);
  await m.query(`DELETE FROM sharing_rule; DELETE FROM sharing_default; DELETE FROM subscription_seat;`);
  await m.query(`DELETE FROM team_team; DELETE FROM team_role; DELETE FROM team_user; DELETE FROM team;`);
  await m.query(`UPDATE app_user SET reports_to_id = NULL, role_id = NULL WHERE reports_to_id IS NOT NULL OR role_id IS NOT NULL`);
  await m.query(`DELETE FROM app_user`);
  await m.query(`DELETE FROM role_profile; UPDATE role SET parent_id = NULL WHERE parent_id IS NOT NULL; DELETE FROM role;`);
  await m.query(`DELETE FROM profile WHERE NOT (name = ANY($1))`, [PREDEFINED_PROFILES]);
}

async function hashPasswords(doc: OrgDocument, options: ImportOptions): Promise<Map<string, string>> {
  const users = (doc.users ?? []).filter((u) => u.password !== undefined);
  const hashes = new Map<string, string>();
  const parallel = 4; // argon2 runs on libuv's thread pool
  for (let i = 0; i < users.length; i += parallel) {
    const batch = users.slice(i, i + parallel);
    const done = await Promise.all(batch.map((u) => options.hashPassword(u.password!)));
    batch.forEach((u, k) => hashes.set(u.login, done[k]));
    options.onProgress?.({ phase: 'passwords', done: Math.min(i + parallel, users.length), total: users.length });
  }
  return hashes;
}

function normaliseModules(modules: ModulePrivileges): ModulePrivileges {
  return Object.fromEntries(Object.entries(modules).map(([module, p]) => [module, Object.fromEntries(MODULE_ACTIONS.map((a) => [a, !!p[a]]))]));
}

async function writeProfiles(m: EntityManager, doc: OrgDocument, existing: ExistingOrg): Promise<Counts> {
  const counts = { created: 0, updated: 0 };
  for (const p of doc.profiles ?? []) {
    const audience = p.audience ?? existing.profiles.get(p.name)?.audience ?? 'internal';
    if (p.default) await m.query(`UPDATE profile SET is_default = false WHERE audience = $1 AND is_default AND name <> $2`, [audience, p.name]);
    const values: Record<string, unknown> = {
      description: p.description,
      system: p.system,
      is_default: p.default,
      audience: p.audience,
      license_tier: p.licenseTier ?? (existing.profiles.has(p.name) ? undefined : audience === 'client' ? 'connect' : 'standard'),
      view_all: p.viewAll,
      edit_all: p.editAll,
      capabilities: p.capabilities,
      modules: p.modules && JSON.stringify(normaliseModules(p.modules)),
      contact_scopes: p.contactScopes && JSON.stringify(p.contactScopes),
      fields: p.fields && JSON.stringify(p.fields),
    };
    const cols = Object.keys(values).filter((k) => values[k] !== undefined);
    const params = [p.name, ...cols.map((c) => values[c])];
    const inserted = await m.query(
      `INSERT INTO profile (name${cols.map((c) => `, ${c}`).join('')}) VALUES ($1${cols.map((_, i) => `, $${i + 2}`).join('')})
       ON CONFLICT (name) DO UPDATE SET updated_at = now()${cols.map((c) => `, ${c} = EXCLUDED.${c}`).join('')}
       RETURNING (xmax = 0) AS inserted`,
      params,
    );
    counts[inserted[0].inserted ? 'created' : 'updated']++;
  }
  return counts;
}

async function writeRoles(m: EntityManager, doc: OrgDocument): Promise<Counts> {
  const roles = doc.roles ?? [];
  if (!roles.length) return { created: 0, updated: 0 };
  const names = roles.map((r) => r.name);
  const created = await m.query(`INSERT INTO role (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING RETURNING id`, [names]);
  const withParent = roles.filter((r) => r.parent !== undefined);
  await m.query(
    `UPDATE role r SET parent_id = p.id
       FROM unnest($1::text[], $2::text[]) AS x(name, parent) LEFT JOIN role p ON p.name = x.parent
      WHERE r.name = x.name AND r.parent_id IS DISTINCT FROM p.id`,
    [withParent.map((r) => r.name), withParent.map((r) => r.parent ?? null)],
  );
  await m.query(`DELETE FROM role_profile WHERE role_id IN (SELECT id FROM role WHERE name = ANY ($1))`, [names]);
  const pairs = roles.flatMap((r) => r.profiles.map((p) => [r.name, p]));
  await m.query(
    `INSERT INTO role_profile (role_id, profile_id)
     SELECT r.id, p.id FROM unnest($1::text[], $2::text[]) AS x(role, profile)
       JOIN role r ON r.name = x.role JOIN profile p ON p.name = x.profile`,
    [pairs.map((x) => x[0]), pairs.map((x) => x[1])],
  );
  return { created: created.length, updated: roles.length - created.length };
}

async function writeTeams(m: EntityManager, doc: OrgDocument): Promise<Counts> {
  const teams = doc.teams ?? [];
  if (!teams.length) return { created: 0, updated: 0 };
  const created = await m.query(
    `INSERT INTO team (name, description) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (name) DO NOTHING RETURNING id`,
    [teams.map((t) => t.name), teams.map((t) => t.description ?? '')],
  );
  const described = teams.filter((t) => t.description !== undefined);
  await m.query(
    `UPDATE team t SET description = x.description FROM unnest($1::text[], $2::text[]) AS x(name, description)
      WHERE t.name = x.name AND t.description <> x.description`,
    [described.map((t) => t.name), described.map((t) => t.description)],
  );
  const replace = async (key: 'users' | 'roles' | 'rolesAndSubordinates' | 'teams', del: string, ins: string) => {
    const given = teams.filter((t) => t[key] !== undefined);
    if (!given.length) return;
    await m.query(del, [given.map((t) => t.name)]);
    const pairs = given.flatMap((t) => t[key]!.map((member) => [t.name, member]));
    if (pairs.length) await m.query(ins, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
  };
  const teamIds = `(SELECT id FROM team WHERE name = ANY ($1))`;
  await replace(
    'users',
    `DELETE FROM team_user WHERE team_id IN ${teamIds}`,
    `INSERT INTO team_user (team_id, user_id) SELECT t.id, u.id FROM unnest($1::text[], $2::text[]) AS x(team, member)
       JOIN team t ON t.name = x.team JOIN app_user u ON u.login = x.member`,
  );
  await replace(
    'roles',
    `DELETE FROM team_role WHERE NOT with_subordinates AND team_id IN ${teamIds}`,
    `INSERT INTO team_role (team_id, role_id, with_subordinates) SELECT t.id, r.id, false FROM unnest($1::text[], $2::text[]) AS x(team, member)
       JOIN team t ON t.name = x.team JOIN role r ON r.name = x.member`,
  );
  await replace(
    'rolesAndSubordinates',
    `DELETE FROM team_role WHERE with_subordinates AND team_id IN ${teamIds}`,
    `INSERT INTO team_role (team_id, role_id, with_subordinates) SELECT t.id, r.id, true FROM unnest($1::text[], $2::text[]) AS x(team, member)
       JOIN team t ON t.name = x.team JOIN role r ON r.name = x.member`,
  );
  await replace(
    'teams',
    `DELETE FROM team_team WHERE team_id IN ${teamIds}`,
    `INSERT INTO team_team (team_id, member_team_id) SELECT t.id, n.id FROM unnest($1::text[], $2::text[]) AS x(team, member)
       JOIN team t ON t.name = x.team JOIN team n ON n.name = x.member`,
  );
  return { created: created.length, updated: teams.length - created.length };
}

async function writeDefaults(m: EntityManager, doc: OrgDocument): Promise<number> {
  const defaults = Object.entries(doc.sharing?.defaults ?? {});
  if (!defaults.length) return 0;
  await m.query(
    `INSERT INTO sharing_default (module, level) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (module) DO UPDATE SET level = EXCLUDED.level WHERE sharing_default.level <> EXCLUDED.level`,
    [defaults.map((d) => d[0]), defaults.map((d) => d[1])],
  );
  return defaults.length;
}

async function writeRules(m: EntityManager, doc: OrgDocument, existing: ExistingOrg): Promise<Counts> {
  const counts = { created: 0, updated: 0 };
  for (const r of doc.sharing?.rules ?? []) {
    const key = ruleKey(r);
    const match = r.name ? existing.rules.find((e) => e.name === r.name) : existing.rules.find((e) => e.name === null && e.key === key);
    const target = (t: typeof r.from) => {
      const kind = Object.keys(t).find((k) => t[k as keyof typeof t] !== undefined) as 'role' | 'roleAndSubordinates' | 'team';
      return { kind, name: t[kind]! };
    };
    const from = target(r.from);
    const to = target(r.to);
    const params = [r.name ?? null, r.module, from.kind, from.name, to.kind, to.name, r.access];
    const values = `$1::text, $2::text, $3::text,
      (SELECT id FROM role WHERE $3::text <> 'team' AND name = $4::text), (SELECT id FROM team WHERE $3::text = 'team' AND name = $4::text),
      $5::text, (SELECT id FROM role WHERE $5::text <> 'team' AND name = $6::text), (SELECT id FROM team WHERE $5::text = 'team' AND name = $6::text), $7::text`;
    if (match) {
      if (match.key !== key) {
        await m.query(
          `UPDATE sharing_rule SET (name, module, from_kind, from_role_id, from_team_id, to_kind, to_role_id, to_team_id, access)
             = (${values}) WHERE id = $8`,
          [...params, match.id],
        );
      }
      counts.updated++;
    } else {
      await m.query(
        `INSERT INTO sharing_rule (name, module, from_kind, from_role_id, from_team_id, to_kind, to_role_id, to_team_id, access)
         VALUES (${values})`,
        params,
      );
      counts.created++;
    }
  }
  return counts;
}

async function writeSubscription(m: EntityManager, doc: OrgDocument): Promise<void> {
  const seats = doc.subscription?.seats;
  if (!seats) return;
  await m.query(`DELETE FROM subscription_seat`);
  const entries = Object.entries(seats).filter(([, n]) => n !== undefined);
  await m.query(`INSERT INTO subscription_seat (tier, included) SELECT * FROM unnest($1::text[], $2::int[])`, [
    entries.map((e) => e[0]),
    entries.map((e) => e[1]),
  ]);
}

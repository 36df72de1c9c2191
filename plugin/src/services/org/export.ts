import type { DataSource } from 'typeorm';
import { linkKey, type ModuleRegistry } from '../../adapters/postgres/module-registry.js';
import type { OrgDocument, OrgProfile, OrgRecord, OrgRule, OrgTeam, OrgUser } from './document.js';
import { orgModules } from './org-modules.js';
import { businessFields } from './record-fields.js';
import { dossierRoot } from '../../core/client-access.js';

/**
 * Exports the organisation in the import's shape, never with passwords, sorted by natural key so
 * that two exports of the same organisation are identical. Optional fields appear only when
 * they differ from their default, so that exporting what an import wrote gives back its file.
 */
export async function exportOrg(ds: DataSource, registry: ModuleRegistry, options: { records?: boolean } = {}): Promise<OrgDocument> {
  const doc: OrgDocument = {
    version: 1,
    profiles: await exportProfiles(ds),
    roles: await exportRoles(ds),
    teams: await exportTeams(ds),
    users: await exportUsers(ds, dossierTable(ds, registry)),
  };
  const seats = await ds.query(`SELECT tier, included FROM subscription_seat ORDER BY tier`);
  if (seats.length) doc.subscription = { seats: Object.fromEntries(seats.map((s: { tier: string; included: number }) => [s.tier, s.included])) };
  doc.sharing = {
    defaults: Object.fromEntries(
      (await ds.query(`SELECT module, level FROM sharing_default ORDER BY module`)).map((d: { module: string; level: string }) => [d.module, d.level]),
    ),
    rules: await exportRules(ds),
  };
  if (options.records) doc.records = await exportRecords(ds, registry);
  return doc;
}

async function exportProfiles(ds: DataSource): Promise<OrgProfile[]> {
  const rows = await ds.query(`SELECT * FROM profile ORDER BY name`);
  return rows.map((p: Record<string, never>) => ({
    name: p.name,
    description: p.description,
    system: p.system,
    default: p.is_default,
    ...(p.audience !== 'internal' ? { audience: p.audience } : {}),
    licenseTier: p.license_tier,
    viewAll: p.view_all,
    editAll: p.edit_all,
    capabilities: p.capabilities,
    modules: p.modules,
    contactScopes: p.contact_scopes,
    fields: p.fields,
  }));
}

async function exportRoles(ds: DataSource) {
  const rows = await ds.query(
    `SELECT r.name, p.name AS parent,
            coalesce(array_agg(pr.name ORDER BY pr.name) FILTER (WHERE pr.name IS NOT NULL), '{}') AS profiles
       FROM role r LEFT JOIN role p ON p.id = r.parent_id
       LEFT JOIN role_profile rp ON rp.role_id = r.id LEFT JOIN profile pr ON pr.id = rp.profile_id
      GROUP BY r.id, p.name ORDER BY r.name`,
  );
  return rows.map((r: { name: string; parent: string | null; profiles: string[] }) => ({ name: r.name, parent: r.parent, profiles: r.profiles }));
}

async function exportTeams(ds: DataSource): Promise<OrgTeam[]> {
  const rows = await ds.query(
    `SELECT t.name, t.description,
       coalesce((SELECT array_agg(u.login ORDER BY u.login) FROM team_user x JOIN app_user u ON u.id = x.user_id WHERE x.team_id = t.id), '{}') AS users,
       coalesce((SELECT array_agg(r.name ORDER BY r.name) FROM team_role x JOIN role r ON r.id = x.role_id WHERE x.team_id = t.id AND NOT x.with_subordinates), '{}') AS roles,
       coalesce((SELECT array_agg(r.name ORDER BY r.name) FROM team_role x JOIN role r ON r.id = x.role_id WHERE x.team_id = t.id AND x.with_subordinates), '{}') AS subtree,
       coalesce((SELECT array_agg(n.name ORDER BY n.name) FROM team_team x JOIN team n ON n.id = x.member_team_id WHERE x.team_id = t.id), '{}') AS teams
     FROM team t ORDER BY t.name`,
  );
  return rows.map((t: Record<string, never>) => ({
    name: t.name,
    description: t.description,
    users: t.users,
    roles: t.roles,
    rolesAndSubordinates: t.subtree,
    teams: t.teams,
  }));
}

/** The table of the dossiers' root module (the Account table), if the app declares one. */
function dossierTable(ds: DataSource, registry: ModuleRegistry): string | null {
  const root = dossierRoot(registry.catalog)?.name;
  return root ? orgModules(ds, registry).get(root)!.table : null;
}

async function exportUsers(ds: DataSource, table: string | null): Promise<OrgUser[]> {
  const dossierTable = `"${table ?? 'account'}"`;
  const rows = await ds.query(
    `SELECT u.*, r.name AS role_name, b.login AS boss,
            ${
              table
                ? `(SELECT json_agg(json_build_object('account', a.reference, 'profile', p.name) ORDER BY a.reference)
               FROM dossier_grant g JOIN ${dossierTable} a ON a.id = g.account_id JOIN profile p ON p.id = g.profile_id
              WHERE g.user_id = u.id)`
                : 'NULL::json'
            } AS dossiers
       FROM app_user u
       LEFT JOIN role r ON r.id = u.role_id LEFT JOIN app_user b ON b.id = u.reports_to_id ORDER BY u.login`,
  );
  return rows.map((u: Record<string, never>) => {
    const user: OrgUser = {
      login: u.login,
      email: u.email,
      firstName: u.first_name,
      lastName: u.last_name,
      isAdmin: u.is_admin,
      status: u.status,
      role: u.role_name,
      company: u.company,
      loginHours: u.login_hours,
    };
    const optional: Array<[keyof OrgUser, unknown, unknown]> = [
      ['kind', u.kind, 'internal'],
      ['title', u.title, null],
      ['department', u.department, null],
      ['reportsTo', u.boss, null],
      ['phone', u.phone, null],
      ['mobilePhone', u.mobile_phone, null],
      ['locale', u.locale, 'fr'],
      ['system', u.system, false],
      ['freeSeat', u.free_seat, false],
      ['freeSeatReason', u.free_seat_reason, null],
    ];
    for (const [key, value, fallback] of optional) if (value !== fallback) (user as Record<string, unknown>)[key] = value;
    if (u.kind === 'client') user.dossiers = u.dossiers ?? [];
    return user;
  });
}

async function exportRules(ds: DataSource): Promise<OrgRule[]> {
  const rows = await ds.query(
    `SELECT s.name, s.module, s.access, s.from_kind, s.to_kind,
            coalesce(fr.name, ft.name) AS from_name, coalesce(tr.name, tt.name) AS to_name
       FROM sharing_rule s
       LEFT JOIN role fr ON fr.id = s.from_role_id LEFT JOIN team ft ON ft.id = s.from_team_id
       LEFT JOIN role tr ON tr.id = s.to_role_id LEFT JOIN team tt ON tt.id = s.to_team_id
      ORDER BY s.module, s.name NULLS LAST, s.id`,
  );
  return rows.map((r: Record<string, string>) => ({
    ...(r.name !== null ? { name: r.name } : {}),
    module: r.module,
    from: { [r.from_kind]: r.from_name },
    to: { [r.to_kind]: r.to_name },
    access: r.access as OrgRule['access'],
  }));
}

async function exportRecords(ds: DataSource, registry: ModuleRegistry): Promise<Record<string, OrgRecord[]>> {
  const modules = orgModules(ds, registry);
  const logins = await names(ds, `SELECT id, login AS name FROM app_user`);
  const teams = await names(ds, `SELECT id, name FROM team`);
  const out: Record<string, OrgRecord[]> = {};
  for (const [module, info] of modules) {
    const col = (property: string) => info.fields.find((f) => f.property === property)!.column;
    const references = new Map<string, Map<number, string>>();
    for (const link of info.spec.links) {
      if (!references.has(link.module)) references.set(link.module, await names(ds, `SELECT id, reference AS name FROM "${modules.get(link.module)!.table}"`));
    }
    const business = businessFields(info);
    const rows = await ds.query(`SELECT * FROM "${info.table}" ORDER BY reference`);
    out[module] = rows.map((row: Record<string, unknown>) => {
      const rec: OrgRecord = { reference: row.reference, name: row.name };
      const spec = info.spec;
      if (spec.owner.kind === 'userOrTeam') {
        const user = row[col(spec.owner.userField)] as number | null;
        rec.owner = user !== null ? { user: logins.get(user) } : { team: teams.get(row[col(spec.owner.teamField)] as number) };
      } else if (spec.owner.kind === 'advisors') {
        for (const [key, field] of [
          ['primaryAdvisor', spec.owner.primaryField],
          ['secondaryAdvisor', spec.owner.secondaryField],
          ['assistant', spec.owner.assistantField],
        ]) {
          const id = row[col(field)] as number | null;
          rec[key] = id === null ? null : logins.get(id);
        }
      }
      for (const link of spec.links) {
        const id = row[col(link.field)] as number | null;
        rec[linkKey(link.field)] = id === null ? null : references.get(link.module)!.get(id);
      }
      for (const f of business) {
        const value = jsonValue(row[f.column], f.type);
        const always = f.property === spec.contactTypeField;
        if (always || (value !== null && value !== jsonValue(f.defaultValue ?? null, f.type))) rec[f.property] = value;
      }
      return rec;
    });
  }
  return out;
}

function jsonValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (type === 'numeric' || type === 'decimal') return Number(value);
  return value;
}

async function names(ds: DataSource, sql: string): Promise<Map<number, string>> {
  return new Map((await ds.query(sql)).map((r: { id: number; name: string }) => [r.id, r.name]));
}

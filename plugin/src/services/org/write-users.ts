import type { EntityManager } from 'typeorm';
import type { OrgDocument } from './document.js';
import type { Counts } from './import.js';
import { batchUpsert } from './batch-upsert.js';
import type { ModuleRegistry } from '../../adapters/postgres/module-registry.js';
import type { OrgModuleInfo } from './record-fields.js';
import { dossierRoot } from '../../core/client-access.js';

/** Users by login; `reportsTo` is set in a second pass, once every user of the file exists. */
export async function writeUsers(
  m: EntityManager,
  doc: OrgDocument,
  hashes: Map<string, string>,
  onProgress: (done: number, total: number) => void,
): Promise<Counts> {
  const users = doc.users ?? [];
  if (!users.length) return { created: 0, updated: 0 };
  const roleIds = new Map<string, number>((await m.query(`SELECT id, name FROM role`)).map((r: { id: number; name: string }) => [r.name, r.id]));
  const rows = users.map((u) => ({
    login: u.login,
    email: u.email,
    password_hash: hashes.get(u.login),
    first_name: u.firstName,
    last_name: u.lastName,
    is_admin: u.isAdmin,
    status: u.status,
    role_id: u.role === undefined ? undefined : u.role === null ? null : roleIds.get(u.role),
    kind: u.kind,
    company: u.company,
    title: u.title,
    department: u.department,
    phone: u.phone,
    mobile_phone: u.mobilePhone,
    locale: u.locale,
    login_hours: u.loginHours,
    system: u.system,
    free_seat: u.freeSeat,
    free_seat_reason: u.freeSeatReason,
  }));
  const written = await batchUpsert(m, 'app_user', 'login', rows, (done) => onProgress(done, users.length));
  const reporting = users.filter((u) => u.reportsTo !== undefined);
  if (reporting.length) {
    await m.query(
      `UPDATE app_user u SET reports_to_id = b.id
         FROM unnest($1::text[], $2::text[]) AS x(login, boss) LEFT JOIN app_user b ON b.login = x.boss
        WHERE u.login = x.login AND u.reports_to_id IS DISTINCT FROM b.id`,
      [reporting.map((u) => u.login), reporting.map((u) => u.reportsTo ?? null)],
    );
  }
  const created = written.filter((w) => w.inserted).length;
  return { created, updated: written.length - created };
}

/**
 * The dossier grants of the file's client users, once their Accounts exist: a user whose entry
 * lists `dossiers` holds exactly those afterwards; one that does not keeps theirs.
 */
export async function writeDossiers(m: EntityManager, doc: OrgDocument, registry: ModuleRegistry, modules: Map<string, OrgModuleInfo>): Promise<void> {
  const root = dossierRoot(registry.catalog)?.name;
  const given = (doc.users ?? []).filter((u) => u.dossiers !== undefined);
  if (!root || !given.length) return;
  const table = modules.get(root)!.table;
  await m.query(`DELETE FROM dossier_grant WHERE user_id IN (SELECT id FROM app_user WHERE login = ANY($1))`, [given.map((u) => u.login)]);
  const triples = given.flatMap((u) => u.dossiers!.map((d) => [u.login, d.account, d.profile]));
  if (!triples.length) return;
  await m.query(
    `INSERT INTO dossier_grant (user_id, account_id, profile_id)
     SELECT u.id, a.id, p.id FROM unnest($1::text[], $2::text[], $3::text[]) AS x(login, account, profile)
       JOIN app_user u ON u.login = x.login JOIN "${table}" a ON a.reference = x.account JOIN profile p ON p.name = x.profile`,
    [triples.map((t) => t[0]), triples.map((t) => t[1]), triples.map((t) => t[2])],
  );
}

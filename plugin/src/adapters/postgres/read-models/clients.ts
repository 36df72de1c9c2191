import type { ClientTier, FieldAccessMap, ModulePrivileges } from '../../../core/model.js';
import type { Db, UserStatus } from './db.js';
import type { ProfileRecord } from './profiles.js';

/** A client profile with its tier and how many (user, dossier) pairs and users hold it. */
export interface ClientProfileRow {
  id: number;
  name: string;
  description: string;
  tier: ClientTier;
  system: boolean;
  isDefault: boolean;
  modules: ModulePrivileges;
  fields: FieldAccessMap;
  pairs: number;
  users: number;
}

/** A client user with their dossiers, each with the profile it is granted with. */
export interface ClientUserRow {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  company: string | null;
  status: UserStatus;
  dossiers: Array<{ accountId: number; account: string; accountName: string | null; profileId: number; profile: string }>;
}

/** How much of an Account the viewer may see: its name as SQL on the alias `a`, and its values from `$2`. */
export interface AccountSight {
  name: string;
  values: unknown[];
}

/** The client profiles, by tier (`tiers` in price order), system ones first. */
export function clientProfiles(db: Db, tiers: readonly string[]): Promise<ClientProfileRow[]> {
  return db.query(
    `SELECT p.id, p.name, p.description, p.license_tier AS tier, p.system, p.is_default AS "isDefault", p.modules, p.fields,
            (SELECT count(*)::int FROM dossier_grant g WHERE g.profile_id = p.id) AS pairs,
            (SELECT count(DISTINCT g.user_id)::int FROM dossier_grant g WHERE g.profile_id = p.id) AS users
       FROM profile p WHERE p.audience = 'client' ORDER BY array_position($1::text[], p.license_tier), p.system DESC, p.name`,
    [tiers],
  );
}

/** A client profile by its id; none for an internal profile. */
export async function clientProfile(db: Db, profileId: number): Promise<ProfileRecord | undefined> {
  const [p]: ProfileRecord[] = await db.query(`SELECT * FROM profile WHERE id = $1 AND audience = 'client'`, [profileId]);
  return p;
}

/** Which client users: a text matched (ILIKE) on login, last name, first name or company, or one user by id; a page of them. */
export interface ClientUserQuery {
  pattern?: string;
  id?: number;
  limit: number;
  offset: number;
}

const CLIENT_WHERE = `u.kind = 'client' AND ($1::text IS NULL OR u.login ILIKE $1 OR u.last_name ILIKE $1 OR u.first_name ILIKE $1 OR u.company ILIKE $1)
   AND ($2::int IS NULL OR u.id = $2)`;

/**
 * A page of the client users the query names, by login, with their dossiers on `accounts` (the
 * dossier module's table); each Account's name as `sight` shows it (its values from `$5`).
 */
export function clientUsers(db: Db, query: ClientUserQuery, accounts: string, sight: AccountSight): Promise<ClientUserRow[]> {
  return db.query(
    `SELECT u.id, u.login, u.first_name AS "firstName", u.last_name AS "lastName", u.company, u.status,
            coalesce((SELECT json_agg(json_build_object('accountId', a.id, 'account', a.reference, 'accountName', ${sight.name}, 'profileId', p.id, 'profile', p.name) ORDER BY a.reference)
                        FROM dossier_grant g JOIN "${accounts}" a ON a.id = g.account_id JOIN profile p ON p.id = g.profile_id WHERE g.user_id = u.id), '[]') AS dossiers
       FROM app_user u WHERE ${CLIENT_WHERE} ORDER BY u.login LIMIT $3 OFFSET $4`,
    [query.pattern ?? null, query.id ?? null, query.limit, query.offset, ...sight.values],
  );
}

/** How many client users the query names (all pages). */
export async function clientUserCount(db: Db, query: Pick<ClientUserQuery, 'pattern' | 'id'>): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM app_user u WHERE ${CLIENT_WHERE}`, [query.pattern ?? null, query.id ?? null]);
  return n;
}

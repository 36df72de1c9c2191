import type { DataSource } from 'typeorm';

/**
 * The connection statistics, every figure counted by PostgreSQL (nothing is counted in JS):
 * sign-in attempts from `login_event`, module requests from `module_activity` (kept up to date
 * as requests arrive, see adminjs/activity.ts). Definitions are in docs/statistics.md.
 */

/** Days are the organisation's days: a sign-in at 00:30 in Paris counts for that Paris day. */
export const STATS_TIME_ZONE = 'Europe/Paris';
const TZ = `'${STATS_TIME_ZONE}'`;

export interface StatsFilters {
  /** First day, `YYYY-MM-DD`, included. */
  from: string;
  /** Last day, `YYYY-MM-DD`, included. */
  to: string;
  /** Only this module's requests (sign-ins name no module: they are not filtered by it). */
  module?: string;
  /** Sign-ins recorded for this company; requests of users of this company. */
  company?: string;
  userId?: number;
}

/** Builds positional parameters: `p(value)` → `$n`. */
class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The sign-in attempts of the period matching the filters, on alias `e`. */
function loginWhere(f: StatsFilters, ps: Params): string {
  const parts = [`e.at >= (${ps.p(f.from)}::date::timestamp AT TIME ZONE ${TZ})`, `e.at < ((${ps.p(f.to)}::date + 1)::timestamp AT TIME ZONE ${TZ})`];
  if (f.company !== undefined) parts.push(`e.company = ${ps.p(f.company)}`);
  if (f.userId !== undefined) parts.push(`e.user_id = ${ps.p(f.userId)}`);
  return parts.join(' AND ');
}

/** The module activity of the period matching the filters, on alias `a`. */
function activityWhere(f: StatsFilters, ps: Params): string {
  const parts = [`a.day BETWEEN ${ps.p(f.from)}::date AND ${ps.p(f.to)}::date`];
  if (f.module !== undefined) parts.push(`a.module = ${ps.p(f.module)}`);
  if (f.company !== undefined) parts.push(`a.user_id IN (SELECT id FROM app_user WHERE company = ${ps.p(f.company)})`);
  if (f.userId !== undefined) parts.push(`a.user_id = ${ps.p(f.userId)}`);
  return parts.join(' AND ');
}

function days(f: StatsFilters, ps: Params): string {
  return `generate_series(${ps.p(f.from)}::date, ${ps.p(f.to)}::date, interval '1 day') AS d`;
}

/**
 * Who was active on which day: a successful sign-in or at least one module request that day.
 * With a module filter, only the requests to that module make a user active.
 */
function activeSql(f: StatsFilters, ps: Params): string {
  const requests = `SELECT a.day, a.user_id FROM module_activity a WHERE ${activityWhere(f, ps)}`;
  if (f.module !== undefined) return requests;
  const signIns = `SELECT (e.at AT TIME ZONE ${TZ})::date AS day, e.user_id FROM login_event e
                    WHERE e.success AND e.user_id IS NOT NULL AND ${loginWhere(f, ps)}`;
  return `${signIns} UNION ${requests}`;
}

export interface ConnectionStats {
  period: { from: string; to: string; timeZone: string };
  signIns: {
    success: number;
    failure: number;
    perDay: Array<{ day: string; success: number; failure: number }>;
  };
  activeUsers: {
    /** Distinct users active at least once in the period. */
    total: number;
    perDay: Array<{ day: string; users: number }>;
    /** ISO weeks (Monday first) that meet the period; only the period's days of a week count. */
    perWeek: Array<{ week: string; isoWeek: string; users: number }>;
  };
  failures: {
    total: number;
    byReason: Array<{ reason: string; count: number }>;
    latest: Array<{
      id: number;
      at: Date;
      login: string;
      userId: number | null;
      fullName: string | null;
      reason: string | null;
      ip: string | null;
      company: string | null;
    }>;
  };
  activity: {
    requests: number;
    users: number;
    byModule: Array<{ module: string; requests: number; users: number }>;
    perDay: Array<{ day: string; requests: number; byModule: Record<string, number> }>;
    topUsers: Array<{
      userId: number;
      login: string | null;
      fullName: string | null;
      company: string | null;
      requests: number;
      byModule: Record<string, number>;
    }>;
    /** The stored rows themselves (requests per module per user per day), latest first. */
    detail: Array<{ day: string; userId: number; login: string | null; fullName: string | null; module: string; requests: number }>;
  };
}

export const LATEST_FAILURES = 20;
export const TOP_USERS = 10;
export const DETAIL_ROWS = 100;

export async function connectionStats(ds: DataSource, f: StatsFilters): Promise<ConnectionStats> {
  const q = async <T>(build: (ps: Params) => string): Promise<T[]> => {
    const ps = new Params();
    const sql = build(ps);
    return ds.query(sql, ps.values);
  };

  const [perDaySignIns, signInTotals, byReason, latest, activePerDay, activePerWeek, activeTotal, activityTotals, byModule, activityPerDay, topUsers, detail] =
    await Promise.all([
      q<{ day: string; success: number; failure: number }>(
        (ps) => `
        WITH ev AS (SELECT (e.at AT TIME ZONE ${TZ})::date AS day, e.success FROM login_event e WHERE ${loginWhere(f, ps)})
        SELECT to_char(d, 'YYYY-MM-DD') AS day, count(ev.day) FILTER (WHERE ev.success) AS success, count(ev.day) FILTER (WHERE NOT ev.success) AS failure
          FROM ${days(f, ps)} LEFT JOIN ev ON ev.day = d::date GROUP BY d ORDER BY d`,
      ),
      q<{ success: number; failure: number }>(
        (ps) => `
        SELECT count(*) FILTER (WHERE e.success) AS success, count(*) FILTER (WHERE NOT e.success) AS failure FROM login_event e WHERE ${loginWhere(f, ps)}`,
      ),
      q<{ reason: string; count: number }>(
        (ps) => `
        SELECT coalesce(e.reason, 'unknown') AS reason, count(*) AS count FROM login_event e
         WHERE NOT e.success AND ${loginWhere(f, ps)} GROUP BY 1 ORDER BY 2 DESC, 1`,
      ),
      q<ConnectionStats['failures']['latest'][number]>(
        (ps) => `
        SELECT e.id, e.at, e.login, e.user_id AS "userId", u.full_name AS "fullName", e.reason, e.ip, e.company
          FROM login_event e LEFT JOIN app_user u ON u.id = e.user_id
         WHERE NOT e.success AND ${loginWhere(f, ps)} ORDER BY e.at DESC, e.id DESC LIMIT ${LATEST_FAILURES}`,
      ),
      q<{ day: string; users: number }>(
        (ps) => `
        WITH act AS (${activeSql(f, ps)})
        SELECT to_char(d, 'YYYY-MM-DD') AS day, count(DISTINCT act.user_id) AS users
          FROM ${days(f, ps)} LEFT JOIN act ON act.day = d::date GROUP BY d ORDER BY d`,
      ),
      q<{ week: string; isoWeek: string; users: number }>(
        (ps) => `
        WITH act AS (${activeSql(f, ps)})
        SELECT to_char(w, 'YYYY-MM-DD') AS week, to_char(w, 'IYYY-"W"IW') AS "isoWeek", count(DISTINCT act.user_id) AS users
          FROM generate_series(date_trunc('week', ${ps.p(f.from)}::date), ${ps.p(f.to)}::date, interval '1 week') AS w
          LEFT JOIN act ON act.day >= w::date AND act.day < w::date + 7
         GROUP BY w ORDER BY w`,
      ),
      q<{ users: number }>((ps) => `WITH act AS (${activeSql(f, ps)}) SELECT count(DISTINCT user_id) AS users FROM act`),
      q<{ requests: number; users: number }>(
        (ps) => `
        SELECT coalesce(sum(a.requests), 0) AS requests, count(DISTINCT a.user_id) AS users FROM module_activity a WHERE ${activityWhere(f, ps)}`,
      ),
      q<{ module: string; requests: number; users: number }>(
        (ps) => `
        SELECT a.module, sum(a.requests) AS requests, count(DISTINCT a.user_id) AS users FROM module_activity a
         WHERE ${activityWhere(f, ps)} GROUP BY a.module ORDER BY 2 DESC, 1`,
      ),
      q<{ day: string; requests: number; byModule: Record<string, number> }>(
        (ps) => `
        WITH x AS (SELECT a.day, a.module, sum(a.requests) AS requests FROM module_activity a WHERE ${activityWhere(f, ps)} GROUP BY 1, 2)
        SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(sum(x.requests), 0)::bigint AS requests,
               coalesce(jsonb_object_agg(x.module, x.requests) FILTER (WHERE x.module IS NOT NULL), '{}') AS "byModule"
          FROM ${days(f, ps)} LEFT JOIN x ON x.day = d::date GROUP BY d ORDER BY d`,
      ),
      q<ConnectionStats['activity']['topUsers'][number]>(
        (ps) => `
        WITH x AS (SELECT a.user_id, a.module, sum(a.requests) AS requests FROM module_activity a WHERE ${activityWhere(f, ps)} GROUP BY 1, 2)
        SELECT x.user_id AS "userId", u.login, u.full_name AS "fullName", u.company, sum(x.requests)::bigint AS requests,
               jsonb_object_agg(x.module, x.requests) AS "byModule"
          FROM x LEFT JOIN app_user u ON u.id = x.user_id
         GROUP BY x.user_id, u.login, u.full_name, u.company ORDER BY 5 DESC, 1 LIMIT ${TOP_USERS}`,
      ),
      q<ConnectionStats['activity']['detail'][number]>(
        (ps) => `
        SELECT to_char(a.day, 'YYYY-MM-DD') AS day, a.user_id AS "userId", u.login, u.full_name AS "fullName", a.module, a.requests
          FROM module_activity a LEFT JOIN app_user u ON u.id = a.user_id
         WHERE ${activityWhere(f, ps)} ORDER BY a.day DESC, a.requests DESC, a.user_id, a.module LIMIT ${DETAIL_ROWS}`,
      ),
    ]);

  return {
    period: { from: f.from, to: f.to, timeZone: STATS_TIME_ZONE },
    signIns: { success: signInTotals[0].success, failure: signInTotals[0].failure, perDay: perDaySignIns },
    activeUsers: { total: activeTotal[0].users, perDay: activePerDay, perWeek: activePerWeek },
    failures: { total: signInTotals[0].failure, byReason, latest },
    activity: { requests: activityTotals[0].requests, users: activityTotals[0].users, byModule, perDay: activityPerDay, topUsers, detail },
  };
}

/** Today in the statistics' time zone, `YYYY-MM-DD`. */
export async function statsToday(ds: DataSource): Promise<string> {
  const [row] = await ds.query(`SELECT to_char((now() AT TIME ZONE ${TZ})::date, 'YYYY-MM-DD') AS today`);
  return row.today;
}

/** The companies to filter by: those of the users. */
export async function statsCompanies(ds: DataSource): Promise<string[]> {
  const rows: Array<{ company: string }> = await ds.query(`SELECT DISTINCT company FROM app_user WHERE company IS NOT NULL AND company <> '' ORDER BY 1`);
  return rows.map((r) => r.company);
}

export interface StatsUser {
  id: number;
  login: string;
  fullName: string;
  company: string | null;
}

export async function statsUser(ds: DataSource, id: number): Promise<StatsUser | null> {
  const [row] = await ds.query(`SELECT id, login, full_name AS "fullName", company FROM app_user WHERE id = $1`, [id]);
  return row ?? null;
}

/** Users whose login or name contains `text` (the user filter's picker). */
export async function searchStatsUsers(ds: DataSource, text: string, limit = 20): Promise<StatsUser[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return ds.query(
    `SELECT id, login, full_name AS "fullName", company FROM app_user
      WHERE login ILIKE $1 OR full_name ILIKE $1 ORDER BY lower(full_name), id LIMIT $2`,
    [pattern, limit],
  );
}

export interface LoginHistory {
  user: StatsUser | null;
  total: number;
  successes: number;
  failures: number;
  lastSuccess: Date | null;
  page: number;
  perPage: number;
  items: Array<{
    id: number;
    at: Date;
    login: string;
    success: boolean;
    reason: string | null;
    ip: string | null;
    userAgent: string | null;
    company: string | null;
  }>;
}

/** One user's sign-in attempts, latest first (attempts with an unknown login belong to nobody). */
export async function loginHistory(ds: DataSource, userId: number, page: number, perPage: number): Promise<LoginHistory> {
  const [user, [summary], items] = await Promise.all([
    statsUser(ds, userId),
    ds.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE success) AS successes, count(*) FILTER (WHERE NOT success) AS failures,
              max(at) FILTER (WHERE success) AS "lastSuccess"
         FROM login_event WHERE user_id = $1`,
      [userId],
    ),
    ds.query(
      `SELECT id, at, login, success, reason, ip, user_agent AS "userAgent", company FROM login_event
        WHERE user_id = $1 ORDER BY at DESC, id DESC LIMIT $2 OFFSET $3`,
      [userId, perPage, (page - 1) * perPage],
    ),
  ]);
  return { user, ...summary, page, perPage, items };
}

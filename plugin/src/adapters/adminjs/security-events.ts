import type { Request, RequestHandler, Response } from 'express';
import type { DataSource } from 'typeorm';
import { currentAccess, type RequestAccess } from './request-context.js';
import { audit, type AuditActor } from '../postgres/audit.js';
import type { Refusal } from '../../core/refusal.js';

/** What a request under `/api` or `/portier` needs to write its security events when it answers. */
interface Pending {
  ds: DataSource;
  store: RequestAccess;
  refusals: Refusal[];
  /** The record a Portier route is about, read before its router took the `/portier` prefix off the path. */
  about: Pick<Target, 'module' | 'recordId'> | null;
}

const pending = new WeakMap<Response, Pending>();

/**
 * Security events of the audit trail that are not changes: refused attempts (a forbidden action,
 * a record one may not read, a write the engine refused) and safeguard refusals (sign-ins and
 * sign-outs are written where they happen: auth/sign-in.ts, session-routes.ts).
 * This middleware starts collecting the refusals met while serving the request; the answer
 * writes them (`recordRefusals`), from the places that map refusals to HTTP: the error handler,
 * AdminJS's API answers (api-answer.ts) and Portier's routes (console/common/respond.ts).
 */
export function securityEvents(ds: DataSource): RequestHandler {
  return (req, res, next) => {
    const store = currentAccess();
    if (!store) return next();
    if (!req.path.startsWith('/api/') && !req.path.startsWith('/portier/')) return next();
    const refusals: Refusal[] = [];
    store.refusals = refusals;
    // Read now: inside Portier's router, req.path loses its `/portier` prefix.
    pending.set(res, { ds, store, refusals, about: portierRecordOf(req) });
    next();
  };
}

/**
 * Writes the security events of the answer about to go (its status already set): the refusals
 * collected, else a refusal the answer itself says. Each is written in a transaction of its
 * own, after the refused change has rolled back, so the refusal stays on record while nothing of
 * the change does. The answer waits for its entries, so that whoever reads the trail next finds
 * them; writing one never fails the request (this promise never rejects).
 */
export async function recordRefusals(res: Response, body: unknown): Promise<void> {
  const p = pending.get(res);
  if (!p) return;
  pending.delete(res);
  // The path as the answering router reads it: the attempt of a Portier route is `GET /owners`.
  const target = { ...targetOf(res.req), ...p.about };
  const refused = refusalIn(body, res.statusCode);
  const events = p.refusals.length
    ? p.refusals.map((r) => ({ ...target, action: r.safeguard ? 'safeguardRefused' : 'refused', message: `${target.attempt} : ${r.message}` }))
    : refused
      ? [{ ...target, action: 'refused', message: `${target.attempt} : ${refused}` }]
      : [];
  for (const e of events) await record(p.ds, p.store, e);
}

/** A JSON answer (its status set) that goes once its security events are written. */
export async function jsonAfterEvents(res: Response, body: unknown): Promise<void> {
  await recordRefusals(res, body);
  res.json(body);
}

interface Target {
  module: string | null;
  recordId: string | null;
  /** The action attempted, e.g. "edit", "bulkDelete", "GET /portier/audit". */
  attempt: string;
}

/** `/api/resources/Contact/records/12/edit` → Contact, 12, edit; bulk record ids come from the query. */
function targetOf(req: Request): Target {
  const m = /^\/api\/resources\/([^/]+)\/(?:records\/([^/]+)\/([^/]+)|actions\/([^/]+)|bulk\/([^/]+))/.exec(req.path);
  if (!m) return { module: null, recordId: null, attempt: `${req.method} ${req.path}` };
  const bulkIds = typeof req.query.recordIds === 'string' ? req.query.recordIds : null;
  return { module: decodeURIComponent(m[1]), recordId: m[2] ?? bulkIds, attempt: m[3] ?? m[4] ?? m[5] };
}

const queryText = (v: unknown): string | null => (typeof v === 'string' && v ? v.slice(0, 64) : null);
const decoded = (v: string): string => {
  try {
    return decodeURIComponent(v).slice(0, 64);
  } catch {
    return v.slice(0, 64);
  }
};

/**
 * The record a Portier route is about — a record's history, an owner picker, "Pourquoi ?" — so
 * that a refusal met there is an entry about that record, read only by those who may read record
 * entries (docs/spec/access-model.md, "Who reads the audit trail"). Null for the other routes.
 */
function portierRecordOf(req: Request): Pick<Target, 'module' | 'recordId'> | null {
  const history = /^\/portier\/history\/([^/]+)\/([^/]+)/.exec(req.path);
  if (history) return { module: decoded(history[1]), recordId: decoded(history[2]) };
  if (req.path === '/portier/owners') return { module: queryText(req.query.module), recordId: queryText(req.query.recordId) };
  if (/^\/portier\/effective-access\/users\/[^/]+\/explain$/.test(req.path)) return { module: queryText(req.query.module), recordId: null };
  return null;
}

/** A refusal answered without a Refusal thrown: AdminJS's ForbiddenError/NotFoundError, or a 403 of our own routes. */
function refusalIn(body: unknown, status: number): string | null {
  const b = body as {
    notice?: { type?: string; message?: string };
    record?: { baseError?: { type?: string; message?: string } | null };
    error?: string;
  } | null;
  const type = b?.record?.baseError?.type;
  if (b?.notice?.type === 'error' && (type === 'ForbiddenError' || type === 'NotFoundError')) {
    return b.record?.baseError?.message ?? b.notice.message ?? type;
  }
  if (status === 403) return b?.error ?? 'forbidden';
  return null;
}

async function record(
  ds: DataSource,
  store: RequestAccess,
  e: { action: string; module?: string | null; recordId?: string | null; message: string | null },
): Promise<void> {
  const actor: AuditActor = { id: store.access.user.id, login: store.access.user.login, ip: store.ip, userAgent: store.userAgent };
  try {
    await audit(ds, actor, { action: e.action, module: e.module ?? null, recordId: e.recordId ?? null, message: e.message });
  } catch (err) {
    console.error('[audit] a security event could not be written:', (err as Error).message);
  }
}

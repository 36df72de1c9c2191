// The audit trail's API, as the audit page and the records' "Historique" panel call it.
// Bundled into each component that imports it.
import { portierFetch } from '../common/portier-api.js';

export const AUDIT_PAGE = 'auditTrail';

/** An audit entry as audit-routes.ts sends it (the audit_entry row, the actor's name added). */
export interface AuditEntryRow {
  id: string;
  at: string;
  actorId: number | null;
  actorLogin: string | null;
  actorName?: string | null;
  action: string;
  /** `record` (a module's record), `setup` (Portier's own) or another kind of entry. */
  kind?: string;
  module: string | null;
  recordId: string | null;
  reference: string | null;
  /** Field → [before, after]. */
  changes: Record<string, [unknown, unknown]> | null;
  /** Field → id → the title of the record it names (null: the reader may not read it; '' : no name). */
  refs?: Record<string, Record<string, string | null>>;
  message: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** A page of entries, with what the filters may choose from. */
export interface AuditPageData {
  entries: AuditEntryRow[];
  total: number;
  page: number;
  timeZone?: string;
  options?: { actions: string[]; modules: string[] };
  /** The user the `actor` filter names. */
  actor?: { fullName: string; login: string } | null;
}

/** What fetchAudit answers, and the pages' state while it is under way (`loading`). */
export interface AuditState {
  status: 'loading' | 'ok' | 'forbidden' | 'error';
  data?: AuditPageData;
  message?: string;
  /** A new page is being fetched; the previous one is still shown. */
  loading?: boolean;
}

/** The query of a URL or of a call: filter → value. */
export type Query = Record<string, string | number | undefined | null>;

/** `?a=1&b=` → `{ a: '1' }`: the filters of a URL, blanks dropped. */
export function queryToObject(search: string, keys: string[]): Record<string, string> {
  const params = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v !== null && v !== '') out[k] = v;
  }
  return out;
}

export function objectToQuery(o: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** GET `<rootPath>/portier/audit`: `{ status: 'ok', data }`, `{ status: 'forbidden' }` or `{ status: 'error', message }`. */
export async function fetchAudit(query: Query, path = '/audit'): Promise<AuditState> {
  try {
    const { status, body } = await portierFetch(`${path}${objectToQuery(query)}`);
    if (status === 403 || status === 401) return { status: 'forbidden' };
    if (status < 200 || status >= 300) return { status: 'error', message: body.message ?? `HTTP ${status}` };
    return { status: 'ok', data: body as AuditPageData };
  } catch (e) {
    return { status: 'error', message: (e as Error)?.message ?? String(e) };
  }
}

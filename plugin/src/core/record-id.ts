/**
 * A record's id: PostgreSQL's `integer` (the demo's modules) or a `uuid` (a developer's module may
 * use either). Ids come in as text from URLs and forms: read strictly, so that anything else is
 * no record at all rather than a database error.
 */
export type RecordId = number | string;
export type IdKind = 'int' | 'uuid';

const MAX_INT = 2 ** 31 - 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id as the table holds it, or null when it cannot be one of its ids. */
export function parseRecordId(kind: IdKind, raw: unknown): RecordId | null {
  if (kind === 'uuid') return typeof raw === 'string' && UUID.test(raw) ? raw.toLowerCase() : null;
  if (typeof raw === 'number') return Number.isInteger(raw) && raw > 0 && raw <= MAX_INT ? raw : null;
  return typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= MAX_INT ? Number(raw) : null;
}

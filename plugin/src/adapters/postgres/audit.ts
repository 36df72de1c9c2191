import type { DataSource, EntityManager } from 'typeorm';
import { auditKey } from './audit-key.js';
import { anchorSeal, contentSeal, ENTRY_COLUMNS_SQL, sealEntries } from './audit-seal.js';

export interface AuditActor {
  id: number | null;
  login: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditInput {
  action: string;
  module?: string | null;
  recordId?: string | number | null;
  reference?: string | null;
  changes?: Record<string, [unknown, unknown]> | null;
  message?: string | null;
}

/**
 * `PORTIER_AUDIT=off` skips the entries of AdminJS's writes, only so that the benchmark can
 * measure what auditing costs on one machine in one run. Production refuses to start with it.
 */
const AUDIT_OFF = process.env.PORTIER_AUDIT === 'off';
if (AUDIT_OFF && process.env.NODE_ENV === 'production') throw new Error('PORTIER_AUDIT=off is for benchmarks only; refused in production');

/** Fields whose values never enter the audit trail (only that they changed). */
const SECRET = /password/i;

/** Writes one entry, in the caller's transaction: the change and its entry commit or roll back together. */
export async function audit(m: EntityManager | DataSource, actor: AuditActor, e: AuditInput): Promise<void> {
  if (AUDIT_OFF) return;
  const changes = e.changes ? Object.fromEntries(Object.entries(e.changes).map(([k, v]) => [k, SECRET.test(k) ? ['***', '***'] : v])) : null;
  const rows: Array<{ id: string; hash: string }> = await m.query(
    `INSERT INTO audit_entry (actor_id, actor_login, action, module, record_id, reference, changes, message, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, hash`,
    [
      actor.id,
      actor.login,
      e.action,
      e.module ?? null,
      e.recordId == null ? null : String(e.recordId),
      e.reference ?? null,
      changes ? JSON.stringify(changes) : null,
      e.message ?? null,
      actor.ip?.slice(0, 64) ?? null,
      actor.userAgent?.slice(0, 512) ?? null,
    ],
  );
  await sealEntries(m, rows);
}

/**
 * Several entries in one statement (the records an heir receives): one row each, chained in
 * order like single inserts, in the caller's transaction.
 */
export async function auditMany(m: EntityManager, actor: AuditActor, entries: AuditInput[]): Promise<void> {
  if (AUDIT_OFF || !entries.length) return;
  for (let i = 0; i < entries.length; i += 1000) {
    const batch = entries.slice(i, i + 1000);
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO audit_entry (actor_id, actor_login, action, module, record_id, reference, changes, message, ip, user_agent)
       SELECT $1, $2, x.action, x.module, x.record_id, x.reference, x.changes::jsonb, x.message, $3, $4
         FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY
              AS x(action, module, record_id, reference, changes, message, n)
        ORDER BY x.n
       RETURNING id`,
      [
        actor.id,
        actor.login,
        actor.ip?.slice(0, 64) ?? null,
        actor.userAgent?.slice(0, 512) ?? null,
        batch.map((e) => e.action),
        batch.map((e) => e.module ?? null),
        batch.map((e) => (e.recordId == null ? null : String(e.recordId))),
        batch.map((e) => e.reference ?? null),
        batch.map((e) => (e.changes ? JSON.stringify(e.changes) : null)),
        batch.map((e) => e.message ?? null),
      ],
    );
    await sealEntries(m, rows);
  }
}

/** The chain's lock (migration AuditChain1732300004000): whoever appends holds it until commit. */
const AUDIT_CHAIN_LOCK = 872_341_003;

/**
 * Runs `change` in transaction `m` and says which audit entries it wrote, to link them to what
 * caused them (an approved access request). The chain's lock is taken first, so no other
 * transaction appends until this one ends: the entries after the last one seen are all its own.
 * A change that also takes the seats' lock must take it before this one, in the order every
 * other change takes them (seats, then the chain), or two transactions could wait on each other.
 */
export async function withAuditEntryIds<T>(m: EntityManager, change: () => Promise<T>): Promise<{ result: T; entryIds: number[] }> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const [{ last }] = await m.query(`SELECT coalesce(max(id), 0) AS last FROM audit_entry`);
  const result = await change();
  const rows: Array<{ id: number }> = await m.query(`SELECT id FROM audit_entry WHERE id > $1 ORDER BY id`, [last]);
  return { result, entryIds: rows.map((r) => Number(r.id)) };
}

/** `{ field: [before, after] }` for the fields that differ. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (['updatedAt', 'createdAt'].includes(k)) continue;
    const a = normalise(before?.[k]);
    const b = normalise(after?.[k]);
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = [a, b];
  }
  return out;
}

function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && v.length < 16) return Number(v);
  return v;
}

export interface ChainCheck {
  entries: number;
  firstBroken: { id: number; reason: string } | null;
  /** The entry the seals start after (0: the trail was sealed from its first entry). */
  anchor: number | null;
  /** The last entry: what to keep outside the database to notice a cut tail (src/cli/audit.ts). */
  head: { id: number; hash: string } | null;
}

/**
 * Checks the audit trail: the chain from the first entry (each hash recomputed, each link to the
 * previous entry), then the seals under the key (audit-seal.ts): the anchor, and every entry's
 * seal over all its columns. Names the first entry that fails. A chain rebuilt by someone
 * without the key fails on its first rewritten entry (at the anchor, for one before it); text
 * moved between the columns of an entry, which its hash does not see, fails its seal.
 */
export async function verifyAuditChain(ds: DataSource, key: Buffer = auditKey()): Promise<ChainCheck> {
  const rows: Array<{ id: string; prev_hash: string | null; hash: string; computed: string; mac: string | null; columns: Array<string | null> }> =
    await ds.query(
      `SELECT e.id, e.prev_hash, e.hash, encode(sha256(convert_to(portier_audit_content(e), 'UTF8')), 'hex') AS computed, s.mac, ${ENTRY_COLUMNS_SQL} AS columns
       FROM audit_entry e LEFT JOIN audit_entry_mac s ON s.entry_id = e.id ORDER BY e.id`,
    );
  const [anchor]: Array<{ entry_id: string; entry_hash: string | null; mac: string }> = await ds.query(`SELECT entry_id, entry_hash, mac FROM audit_anchor`);
  const last = rows[rows.length - 1];
  const result = (firstBroken: ChainCheck['firstBroken']): ChainCheck => ({
    entries: rows.length,
    firstBroken,
    anchor: anchor ? Number(anchor.entry_id) : null,
    head: last ? { id: Number(last.id), hash: last.hash } : null,
  });
  let previous: string | null = null;
  for (const r of rows) {
    if (r.prev_hash !== previous) return result({ id: Number(r.id), reason: 'its link to the previous entry does not match' });
    if (r.hash !== r.computed) return result({ id: Number(r.id), reason: 'its content does not match its hash' });
    previous = r.hash;
  }
  if (!anchor)
    return result({
      id: Number(rows[0]?.id ?? 0),
      reason: 'the trail has no anchor, so its seals cannot be checked (removed, or never made: see docs/audit.md)',
    });
  if (anchor.mac !== anchorSeal(anchor.entry_id, anchor.entry_hash, key)) {
    return result({ id: Number(anchor.entry_id), reason: "the anchor's seal does not match the key (forged, or checked with another key)" });
  }
  const from = Number(anchor.entry_id);
  if (from > 0 && rows.find((r) => Number(r.id) === from)?.hash !== anchor.entry_hash) {
    return result({ id: from, reason: 'it is not the entry the trail was anchored on (the trail before the anchor was rewritten)' });
  }
  for (const r of rows) {
    if (!r.mac) return result({ id: Number(r.id), reason: 'it has no seal (written or rebuilt without the key)' });
    if (r.mac !== contentSeal(r.columns, key))
      return result({ id: Number(r.id), reason: 'its seal does not match (a column changed, the entry rebuilt without the key, or checked with another key)' });
  }
  return result(null);
}

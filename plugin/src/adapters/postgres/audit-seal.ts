import { auditKey, auditMac } from './audit-key.js';

/**
 * The audit trail's seals. The database chains the entries (each hash covers the entry and the
 * previous hash: migration AuditChain1732300004000), but anyone who can write the database can
 * recompute such a chain — and its content is the columns joined with "|", NULLs skipped, so text
 * moved from one column to the next (or into a NULL one) keeps the same hash. So each entry also
 * gets a seal under a key the database never sees (audit-key.ts), written in the entry's
 * transaction: HMAC-SHA256 of the entry's **canonical content**, every column in a fixed order as
 * a JSON array (NULL is `null`, every text a quoted JSON string: no column can lend text to
 * another), its hash and the previous hash included — so a seal also vouches for the chain
 * before it (migration AuditCanonicalSeal1732300017300, table `audit_entry_mac`).
 *
 * The **anchor** (migration AuditSeal1732300017200) sealed the trail's last entry when sealing
 * began; it still vouches for the chain up to it.
 */
/** An EntityManager, a DataSource or a migration's QueryRunner. */
type Queryable = { query(sql: string, params?: unknown[]): Promise<any> };

/** Every column of `audit_entry e`, as text, in the seal's order (`at` to the microsecond, in UTC). */
export const ENTRY_COLUMNS_SQL = `ARRAY[e.id::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), e.actor_id::text,
  e.actor_login, e.action, e.module, e.record_id, e.reference, e.changes::text, e.message, e.ip, e.user_agent, e.prev_hash, e.hash]`;

/** The seal of an entry, from its columns as ENTRY_COLUMNS_SQL reads them. */
export const contentSeal = (columns: Array<string | null>, key?: Buffer) => auditMac(JSON.stringify(['portier-audit-entry', ...columns]), key);

/** The first seals (AuditSeal1732300017200): id and hash only. Kept for that migration and the next one, which checks them. */
export const entrySeal = (id: number | string, hash: string, key?: Buffer) => auditMac(`entry|${id}|${hash}`, key);
export const anchorSeal = (entryId: number | string, hash: string | null, key?: Buffer) => auditMac(`anchor|${entryId}|${hash ?? ''}`, key);

/** Seals entries just written, in their transaction (their ids: the columns are read back as stored). */
export async function sealEntries(m: Queryable, entries: Array<{ id: number | string }>): Promise<void> {
  if (!entries.length) return;
  const key = auditKey();
  const rows: Array<{ id: string; columns: Array<string | null> }> = await m.query(
    `SELECT e.id, ${ENTRY_COLUMNS_SQL} AS columns FROM audit_entry e WHERE e.id = ANY($1::bigint[])`,
    [entries.map((e) => String(e.id))],
  );
  await m.query(`INSERT INTO audit_entry_mac (entry_id, mac) SELECT * FROM unnest($1::bigint[], $2::text[])`, [
    rows.map((r) => r.id),
    rows.map((r) => contentSeal(r.columns, key)),
  ]);
}

/** Anchors the trail as it stands (its last entry, or none yet): what the migration does, once. */
export async function anchorChain(m: Queryable): Promise<void> {
  const [last] = await m.query(`SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1`);
  const entryId = last ? String(last.id) : '0';
  const hash = last?.hash ?? null;
  await m.query(`INSERT INTO audit_anchor (id, entry_id, entry_hash, mac) VALUES (1, $1, $2, $3)`, [entryId, hash, anchorSeal(entryId, hash)]);
}

import { auditKey, auditMac } from './audit-key.js';

/**
 * The audit trail's seals. The database chains the entries (each hash covers the entry and the
 * previous hash: migration AuditChain1732300004000), but anyone who can write the database can
 * recompute such a chain. So each entry also gets a seal, HMAC-SHA256 of its id and hash under a
 * key the database never sees (audit-key.ts), written in the entry's transaction. As the hash
 * covers the whole chain before it, an entry's seal vouches for everything up to it.
 *
 * Entries written before the key (a trail that existed when migration AuditSeal1732300017200 ran)
 * have no seal of their own: the migration sealed the last of them as the **anchor**, which
 * vouches for them through the chain; every entry after the anchor must carry its own seal.
 */
/** An EntityManager, a DataSource or a migration's QueryRunner. */
type Queryable = { query(sql: string, params?: unknown[]): Promise<any> };

export const entrySeal = (id: number | string, hash: string, key?: Buffer) => auditMac(`entry|${id}|${hash}`, key);
export const anchorSeal = (entryId: number | string, hash: string | null, key?: Buffer) => auditMac(`anchor|${entryId}|${hash ?? ''}`, key);

/** Seals entries just written, in their transaction. */
export async function sealEntries(m: Queryable, entries: Array<{ id: number | string; hash: string }>): Promise<void> {
  if (!entries.length) return;
  const key = auditKey();
  await m.query(
    `INSERT INTO audit_seal (entry_id, mac) SELECT * FROM unnest($1::bigint[], $2::text[])`,
    [entries.map((e) => String(e.id)), entries.map((e) => entrySeal(e.id, e.hash, key))],
  );
}

/** Anchors the trail as it stands (its last entry, or none yet): what the migration does, once. */
export async function anchorChain(m: Queryable): Promise<void> {
  const [last] = await m.query(`SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1`);
  const entryId = last ? String(last.id) : '0';
  const hash = last?.hash ?? null;
  await m.query(`INSERT INTO audit_anchor (id, entry_id, entry_hash, mac) VALUES (1, $1, $2, $3)`, [entryId, hash, anchorSeal(entryId, hash)]);
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditKey } from '../audit-key.js';
import { anchorSeal, contentSeal, ENTRY_COLUMNS_SQL, entrySeal } from '../audit-seal.js';

const BATCH = 5000;

/**
 * Seals that bind every column of an entry (audit-seal.ts, `contentSeal`): the first seals covered
 * an entry's id and hash, and the hash joined the columns with "|" skipping NULLs, so text moved
 * between columns kept both. `audit_entry_mac` holds one new seal per entry, append-only like
 * the trail.
 *
 * The entries already there are sealed anew only as far as the first seals vouch for them: the
 * chain from the first entry, the anchor, and each entry after the anchor with its old seal. From
 * the first entry that fails (if any) on, none gets a new seal, so `verify` still names it: a
 * trail broken before this migration is not made whole by it. Needs the audit key, as the anchor did.
 */
export class AuditCanonicalSeal1732300017300 implements MigrationInterface {
  name = 'AuditCanonicalSeal1732300017300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry_mac (
        entry_id bigint PRIMARY KEY REFERENCES audit_entry (id),
        mac char(64) NOT NULL
      );
      CREATE TRIGGER audit_entry_mac_append_only BEFORE UPDATE OR DELETE ON audit_entry_mac FOR EACH ROW EXECUTE FUNCTION portier_audit_append_only();
      CREATE TRIGGER audit_entry_mac_no_truncate BEFORE TRUNCATE ON audit_entry_mac FOR EACH STATEMENT EXECUTE FUNCTION portier_audit_append_only();
    `);
    // No entry is written meanwhile: the chain's lock, as every writer takes it.
    await q.query('SELECT pg_advisory_xact_lock(872341003)');
    const key = auditKey();
    const [anchor]: Array<{ entry_id: string; entry_hash: string | null; mac: string }> = await q.query(`SELECT entry_id, entry_hash, mac FROM audit_anchor`);
    if (!anchor || anchor.mac !== anchorSeal(anchor.entry_id, anchor.entry_hash, key)) return warn('its anchor is missing or does not match the key');
    const from = Number(anchor.entry_id);
    let previous: string | null = null;
    let after = '0';
    for (;;) {
      const rows: Array<{ id: string; prev_hash: string | null; hash: string; computed: string; mac: string | null; columns: Array<string | null> }> =
        await q.query(
          `SELECT e.id, e.prev_hash, e.hash, encode(sha256(convert_to(portier_audit_content(e), 'UTF8')), 'hex') AS computed, s.mac, ${ENTRY_COLUMNS_SQL} AS columns
           FROM audit_entry e LEFT JOIN audit_seal s ON s.entry_id = e.id WHERE e.id > $1 ORDER BY e.id LIMIT ${BATCH}`,
          [after],
        );
      if (!rows.length) return;
      const sealed: typeof rows = [];
      let broken: string | null = null;
      for (const r of rows) {
        const id = Number(r.id);
        if (r.prev_hash !== previous || r.hash !== r.computed) broken = r.id;
        else if (id === from && r.hash !== anchor.entry_hash) broken = r.id;
        else if (id > from && r.mac !== entrySeal(r.id, r.hash, key)) broken = r.id;
        if (broken) break;
        sealed.push(r);
        previous = r.hash;
      }
      if (sealed.length) {
        await q.query(`INSERT INTO audit_entry_mac (entry_id, mac) SELECT * FROM unnest($1::bigint[], $2::text[])`, [
          sealed.map((r) => r.id),
          sealed.map((r) => contentSeal(r.columns, key)),
        ]);
      }
      if (broken) return warn(`entry ${broken} fails its chain or its seal`);
      after = rows[rows.length - 1].id;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry_mac`);
  }
}

function warn(why: string): void {
  console.warn(
    `[audit] The audit trail was not intact before its seals were renewed (${why}): the entries from there on are left unsealed, so that \`npm run audit -- verify\` names them.`,
  );
}

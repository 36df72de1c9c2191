import type { MigrationInterface, QueryRunner } from 'typeorm';
import { anchorChain } from '../audit-seal.js';

/**
 * Seals for the audit trail (adapters/postgres/audit-seal.ts): `audit_seal`, one HMAC per entry
 * under a key kept outside the database, and `audit_anchor`, the one row that seals the trail as
 * it stood when sealing began (its last entry then, or none). Both are append-only, like the
 * trail. Needs the key (PORTIER_AUDIT_KEY, or the app's): without it the anchor cannot be made.
 */
export class AuditSeal1732300017200 implements MigrationInterface {
  name = 'AuditSeal1732300017200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_seal (
        entry_id bigint PRIMARY KEY REFERENCES audit_entry (id),
        mac char(64) NOT NULL
      );
      CREATE TABLE audit_anchor (
        id smallint PRIMARY KEY CHECK (id = 1),
        at timestamptz NOT NULL DEFAULT now(),
        entry_id bigint NOT NULL,
        entry_hash varchar(64),
        mac char(64) NOT NULL
      );
      CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal FOR EACH ROW EXECUTE FUNCTION portier_audit_append_only();
      CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal FOR EACH STATEMENT EXECUTE FUNCTION portier_audit_append_only();
      CREATE TRIGGER audit_anchor_append_only BEFORE UPDATE OR DELETE ON audit_anchor FOR EACH ROW EXECUTE FUNCTION portier_audit_append_only();
      CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor FOR EACH STATEMENT EXECUTE FUNCTION portier_audit_append_only();
    `);
    // No entry is written meanwhile: the chain's lock, as every writer takes it.
    await q.query('SELECT pg_advisory_xact_lock(872341003)');
    await anchorChain(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_anchor; DROP TABLE audit_seal`);
  }
}

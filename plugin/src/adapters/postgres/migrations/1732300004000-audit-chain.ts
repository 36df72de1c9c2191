import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is append-only and chained: the database refuses UPDATE and DELETE on its
 * rows, and every entry carries the SHA-256 of its content and of the previous entry's hash.
 * Entries are chained one transaction at a time (an advisory lock held until commit), and take
 * their id after the lock, so that the id order is the chain order.
 */
export class AuditChain1732300004000 implements MigrationInterface {
  name = 'AuditChain1732300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION portier_audit_content(e audit_entry) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws('|', e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), e.actor_id, e.actor_login, e.action,
          e.module, e.record_id, e.reference, e.changes::text, e.message, e.ip, e.user_agent, e.prev_hash)
      $$;

      CREATE FUNCTION portier_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(872341003);
        NEW.id := nextval(pg_get_serial_sequence('audit_entry', 'id'));
        SELECT hash INTO NEW.prev_hash FROM audit_entry ORDER BY id DESC LIMIT 1;
        NEW.hash := encode(sha256(convert_to(portier_audit_content(NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END $$;

      CREATE FUNCTION portier_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;

      CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION portier_audit_chain();
      CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION portier_audit_append_only();
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION portier_audit_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER audit_entry_chain ON audit_entry; DROP TRIGGER audit_entry_append_only ON audit_entry;
      DROP TRIGGER audit_entry_no_truncate ON audit_entry;
      DROP FUNCTION portier_audit_chain, portier_audit_append_only, portier_audit_content;
    `);
  }
}

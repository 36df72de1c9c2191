import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials that reach people: the outbox of every mail sent (what was sent, to whom, whether
 * it left), the one-time links of invitations and forgotten passwords (their SHA-256 only, never
 * the token), the forgotten-password requests in the throttle's ledger, and users created with
 * no password at all (they choose one through their invitation).
 */
export class MailAndLinks1732300020000 implements MigrationInterface {
  name = 'MailAndLinks1732300020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id bigserial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        user_id integer REFERENCES app_user(id) ON DELETE SET NULL,
        -- The name and address as they were when sent: the user may change or go later.
        recipient_name varchar(201) NOT NULL DEFAULT '',
        address varchar(254) NOT NULL,
        subject varchar(300) NOT NULL,
        body text NOT NULL,
        language varchar(2) NOT NULL CHECK (language IN ('fr', 'en')),
        kind varchar(20) NOT NULL CHECK (kind IN ('invitation', 'reset')),
        status varchar(10) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'logged', 'failed')),
        sent_at timestamptz,
        error text
      );
      CREATE INDEX mail_outbox_newest_idx ON mail_outbox (created_at DESC, id DESC);

      CREATE TABLE credential_link (
        id bigserial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        purpose varchar(12) NOT NULL CHECK (purpose IN ('invitation', 'reset')),
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        -- A newer link of the same purpose, or a password chosen through another link.
        revoked_at timestamptz,
        created_by integer REFERENCES app_user(id) ON DELETE SET NULL
      );
      CREATE INDEX credential_link_open_idx ON credential_link (user_id, purpose) WHERE used_at IS NULL AND revoked_at IS NULL;

      ALTER TABLE auth_attempt DROP CONSTRAINT auth_attempt_kind_check;
      ALTER TABLE auth_attempt ADD CONSTRAINT auth_attempt_kind_check CHECK (kind IN ('signIn', 'currentPassword', 'reset'));
      CREATE INDEX auth_attempt_reset_idx ON auth_attempt (kind, account, at DESC) WHERE kind = 'reset';

      ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE app_user SET password_hash = '!' WHERE password_hash IS NULL;
      ALTER TABLE app_user ALTER COLUMN password_hash SET NOT NULL;
      DROP INDEX auth_attempt_reset_idx;
      DELETE FROM auth_attempt WHERE kind = 'reset';
      ALTER TABLE auth_attempt DROP CONSTRAINT auth_attempt_kind_check;
      ALTER TABLE auth_attempt ADD CONSTRAINT auth_attempt_kind_check CHECK (kind IN ('signIn', 'currentPassword'));
      DROP TABLE credential_link;
      DROP TABLE mail_outbox;
    `);
  }
}

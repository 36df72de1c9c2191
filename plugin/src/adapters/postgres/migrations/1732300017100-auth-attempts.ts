import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The throttle's ledger (services/auth/throttle.ts): one row per password tried — at sign-in or
 * as the current password on the account page — reserved before the password is checked and
 * counted as a failure until it proves right. Kept apart from `login_event` (the statistics).
 */
export class AuthAttempts1732300017100 implements MigrationInterface {
  name = 'AuthAttempts1732300017100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_attempt (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        account varchar(300) NOT NULL,
        ip varchar(64) NOT NULL, -- '' when the address is unknown
        kind varchar(20) NOT NULL CHECK (kind IN ('signIn', 'currentPassword')),
        failed boolean NOT NULL DEFAULT true
      );
      CREATE INDEX auth_attempt_address_idx ON auth_attempt (ip, at DESC) WHERE failed;
      CREATE INDEX auth_attempt_at_idx ON auth_attempt (at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_attempt`);
  }
}

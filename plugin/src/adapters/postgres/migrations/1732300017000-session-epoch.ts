import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password set by someone else ends the user's open sessions and must be changed at their next
 * sign-in (docs/spec/access-model.md, "Own account"). `session_epoch` is copied into each session
 * at sign-in and compared at every request: raising it ends every session opened before.
 * `must_change_password` makes the next sign-in ask for a new password before anything else.
 */
export class SessionEpoch1732300017000 implements MigrationInterface {
  name = 'SessionEpoch1732300017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN session_epoch integer NOT NULL DEFAULT 0,
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN session_epoch, DROP COLUMN must_change_password`);
  }
}

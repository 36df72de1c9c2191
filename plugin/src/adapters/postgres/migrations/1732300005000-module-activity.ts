import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activity by module for the connection statistics: one row per day, user and module holding
 * the number of AdminJS API requests, added to as the requests arrive (adapters/adminjs/activity.ts)
 * so that the statistics never recount raw logs. `day` is the day in Europe/Paris.
 * No foreign key to app_user, like login_event: the history outlives a deleted user.
 */
export class ModuleActivity1732300005000 implements MigrationInterface {
  name = 'ModuleActivity1732300005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE module_activity (
        day date NOT NULL,
        user_id integer NOT NULL,
        module text NOT NULL,
        requests integer NOT NULL DEFAULT 0 CHECK (requests >= 0),
        PRIMARY KEY (day, user_id, module)
      );
      -- The filters of the statistics page: a period with a module, a period for one user.
      CREATE INDEX module_activity_module_idx ON module_activity (module, day);
      CREATE INDEX module_activity_user_idx ON module_activity (user_id, day);
      -- The company filter: the company recorded with a sign-in attempt, the user's for activity.
      CREATE INDEX login_event_company_idx ON login_event (company, at DESC);
      CREATE INDEX app_user_company_idx ON app_user (company, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS app_user_company_idx, login_event_company_idx; DROP TABLE IF EXISTS module_activity`);
  }
}

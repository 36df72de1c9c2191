import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A user's full name, kept by the database: the title of users in owner pickers and references. */
export class UserFullName1732300002000 implements MigrationInterface {
  name = 'UserFullName1732300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user ADD COLUMN full_name varchar(201)
        GENERATED ALWAYS AS (CASE WHEN first_name = '' AND last_name = '' THEN login ELSE trim(first_name || ' ' || last_name) END) STORED;
      CREATE INDEX app_user_full_name_idx ON app_user (lower(full_name));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN full_name`);
  }
}

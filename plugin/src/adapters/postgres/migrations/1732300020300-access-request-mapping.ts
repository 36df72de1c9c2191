import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role an approved access request was mapped onto (docs/spec/seats.md: "the handler maps it onto
 * a role or profile"). What was asked stays in the request's payload (`wantedRights`, per module
 * the actions, and `wantedProfile`); the handler's choice is recorded beside it, by id and by
 * name, so that the request still reads right once the role is renamed or deleted.
 */
export class AccessRequestMapping1732300020300 implements MigrationInterface {
  name = 'AccessRequestMapping1732300020300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE access_request
        ADD COLUMN mapped_role_id integer REFERENCES role (id) ON DELETE SET NULL,
        ADD COLUMN mapped_role_name varchar(120);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_request DROP COLUMN mapped_role_id, DROP COLUMN mapped_role_name`);
  }
}

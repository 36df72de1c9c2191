/**
 * The workshop's tables, after Portier's own migrations (app_user, team and the reference
 * function come from them). Portier's counters and checks are put on them at start-up by
 * `preparePortier`: nothing of the engine to write here.
 */
export class Workshop1800000000000 {
  name = 'Workshop1800000000000';

  async up(q) {
    const common = `reference varchar(40) NOT NULL UNIQUE, name varchar(200) NOT NULL,
      created_by_id integer REFERENCES app_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now()`;
    const owner = `owner_user_id integer REFERENCES app_user (id), owner_team_id integer REFERENCES team (id),
      CHECK ((owner_user_id IS NULL) <> (owner_team_id IS NULL))`;
    await q.query(`
      CREATE SEQUENCE machine_reference_seq; CREATE SEQUENCE part_reference_seq; CREATE SEQUENCE job_reference_seq;
      CREATE TABLE machine (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), ${common}, ${owner});
      CREATE TABLE part (id serial PRIMARY KEY, ${common}, price numeric(10,2));
      CREATE TABLE job (id serial PRIMARY KEY, ${common}, machine_id uuid REFERENCES machine (id) ON DELETE SET NULL, hours integer, ${owner});
      CREATE INDEX machine_owner_idx ON machine (owner_user_id, updated_at DESC);
      CREATE INDEX job_owner_idx ON job (owner_user_id, updated_at DESC);
      CREATE TRIGGER machine_reference BEFORE INSERT ON machine FOR EACH ROW EXECUTE FUNCTION portier_assign_reference('MAC', 'machine_reference_seq');
      CREATE TRIGGER part_reference BEFORE INSERT ON part FOR EACH ROW EXECUTE FUNCTION portier_assign_reference('PRT', 'part_reference_seq');
      CREATE TRIGGER job_reference BEFORE INSERT ON job FOR EACH ROW EXECUTE FUNCTION portier_assign_reference('JOB', 'job_reference_seq');`);
  }

  async down(q) {
    await q.query(`DROP TABLE job, part, machine; DROP SEQUENCE machine_reference_seq, part_reference_seq, job_reference_seq`);
  }
}

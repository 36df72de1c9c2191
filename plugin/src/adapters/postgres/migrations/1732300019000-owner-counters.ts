import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-owner record counters of every module (`owner_count`) and the functions of their
 * statement triggers. A module's own triggers are put on its table at start-up, for every module
 * the app registers (module-tables.ts): what is registered is only known then. Idempotent: the
 * demo's earlier migration created the same for its own tables.
 */
export class OwnerCounters1732300019000 implements MigrationInterface {
  name = 'OwnerCounters1732300019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS owner_count (
        tbl varchar(64) NOT NULL,
        owner_user_id integer,
        owner_team_id integer,
        n bigint NOT NULL,
        UNIQUE NULLS NOT DISTINCT (tbl, owner_user_id, owner_team_id)
      );
      CREATE OR REPLACE FUNCTION portier_owner_count_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO owner_count (tbl, owner_user_id, owner_team_id, n)
        SELECT TG_TABLE_NAME, owner_user_id, owner_team_id, count(*) FROM new_rows GROUP BY 2, 3
        ON CONFLICT (tbl, owner_user_id, owner_team_id) DO UPDATE SET n = owner_count.n + EXCLUDED.n;
        RETURN NULL;
      END $$;
      CREATE OR REPLACE FUNCTION portier_owner_count_remove() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE owner_count c SET n = c.n - o.k
          FROM (SELECT owner_user_id, owner_team_id, count(*) AS k FROM old_rows GROUP BY 1, 2) o
         WHERE c.tbl = TG_TABLE_NAME AND c.owner_user_id IS NOT DISTINCT FROM o.owner_user_id AND c.owner_team_id IS NOT DISTINCT FROM o.owner_team_id;
        RETURN NULL;
      END $$;
      CREATE OR REPLACE FUNCTION portier_owner_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE owner_count c SET n = c.n - o.k
          FROM (SELECT owner_user_id, owner_team_id, count(*) AS k FROM old_rows GROUP BY 1, 2) o
         WHERE c.tbl = TG_TABLE_NAME AND c.owner_user_id IS NOT DISTINCT FROM o.owner_user_id AND c.owner_team_id IS NOT DISTINCT FROM o.owner_team_id;
        INSERT INTO owner_count (tbl, owner_user_id, owner_team_id, n)
        SELECT TG_TABLE_NAME, owner_user_id, owner_team_id, count(*) FROM new_rows GROUP BY 2, 3
        ON CONFLICT (tbl, owner_user_id, owner_team_id) DO UPDATE SET n = owner_count.n + EXCLUDED.n;
        RETURN NULL;
      END $$;`);
  }

  async down(): Promise<void> {
    // The counters may be the demo's too (its own earlier migration): left in place.
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

const OWNED = ['account', 'lead', 'deal', 'ticket', 'quote', 'sales_order', 'purchase_order', 'invoice', 'activity'];

/**
 * Records per owner, per module, kept by statement triggers: the exact count of a list whose
 * access condition is a set of owners becomes a sum over that set instead of a scan of every
 * visible row (a million contacts, half a million deals).
 */
export class OwnerCounts1732300003000 implements MigrationInterface {
  name = 'OwnerCounts1732300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE owner_count (
        tbl varchar(64) NOT NULL,
        owner_user_id integer,
        owner_team_id integer,
        n bigint NOT NULL,
        UNIQUE NULLS NOT DISTINCT (tbl, owner_user_id, owner_team_id)
      );
      CREATE FUNCTION portier_owner_count_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO owner_count (tbl, owner_user_id, owner_team_id, n)
        SELECT TG_TABLE_NAME, owner_user_id, owner_team_id, count(*) FROM new_rows GROUP BY 2, 3
        ON CONFLICT (tbl, owner_user_id, owner_team_id) DO UPDATE SET n = owner_count.n + EXCLUDED.n;
        RETURN NULL;
      END $$;
      CREATE FUNCTION portier_owner_count_remove() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE owner_count c SET n = c.n - o.k
          FROM (SELECT owner_user_id, owner_team_id, count(*) AS k FROM old_rows GROUP BY 1, 2) o
         WHERE c.tbl = TG_TABLE_NAME AND c.owner_user_id IS NOT DISTINCT FROM o.owner_user_id AND c.owner_team_id IS NOT DISTINCT FROM o.owner_team_id;
        RETURN NULL;
      END $$;
      CREATE FUNCTION portier_owner_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE owner_count c SET n = c.n - o.k
          FROM (SELECT owner_user_id, owner_team_id, count(*) AS k FROM old_rows GROUP BY 1, 2) o
         WHERE c.tbl = TG_TABLE_NAME AND c.owner_user_id IS NOT DISTINCT FROM o.owner_user_id AND c.owner_team_id IS NOT DISTINCT FROM o.owner_team_id;
        INSERT INTO owner_count (tbl, owner_user_id, owner_team_id, n)
        SELECT TG_TABLE_NAME, owner_user_id, owner_team_id, count(*) FROM new_rows GROUP BY 2, 3
        ON CONFLICT (tbl, owner_user_id, owner_team_id) DO UPDATE SET n = owner_count.n + EXCLUDED.n;
        RETURN NULL;
      END $$;
    `);
    for (const t of OWNED) {
      await q.query(`
        INSERT INTO owner_count (tbl, owner_user_id, owner_team_id, n)
          SELECT '${t}', owner_user_id, owner_team_id, count(*) FROM "${t}" GROUP BY 2, 3;
        CREATE TRIGGER ${t}_count_insert AFTER INSERT ON "${t}" REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION portier_owner_count_add();
        CREATE TRIGGER ${t}_count_delete AFTER DELETE ON "${t}" REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION portier_owner_count_remove();
        CREATE TRIGGER ${t}_count_update AFTER UPDATE ON "${t}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION portier_owner_count_move();`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of OWNED)
      await q.query(`DROP TRIGGER ${t}_count_insert ON "${t}"; DROP TRIGGER ${t}_count_delete ON "${t}"; DROP TRIGGER ${t}_count_update ON "${t}"`);
    await q.query(`DROP TABLE owner_count; DROP FUNCTION portier_owner_count_add, portier_owner_count_remove, portier_owner_count_move`);
  }
}

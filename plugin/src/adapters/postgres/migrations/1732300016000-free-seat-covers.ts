import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An admin's premium seat, and the seat of every other active internal user with a role (no free seat). */
const INTERNAL_SEATS = `
        SELECT u.id AS user_id, 'premium'::varchar(16) AS tier, NULL::integer AS account_id
          FROM app_user u
         WHERE u.kind = 'internal' AND u.status = 'active' AND NOT u.free_seat AND u.is_admin
        UNION ALL
        SELECT u.id, t.tier, NULL::integer
          FROM app_user u
          CROSS JOIN LATERAL (
            SELECT p.license_tier AS tier FROM role_profile rp JOIN profile p ON p.id = rp.profile_id
             WHERE rp.role_id = u.role_id
             ORDER BY array_position(ARRAY['limited', 'standard', 'premium']::varchar[], p.license_tier) DESC NULLS LAST
             LIMIT 1
          ) t
         WHERE u.kind = 'internal' AND u.status = 'active' AND NOT u.free_seat AND NOT u.is_admin AND u.role_id IS NOT NULL`;

/**
 * What a free seat covers (docs/spec/seats.md, "Free seats"): the tier the user held when an admin
 * last granted or changed it, or for a client user the dossier grants present then, each with its
 * tier. `portier_seat_covers(user)` says what a user would hold now (the seat_holder view without
 * the free seat); it is stamped into `free_seat_covers` by admins' changes. A client's grant that
 * the free seat does not cover (added, or raised, later by a non-admin) is an ordinary seat.
 */
export class FreeSeatCovers1732300016000 implements MigrationInterface {
  name = 'FreeSeatCovers1732300016000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user ADD COLUMN free_seat_covers jsonb;

      CREATE FUNCTION portier_seat_covers(p_user integer) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT CASE
          WHEN u.kind = 'client' THEN jsonb_build_object('grants', coalesce(
            (SELECT jsonb_object_agg(g.account_id::text, p.license_tier) FROM dossier_grant g JOIN profile p ON p.id = g.profile_id WHERE g.user_id = u.id),
            '{}'::jsonb))
          WHEN u.is_admin THEN jsonb_build_object('tier', 'premium')
          ELSE jsonb_build_object('tier', (
            SELECT p.license_tier FROM role_profile rp JOIN profile p ON p.id = rp.profile_id WHERE rp.role_id = u.role_id
             ORDER BY array_position(ARRAY['limited', 'standard', 'premium']::varchar[], p.license_tier) DESC NULLS LAST LIMIT 1))
        END
        FROM app_user u WHERE u.id = p_user
      $$;

      UPDATE app_user SET free_seat_covers = portier_seat_covers(id) WHERE free_seat;

      CREATE OR REPLACE VIEW seat_holder AS
${INTERNAL_SEATS}
        UNION ALL
        SELECT u.id, p.license_tier, g.account_id
          FROM dossier_grant g JOIN app_user u ON u.id = g.user_id JOIN profile p ON p.id = g.profile_id
         WHERE u.kind = 'client' AND u.status = 'active'
           AND NOT (u.free_seat AND coalesce(
             array_position(ARRAY['connect', 'invoicing', 'accounting', 'commercial']::varchar[], p.license_tier)
               <= array_position(ARRAY['connect', 'invoicing', 'accounting', 'commercial']::varchar[], (u.free_seat_covers -> 'grants' ->> g.account_id::text)::varchar),
             false));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW seat_holder AS
${INTERNAL_SEATS}
        UNION ALL
        SELECT u.id, p.license_tier, g.account_id
          FROM dossier_grant g JOIN app_user u ON u.id = g.user_id JOIN profile p ON p.id = g.profile_id
         WHERE u.kind = 'client' AND u.status = 'active' AND NOT u.free_seat;
      DROP FUNCTION portier_seat_covers;
      ALTER TABLE app_user DROP COLUMN free_seat_covers;
    `);
  }
}

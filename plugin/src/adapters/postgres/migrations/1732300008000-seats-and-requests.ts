import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seats, billing events and delegated access requests (docs/spec/seats.md).
 *
 * `seat_holder` says who holds which seat, in SQL, so that every change can count the seats
 * before and after itself in its own transaction. `billing_event` is the consumption invoice's
 * line: it names its user by id *and* by login and name, without a foreign key, because it stays
 * due after the user is deleted; a trigger refuses every UPDATE, DELETE and TRUNCATE of it.
 * `access_request` holds the tickets of a partner's team lead.
 */
export class SeatsAndRequests1732300008000 implements MigrationInterface {
  name = 'SeatsAndRequests1732300008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One row per seat: an active admin holds a premium seat; another active internal user with
      -- a role holds one in the highest tier among the role's profiles; an active client user holds
      -- one per dossier grant in the grant profile's tier. Free seats and inactive users hold none.
      CREATE VIEW seat_holder AS
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
         WHERE u.kind = 'internal' AND u.status = 'active' AND NOT u.free_seat AND NOT u.is_admin AND u.role_id IS NOT NULL
        UNION ALL
        SELECT u.id, p.license_tier, g.account_id
          FROM dossier_grant g JOIN app_user u ON u.id = g.user_id JOIN profile p ON p.id = g.profile_id
         WHERE u.kind = 'client' AND u.status = 'active' AND NOT u.free_seat;

      CREATE TABLE billing_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        tier varchar(16) NOT NULL,
        user_id integer NOT NULL,
        user_login varchar(64) NOT NULL,
        user_name varchar(201),
        account_id integer,
        cause text NOT NULL,
        change varchar(32) NOT NULL,
        actor_id integer,
        actor_login varchar(64),
        seats_used integer NOT NULL,
        seats_included integer NOT NULL
      );
      CREATE INDEX billing_event_at_idx ON billing_event (at DESC);

      CREATE FUNCTION portier_billing_event_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'billing_event: une ligne de facturation ne se modifie ni ne se supprime (%).', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$;
      CREATE TRIGGER billing_event_immutable BEFORE UPDATE OR DELETE ON billing_event
        FOR EACH ROW EXECUTE FUNCTION portier_billing_event_immutable();
      CREATE TRIGGER billing_event_no_truncate BEFORE TRUNCATE ON billing_event
        FOR EACH STATEMENT EXECUTE FUNCTION portier_billing_event_immutable();

      CREATE TABLE access_request (
        id serial PRIMARY KEY,
        type varchar(16) NOT NULL CHECK (type IN ('newUser', 'roleChange', 'deactivation')),
        payload jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected')),
        requester_id integer REFERENCES app_user (id) ON DELETE SET NULL,
        requester_login varchar(64) NOT NULL,
        target_user_id integer REFERENCES app_user (id) ON DELETE SET NULL,
        note text,
        handler_id integer REFERENCES app_user (id) ON DELETE SET NULL,
        handler_login varchar(64),
        handler_note text,
        refusal text,
        result_user_id integer REFERENCES app_user (id) ON DELETE SET NULL,
        audit_entry_ids bigint[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        handled_at timestamptz
      );
      CREATE INDEX access_request_open_idx ON access_request (created_at) WHERE status = 'open';
      CREATE INDEX access_request_requester_idx ON access_request (requester_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS access_request;
      DROP TABLE IF EXISTS billing_event;
      DROP FUNCTION IF EXISTS portier_billing_event_immutable;
      DROP VIEW IF EXISTS seat_holder;
    `);
  }
}

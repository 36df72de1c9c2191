import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seat packs added from "Mon abonnement" (docs/spec/seats.md): each is a subscription change — the
 * tier, the seats added, when, by whom, and the included seats before and after — never deleted
 * nor changed, as billing events are: a trigger refuses every UPDATE, DELETE and TRUNCATE. They
 * are not billing events (those are per user). The actor is named by id and by login and name,
 * without a foreign key, so that the line still says who once the user is deleted.
 */
export class SubscriptionChanges1732300020310 implements MigrationInterface {
  name = 'SubscriptionChanges1732300020310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subscription_change (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        tier varchar(16) NOT NULL,
        seats_added integer NOT NULL CHECK (seats_added > 0),
        included_before integer NOT NULL,
        included_after integer NOT NULL CHECK (included_after = included_before + seats_added),
        actor_id integer,
        actor_login varchar(64) NOT NULL,
        actor_name varchar(201)
      );
      CREATE INDEX subscription_change_at_idx ON subscription_change (at DESC);

      CREATE FUNCTION portier_subscription_change_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'subscription_change: un changement d''abonnement ne se modifie ni ne se supprime (%).', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$;
      CREATE TRIGGER subscription_change_immutable BEFORE UPDATE OR DELETE ON subscription_change
        FOR EACH ROW EXECUTE FUNCTION portier_subscription_change_immutable();
      CREATE TRIGGER subscription_change_no_truncate BEFORE TRUNCATE ON subscription_change
        FOR EACH STATEMENT EXECUTE FUNCTION portier_subscription_change_immutable();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS subscription_change;
      DROP FUNCTION IF EXISTS portier_subscription_change_immutable;
    `);
  }
}

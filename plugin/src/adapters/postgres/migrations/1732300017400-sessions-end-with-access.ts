import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a user's access is taken away their open sessions end — not only at their next request,
 * which the access gate already refuses, but for good: a user deactivated then reactivated, or
 * whose role was removed then given back, found their old sessions working again, since nothing
 * but the state of the moment was checked. The database raises the user's `session_epoch`
 * (migration SessionEpoch1732300017000) on every path that writes the user — the user form,
 * Portier's routes, an import, a command:
 * - the status leaves `active`, the role is removed, the admin flag is taken away, the kind
 *   (internal, client) or the login hours change;
 * - a client user loses their last dossier.
 * A deleted user's sessions end with the row (ids are never reused).
 */
export class SessionsEndWithAccess1732300017400 implements MigrationInterface {
  name = 'SessionsEndWithAccess1732300017400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION portier_user_access_taken() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (OLD.status = 'active' AND NEW.status <> 'active')
           OR (OLD.role_id IS NOT NULL AND NEW.role_id IS NULL)
           OR (OLD.is_admin AND NOT NEW.is_admin)
           OR OLD.kind <> NEW.kind
           OR OLD.login_hours IS DISTINCT FROM NEW.login_hours THEN
          NEW.session_epoch := GREATEST(NEW.session_epoch, OLD.session_epoch + 1);
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER app_user_access_taken BEFORE UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION portier_user_access_taken();

      CREATE FUNCTION portier_last_dossier_gone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM dossier_grant WHERE user_id = OLD.user_id) THEN
          UPDATE app_user SET session_epoch = session_epoch + 1 WHERE id = OLD.user_id;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER dossier_grant_last_gone AFTER DELETE ON dossier_grant FOR EACH ROW EXECUTE FUNCTION portier_last_dossier_gone();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER dossier_grant_last_gone ON dossier_grant; DROP FUNCTION portier_last_dossier_gone;
      DROP TRIGGER app_user_access_taken ON app_user; DROP FUNCTION portier_user_access_taken;
    `);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client users' dossier grants (docs/spec/client-access.md): one Account's dossier under one client
 * profile, at most one grant per user and Account. The Account table belongs to the app, so its
 * foreign key is the app's migration to add (the demo's: 1732300007000). A change to the grants
 * changes what a client may see: it bumps the access version, like every set-up change.
 */
export class DossierGrants1732300006000 implements MigrationInterface {
  name = 'DossierGrants1732300006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_grant (
        user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        account_id integer NOT NULL,
        profile_id integer NOT NULL REFERENCES profile (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, account_id)
      );
      CREATE INDEX dossier_grant_profile_idx ON dossier_grant (profile_id);
      CREATE INDEX dossier_grant_account_idx ON dossier_grant (account_id);
      CREATE TRIGGER dossier_grant_bumps_access AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dossier_grant
        FOR EACH STATEMENT EXECUTE FUNCTION portier_bump_access_version();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS dossier_grant`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The demo's Accounts are the roots of the client dossiers: a grant names an existing Account. */
export class DossierAccounts1732300007000 implements MigrationInterface {
  name = 'DossierAccounts1732300007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_grant ADD CONSTRAINT dossier_grant_account_fk
      FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_grant DROP CONSTRAINT IF EXISTS dossier_grant_account_fk`);
  }
}

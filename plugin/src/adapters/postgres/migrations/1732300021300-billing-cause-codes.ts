import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A billing event's cause as a code with what fills it (core/billing-causes.ts), worded when read
 * in the reader's language. The French sentence stays in `cause`: events are never changed (their
 * trigger refuses it), so those written before this column have only their sentence, shown as written.
 */
export class BillingCauseCodes1732300021300 implements MigrationInterface {
  name = 'BillingCauseCodes1732300021300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing_event ADD COLUMN cause_code jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing_event DROP COLUMN IF EXISTS cause_code`);
  }
}

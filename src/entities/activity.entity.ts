import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Account } from './account.entity.js';
import { Contact } from './contact.entity.js';
import { OwnedRecord } from './crm-record.js';

export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'task'] as const;

/** The firm's internal notes: always private, no sharing rules. */
@Entity({ name: 'activity' })
export class Activity extends OwnedRecord {
  @Column({ type: 'integer', nullable: true }) accountId: number | null;
  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;
  @Column({ type: 'integer', nullable: true }) contactId: number | null;
  @ManyToOne(() => Contact, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id' })
  contact: Relation<Contact> | null;
  @Column({ type: 'enum', enum: ACTIVITY_KINDS, enumName: 'activity_kind', default: 'call' })
  kind: (typeof ACTIVITY_KINDS)[number];
  @Column({ type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ type: 'boolean', default: false }) done: boolean;
  @Column({ type: 'text', nullable: true }) description: string | null;
}

import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { User } from '@portier/adminjs';
import { Account } from './account.entity.js';
import { CrmRecord } from './crm-record.js';

export const CONTACT_TYPES = ['client', 'prospect', 'supplier', 'other'] as const;

/** Owned by its primary advisor; the secondary advisor and the assistant may read and edit it. */
@Entity({ name: 'contact' })
export class Contact extends CrmRecord {
  @Column({ type: 'enum', enum: CONTACT_TYPES, enumName: 'contact_type', default: 'prospect' })
  type: (typeof CONTACT_TYPES)[number];
  @Column({ type: 'integer' }) primaryAdvisorId: number;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'primary_advisor_id' })
  primaryAdvisor: Relation<User>;
  @Column({ type: 'integer', nullable: true }) secondaryAdvisorId: number | null;
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'secondary_advisor_id' })
  secondaryAdvisor: Relation<User> | null;
  @Column({ type: 'integer', nullable: true }) assistantId: number | null;
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assistant_id' })
  assistant: Relation<User> | null;
  @Column({ type: 'integer', nullable: true }) accountId: number | null;
  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) jobTitle: string | null;
  @Column({ type: 'varchar', length: 254, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) mobilePhone: string | null;
  @Column({ type: 'date', nullable: true }) birthDate: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) street: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) postalCode: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) city: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true, default: 'France' }) country: string | null;
}

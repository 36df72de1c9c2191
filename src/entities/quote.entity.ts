import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Account } from './account.entity.js';
import { OwnedRecord, decimal } from './crm-record.js';
import { Deal } from './deal.entity.js';

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'refused'] as const;

@Entity({ name: 'quote' })
export class Quote extends OwnedRecord {
  @Column({ type: 'integer', nullable: true }) accountId: number | null;
  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;
  @Column({ type: 'integer', nullable: true }) dealId: number | null;
  @ManyToOne(() => Deal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deal_id' })
  deal: Relation<Deal> | null;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimal }) amount: number | null;
  @Column({ type: 'enum', enum: QUOTE_STATUSES, enumName: 'quote_status', default: 'draft' })
  status: (typeof QUOTE_STATUSES)[number];
  @Column({ type: 'date', nullable: true }) validUntil: string | null;
}

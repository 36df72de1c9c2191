import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Account } from './account.entity.js';
import { OwnedRecord, decimal } from './crm-record.js';
import { Deal } from './deal.entity.js';
import { Quote } from './quote.entity.js';

export const SALES_ORDER_STATUSES = ['pending', 'confirmed', 'delivered', 'cancelled'] as const;

@Entity({ name: 'sales_order' })
export class SalesOrder extends OwnedRecord {
  @Column({ type: 'integer', nullable: true }) accountId: number | null;
  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;
  @Column({ type: 'integer', nullable: true }) dealId: number | null;
  @ManyToOne(() => Deal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deal_id' })
  deal: Relation<Deal> | null;
  @Column({ type: 'integer', nullable: true }) quoteId: number | null;
  @ManyToOne(() => Quote, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'quote_id' })
  quote: Relation<Quote> | null;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimal }) amount: number | null;
  @Column({ type: 'enum', enum: SALES_ORDER_STATUSES, enumName: 'sales_order_status', default: 'pending' })
  status: (typeof SALES_ORDER_STATUSES)[number];
  @Column({ type: 'date', nullable: true }) orderDate: string | null;
}

import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Account } from './account.entity.js';
import { OwnedRecord, decimal } from './crm-record.js';

export const PURCHASE_ORDER_STATUSES = ['draft', 'ordered', 'received', 'cancelled'] as const;

@Entity({ name: 'purchase_order' })
export class PurchaseOrder extends OwnedRecord {
  @Column({ type: 'integer', nullable: true }) accountId: number | null;
  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) supplier: string | null;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimal }) amount: number | null;
  @Column({ type: 'enum', enum: PURCHASE_ORDER_STATUSES, enumName: 'purchase_order_status', default: 'draft' })
  status: (typeof PURCHASE_ORDER_STATUSES)[number];
  @Column({ type: 'date', nullable: true }) expectedDate: string | null;
}

import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Account } from './account.entity.js';
import { OwnedRecord, decimal } from './crm-record.js';
import { SalesOrder } from './sales-order.entity.js';

export const INVOICE_STATUSES = ['draft', 'sent', 'paid', 'overdue', 'cancelled'] as const;

@Entity({ name: 'invoice' })
export class Invoice extends OwnedRecord {
  @Column({ type: 'integer', nullable: true }) accountId: number | null;
  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;
  @Column({ type: 'integer', nullable: true }) salesOrderId: number | null;
  @ManyToOne(() => SalesOrder, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sales_order_id' })
  salesOrder: Relation<SalesOrder> | null;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimal }) amount: number | null;
  @Column({ type: 'enum', enum: INVOICE_STATUSES, enumName: 'invoice_status', default: 'draft' })
  status: (typeof INVOICE_STATUSES)[number];
  @Column({ type: 'date', nullable: true }) issueDate: string | null;
  @Column({ type: 'date', nullable: true }) dueDate: string | null;
}

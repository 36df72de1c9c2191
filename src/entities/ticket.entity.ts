import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Account } from './account.entity.js';
import { OwnedRecord } from './crm-record.js';

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['open', 'in_progress', 'waiting', 'resolved', 'closed'] as const;

@Entity({ name: 'ticket' })
export class Ticket extends OwnedRecord {
  @Column({ type: 'integer', nullable: true }) accountId: number | null;
  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;
  @Column({ type: 'enum', enum: TICKET_PRIORITIES, enumName: 'ticket_priority', default: 'normal' })
  priority: (typeof TICKET_PRIORITIES)[number];
  @Column({ type: 'enum', enum: TICKET_STATUSES, enumName: 'ticket_status', default: 'open' })
  status: (typeof TICKET_STATUSES)[number];
  @Column({ type: 'text', nullable: true }) description: string | null;
}

import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Account } from './account.entity.js';
import { OwnedRecord, decimal } from './crm-record.js';

export const DEAL_STAGES = ['prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost'] as const;

@Entity({ name: 'deal' })
export class Deal extends OwnedRecord {
  @Column({ type: 'integer', nullable: true }) accountId: number | null;
  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id' })
  account: Relation<Account> | null;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimal }) amount: number | null;
  @Column({ type: 'enum', enum: DEAL_STAGES, enumName: 'deal_stage', default: 'prospecting' })
  stage: (typeof DEAL_STAGES)[number];
  @Column({ type: 'integer', nullable: true }) probability: number | null;
  @Column({ type: 'date', nullable: true }) closeDate: string | null;
}

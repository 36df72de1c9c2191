import { Column, Entity } from 'typeorm';
import { OwnedRecord, decimal } from './crm-record.js';

export const LEAD_SOURCES = ['web', 'event', 'referral', 'inbound_call', 'partner'] as const;
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'lost', 'converted'] as const;

@Entity({ name: 'lead' })
export class Lead extends OwnedRecord {
  @Column({ type: 'varchar', length: 200, nullable: true }) company: string | null;
  @Column({ type: 'varchar', length: 254, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  @Column({ type: 'enum', enum: LEAD_SOURCES, enumName: 'lead_source', nullable: true })
  source: (typeof LEAD_SOURCES)[number] | null;
  @Column({ type: 'enum', enum: LEAD_STATUSES, enumName: 'lead_status', default: 'new' })
  status: (typeof LEAD_STATUSES)[number];
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimal }) estimatedValue: number | null;
}

import { Column, Entity } from 'typeorm';
import { OwnedRecord, decimal } from './crm-record.js';

@Entity({ name: 'account' })
export class Account extends OwnedRecord {
  @Column({ type: 'varchar', length: 120, nullable: true }) industry: string | null;
  @Column({ type: 'varchar', length: 14, nullable: true }) siret: string | null;
  @Column({ type: 'varchar', length: 254, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) website: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) street: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) postalCode: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) city: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true, default: 'France' }) country: string | null;
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: decimal }) annualRevenue: number | null;
  @Column({ type: 'integer', nullable: true }) employees: number | null;
}

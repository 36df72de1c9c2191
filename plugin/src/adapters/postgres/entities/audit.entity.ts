import { BaseEntity, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: the database refuses UPDATE and DELETE (see the audit migration). */
@Entity({ name: 'audit_entry' })
export class AuditEntry extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ type: 'integer', nullable: true }) actorId: number | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) actorLogin: string | null;
  @Column({ type: 'varchar', length: 40 }) action: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) module: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) recordId: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) reference: string | null;
  @Column({ type: 'jsonb', nullable: true }) changes: Record<string, [unknown, unknown]> | null;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @Column({ type: 'text', nullable: true }) userAgent: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) prevHash: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) hash: string | null;
}

@Entity({ name: 'login_event' })
export class LoginEvent extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ type: 'varchar', length: 254 }) login: string;
  @Column({ type: 'integer', nullable: true }) userId: number | null;
  @Column({ type: 'boolean' }) success: boolean;
  @Column({ type: 'varchar', length: 64, nullable: true }) reason: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @Column({ type: 'text', nullable: true }) userAgent: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) company: string | null;
}

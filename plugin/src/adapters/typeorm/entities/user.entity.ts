import {
  BaseEntity, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn,
  UpdateDateColumn, type Relation,
} from 'typeorm';
import type { LoginHours } from '../../../core/login-hours.js';
import { Role } from './role.entity.js';

export const USER_STATUSES = ['active', 'inactive'] as const;
export const USER_KINDS = ['internal', 'client'] as const;
export const LOCALES = ['fr', 'en'] as const;

@Entity({ name: 'app_user' })
export class User extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column({ type: 'varchar', length: 64 }) login: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  /** argon2id hash; never selected unless asked for (sign-in), never sent back. */
  @Column({ type: 'varchar', length: 255, select: false }) passwordHash: string;
  @Column({ type: 'varchar', length: 100, default: '' }) firstName: string;
  @Column({ type: 'varchar', length: 100, default: '' }) lastName: string;
  @Column({ type: 'boolean', default: false }) isAdmin: boolean;
  @Column({ type: 'enum', enum: USER_STATUSES, enumName: 'user_status', default: 'active' })
  status: (typeof USER_STATUSES)[number];
  @Column({ type: 'integer', nullable: true }) roleId: number | null;
  @ManyToOne(() => Role, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role: Relation<Role> | null;
  @Column({ type: 'enum', enum: USER_KINDS, enumName: 'user_kind', default: 'internal' })
  kind: (typeof USER_KINDS)[number];
  @Column({ type: 'varchar', length: 200, nullable: true }) company: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) title: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) department: string | null;
  @Column({ type: 'integer', nullable: true }) reportsToId: number | null;
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reports_to_id' })
  reportsTo: Relation<User> | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) mobilePhone: string | null;
  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale', default: 'fr' })
  locale: (typeof LOCALES)[number];
  @Column({ type: 'jsonb', nullable: true }) loginHours: LoginHours | null;
  @Column({ type: 'boolean', default: false }) system: boolean;
  @Column({ type: 'boolean', default: false }) freeSeat: boolean;
  @Column({ type: 'varchar', length: 200, nullable: true }) freeSeatReason: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

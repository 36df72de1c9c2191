import { BaseEntity, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Capability, ContactScopes, FieldAccessMap, LicenseTier, ModulePrivileges, ProfileAudience } from '../../../core/model.js';

@Entity({ name: 'profile' })
export class Profile extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ type: 'boolean', default: false }) system: boolean;
  @Column({ type: 'boolean', default: false }) isDefault: boolean;
  @Column({ type: 'varchar', length: 16, default: 'internal' }) audience: ProfileAudience;
  @Column({ type: 'varchar', length: 16, default: 'standard' }) licenseTier: LicenseTier;
  @Column({ type: 'boolean', default: false }) viewAll: boolean;
  @Column({ type: 'boolean', default: false }) editAll: boolean;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) capabilities: Capability[];
  @Column({ type: 'jsonb', default: () => "'{}'" }) modules: ModulePrivileges;
  @Column({ type: 'jsonb', default: () => "'{}'" }) contactScopes: ContactScopes;
  @Column({ type: 'jsonb', default: () => "'{}'" }) fields: FieldAccessMap;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

import { BaseEntity, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { RuleAccess, RuleTargetKind, SharingLevel } from '../../../core/model.js';
import { Role } from './role.entity.js';
import { Team } from './team.entity.js';

@Entity({ name: 'sharing_default' })
export class SharingDefault extends BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) module: string;
  @Column({ type: 'varchar', length: 32 }) level: SharingLevel;
}

@Entity({ name: 'sharing_rule' })
export class SharingRule extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column({ type: 'varchar', length: 200, nullable: true }) name: string | null;
  @Column({ type: 'varchar', length: 64 }) module: string;
  @Column({ type: 'varchar', length: 32 }) fromKind: RuleTargetKind;
  @Column({ type: 'integer', nullable: true }) fromRoleId: number | null;
  @ManyToOne(() => Role, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_role_id' })
  fromRole: Relation<Role> | null;
  @Column({ type: 'integer', nullable: true }) fromTeamId: number | null;
  @ManyToOne(() => Team, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_team_id' })
  fromTeam: Relation<Team> | null;
  @Column({ type: 'varchar', length: 32 }) toKind: RuleTargetKind;
  @Column({ type: 'integer', nullable: true }) toRoleId: number | null;
  @ManyToOne(() => Role, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_role_id' })
  toRole: Relation<Role> | null;
  @Column({ type: 'integer', nullable: true }) toTeamId: number | null;
  @ManyToOne(() => Team, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_team_id' })
  toTeam: Relation<Team> | null;
  @Column({ type: 'varchar', length: 16 }) access: RuleAccess;
}

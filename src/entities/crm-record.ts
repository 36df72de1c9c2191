import { BaseEntity, Column, CreateDateColumn, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Team, User } from '@portier/adminjs';

/** What every CRM record has: a reference (generated when not given), a name, its creator. */
export abstract class CrmRecord extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column({ type: 'varchar', length: 40 }) reference: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'integer', nullable: true }) createdById: number | null;
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<User> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A record "assigned to" a user or a team (exactly one of the two). */
export abstract class OwnedRecord extends CrmRecord {
  @Column({ type: 'integer', nullable: true }) ownerUserId: number | null;
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_user_id' })
  ownerUser: Relation<User> | null;
  @Column({ type: 'integer', nullable: true }) ownerTeamId: number | null;
  @ManyToOne(() => Team, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_team_id' })
  ownerTeam: Relation<Team> | null;
}

/** numeric columns come back from pg as strings; amounts are read as numbers. */
export const decimal = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

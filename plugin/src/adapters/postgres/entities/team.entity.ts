import { BaseEntity, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Members live in `team_user`, `team_role` and `team_team` (see TeamMembership). */
@Entity({ name: 'team' })
export class Team extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'text', default: '' }) description: string;
}

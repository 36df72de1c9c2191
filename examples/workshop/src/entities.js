import { BaseEntity, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * The workshop's three modules as TypeORM entities (Active Record, as @adminjs/typeorm needs).
 * Plain JavaScript: the decorators TypeScript would write as `@Entity`, `@Column` are applied by
 * hand, with every column's type said (no emitted metadata to read it from).
 */
export class Machine extends BaseEntity {} // UUID ids, each assigned to a user or a team
export class Part extends BaseEntity {} // a catalogue: nobody owns a part
export class Job extends BaseEntity {} // integer ids, assigned, done on a machine

const text = (length) => ({ type: 'varchar', length });
const optionalInt = { type: 'integer', nullable: true };
const owned = { ownerUserId: optionalInt, ownerTeamId: optionalInt };

function define(entity, table, idType, columns) {
  Entity({ name: table })(entity);
  (idType === 'uuid' ? PrimaryGeneratedColumn('uuid') : PrimaryGeneratedColumn({ type: 'integer' }))(entity.prototype, 'id');
  for (const [property, options] of Object.entries({ reference: text(40), name: text(200), ...columns, createdById: optionalInt })) {
    Column(options)(entity.prototype, property);
  }
  CreateDateColumn({ type: 'timestamptz' })(entity.prototype, 'createdAt');
  UpdateDateColumn({ type: 'timestamptz' })(entity.prototype, 'updatedAt');
}

define(Machine, 'machine', 'uuid', { ...owned });
define(Part, 'part', 'int', { price: { type: 'numeric', precision: 10, scale: 2, nullable: true } });
define(Job, 'job', 'int', { ...owned, machineId: { type: 'uuid', nullable: true }, hours: { type: 'integer', nullable: true } });

import type { EntityManager } from 'typeorm';
import type { USER_KINDS, USER_STATUSES } from '../entities/user.entity.js';

/**
 * What a read model reads through: a DataSource or an EntityManager (inside a transaction, the
 * set-up resources' virtual properties), as both run a statement the same way.
 */
export type Db = Pick<EntityManager, 'query'>;

export type UserStatus = (typeof USER_STATUSES)[number];
export type UserKind = (typeof USER_KINDS)[number];

/** A role or a team as the pickers offer it. */
export interface NamedRow {
  id: number;
  name: string;
}

import { hasCapability as holds } from '../core/capabilities.js';
import type { Capability } from '../core/model.js';
import type { EntityManager } from 'typeorm';
import type { UserAccess } from '../adapters/postgres/access-service.js';
import { audit, diff } from '../adapters/postgres/audit.js';
import { auditActor, type ServiceContext } from './context.js';

/** One decision of who holds a capability, in the core (core/capabilities.ts). */
export function hasCapability(ua: UserAccess, capability: Capability): boolean {
  return holds(ua.access, capability);
}

/** A set-up row as JSON (never a password hash), to diff before and after a change. */
export async function snapshot(m: EntityManager, table: string, key: string | number, column = 'id'): Promise<Record<string, unknown> | null> {
  const [row] = await m.query(`SELECT to_jsonb(t) - 'password_hash' - 'updated_at' - 'session_epoch' AS j FROM ${table} t WHERE ${column} = $1`, [key]);
  return row?.j ?? null;
}

/** Every change to the access set-up is an audit entry, in the transaction of the change. */
export async function auditSetup(
  m: EntityManager,
  ctx: ServiceContext,
  action: string,
  module: string,
  id: string | number,
  reference: string | null,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  await audit(m, auditActor(ctx), {
    action,
    module,
    recordId: id,
    reference,
    changes: diff(before, after),
  });
}

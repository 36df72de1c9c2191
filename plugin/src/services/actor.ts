import { CAPABILITY_LABELS, hasCapability as holds } from '../core/capabilities.js';
import type { Capability } from '../core/model.js';
import type { EntityManager } from 'typeorm';
import type { UserAccess } from '../adapters/postgres/access-service.js';
import { audit, diff } from '../adapters/postgres/audit.js';
import { Refusal } from '../core/refusal.js';
import { auditActor, type ServiceContext } from './context.js';

export const NOTHING_CHANGED = "Rien n'a été modifié.";

/** One decision of who holds a capability, in the core (core/capabilities.ts). */
export function hasCapability(ua: UserAccess, capability: Capability): boolean {
  return holds(ua.access, capability);
}

/** Only `manageUsers` (or admin) changes users; only `manageAccess` (or admin) changes the rest of the set-up. */
export function requireCapability(ua: UserAccess, capability: Capability): void {
  if (!hasCapability(ua, capability)) {
    throw new Refusal('forbidden', `Refusé : il faut le droit « ${CAPABILITY_LABELS[capability]} ». ${NOTHING_CHANGED}`);
  }
}

export function invalid(message: string, property?: string): Refusal {
  return new Refusal('invalid', `${message} ${NOTHING_CHANGED}`, property);
}

export function refuse(message: string, property?: string): Refusal {
  return new Refusal('forbidden', `${message} ${NOTHING_CHANGED}`, property);
}

/** A refusal by one of the safeguards that keep the organisation's administration reachable. */
export function safeguard(message: string, property?: string): Refusal {
  return new Refusal('forbidden', `${message} ${NOTHING_CHANGED}`, property, true);
}

/** A set-up row as JSON (never a password hash), to diff before and after a change. */
export async function snapshot(m: EntityManager, table: string, key: string | number, column = 'id'): Promise<Record<string, unknown> | null> {
  const [row] = await m.query(`SELECT to_jsonb(t) - 'password_hash' - 'updated_at' - 'session_epoch' AS j FROM ${table} t WHERE ${column} = $1`, [key]);
  return row?.j ?? null;
}

/** Every change to the access set-up is an audit entry, in the transaction of the change. */
export async function auditSetup(
  m: EntityManager, ctx: ServiceContext, action: string, module: string, id: string | number, reference: string | null,
  before: Record<string, unknown> | null, after: Record<string, unknown> | null,
): Promise<void> {
  await audit(m, auditActor(ctx), {
    action, module, recordId: id, reference, changes: diff(before, after),
  });
}

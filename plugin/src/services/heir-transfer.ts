import type { EntityManager } from 'typeorm';
import type { ModuleSpec } from '../core/modules.js';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { auditMany, type AuditInput } from '../adapters/postgres/audit.js';
import { q } from '../adapters/postgres/condition-sql.js';
import { ownerFields } from '../adapters/postgres/module-registry.js';
import { auditActor, type ServiceContext } from './context.js';

/**
 * Records handed to an heir when their owner (a user, a team) is deleted (docs/spec/access-model.md,
 * "Heirs"). Every record received gets its own history entry, in the deletion's transaction, so
 * that a record's history says who held it before and why it changed hands.
 */

/** The records whose `field` is `from` get the values of `set` (the field itself among them, or not). */
export interface HandOver {
  field: string;
  from: number;
  set: Record<string, number | null>;
}

/** Makes every module's hand-overs and writes one entry per record moved; says how many records moved. */
export async function handOver(
  service: AccessService,
  m: EntityManager,
  ctx: ServiceContext,
  handOvers: (spec: ModuleSpec) => HandOver[],
  why: string,
): Promise<number> {
  const entries: AuditInput[] = [];
  for (const name of service.registry.names) {
    const table = service.table(name);
    const moved = new Map<number, { reference: string; changes: Record<string, [unknown, unknown]> }>();
    for (const h of handOvers(table.spec)) {
      const sets = Object.keys(h.set).map((f, i) => `${q(table.column(f))} = $${i + 2}`);
      const [rows] = await m.query(
        `UPDATE ${q(table.table)} SET ${sets.join(', ')} WHERE ${q(table.column(h.field))} = $1 RETURNING id, ${q(table.column('reference'))} AS reference`,
        [h.from, ...Object.values(h.set)],
      );
      for (const r of rows as Array<{ id: number; reference: string }>) {
        const entry = moved.get(r.id) ?? { reference: r.reference, changes: {} };
        for (const [f, to] of Object.entries(h.set)) {
          const before = f === h.field ? h.from : null;
          if (before !== to) entry.changes[f] = [before, to];
        }
        moved.set(r.id, entry);
      }
    }
    for (const [id, e] of moved) entries.push({ action: 'inherit', module: name, recordId: id, reference: e.reference, changes: e.changes, message: why });
  }
  await auditMany(m, auditActor(ctx), entries);
  return entries.length;
}

/** A deleted user's records pass to the heir, and a Contact's advisor roles with them. */
export function fromUser(from: number, to: number) {
  return (spec: ModuleSpec): HandOver[] => {
    const teamField = spec.owner.kind === 'userOrTeam' ? spec.owner.teamField : null;
    return ownerFields(spec)
      .filter((f) => f !== teamField)
      .map((field) => ({ field, from, set: { [field]: to } }));
  };
}

/** A deleted team's records pass to the heir user or team. */
export function fromTeam(from: number, heir: { userId?: number; teamId?: number }) {
  return (spec: ModuleSpec): HandOver[] =>
    spec.owner.kind !== 'userOrTeam'
      ? []
      : [
          {
            field: spec.owner.teamField,
            from,
            set: { [spec.owner.userField]: heir.userId ?? null, [spec.owner.teamField]: heir.teamId ?? null },
          },
        ];
}

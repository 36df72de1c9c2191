import type { AccessUser } from './model.js';
import { ownerFields, type ModuleSpec } from './modules.js';
import { ownerTeamField, ownerUserField } from './record-conditions.js';
import type { SetupIndex } from './setup-index.js';

/**
 * Changing who owns a record is a transfer (docs/spec/access-model.md, "Transfers"), a stronger
 * right than `edit`. These functions say which of a write's fields are a transfer and whether
 * the user may make it; `edit` on the record itself is checked by the write, in its statement.
 */

/** The owner fields a write changes (set to another value, or a Contact's advisor cleared). */
export function transferredFields(spec: ModuleSpec, current: Record<string, unknown>, values: Record<string, unknown>): string[] {
  const id = (v: unknown) => (v === undefined || v === null || v === '' ? null : Number(v));
  return ownerFields(spec).filter((f) => f in values && id(values[f]) !== id(current[f]));
}

/** What the engine knows of the user making the change. */
export interface Transferrer {
  user: Pick<AccessUser, 'id' | 'roleId' | 'teamIds'>;
  isAdmin: boolean;
  editAll: boolean;
}

/**
 * Whether U may transfer record X (given with its facts: `owner.roleId`, the role of its owner
 * user or primary advisor): U is admin; U holds `editAll`; U owns X by step 6 as its owner user,
 * a member of its owner team, or its primary advisor (not as secondary advisor or assistant); or
 * U's role is strictly above the role of X's owner user (step 7's position alone). A default or
 * a rule never allows it. Modules without owner fields have nothing to transfer.
 */
export function mayTransfer(index: SetupIndex, spec: ModuleSpec, u: Transferrer, record: Record<string, unknown>): boolean {
  if (spec.owner.kind === 'none') return false; // a catalogue: nothing to transfer
  if (u.isAdmin || u.editAll) return true;
  const ownerUser = record[ownerUserField(spec)] as number | null | undefined;
  if (ownerUser === u.user.id) return true;
  const teamField = ownerTeamField(spec);
  const ownerTeam = teamField ? (record[teamField] as number | null | undefined) : null;
  if (ownerTeam != null && u.user.teamIds.includes(Number(ownerTeam))) return true;
  const ownerRole = (record.owner as { roleId?: number | null } | null | undefined)?.roleId ?? null;
  return ownerUser != null && ownerRole !== null && u.user.roleId !== null && index.isStrictlyAbove(u.user.roleId, ownerRole);
}

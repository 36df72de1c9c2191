import type { CompiledAccess } from './compile.js';
import { MODULE_ACTIONS, type ModuleAction } from './model.js';

/**
 * Whether the user may take an action on the module at all: create or export by the module
 * privilege alone (what is exported is what the user may read, which may be nothing: an empty
 * file, not a refusal); a record action when it reaches some record, even only their own.
 */
export function mayTakeAction(access: CompiledAccess, module: string, action: ModuleAction): boolean {
  if (!access.active) return false;
  if (action === 'create') return access.create.has(module);
  if (action === 'export') return access.export.has(module);
  const g = access.grants[module]?.[action];
  return !!g && (g.all || g.any.length > 0);
}

/**
 * The modules a user may use at all (some action of `mayTakeAction`): what a team lead sees of
 * their team's users (docs/spec/seats.md), in the catalog's order. An inactive user or a collaborator
 * without access compiles to nothing, so gets none.
 */
export function usableModules(access: CompiledAccess): string[] {
  return Object.keys(access.grants).filter((module) => MODULE_ACTIONS.some((a) => mayTakeAction(access, module, a)));
}

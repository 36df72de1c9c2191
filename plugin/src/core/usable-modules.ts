import type { CompiledAccess } from './compile.js';
import { RECORD_ACTIONS } from './model.js';

/**
 * The modules a user may use at all: some record action that is not "nothing" (even one that
 * only reaches the user's own records), or creating or exporting in it. What a team lead sees of
 * their team's users (SEATS.md), in the catalog's order. An inactive user or a collaborator
 * without access compiles to nothing, so gets none.
 */
export function usableModules(access: CompiledAccess): string[] {
  if (!access.active) return [];
  return Object.entries(access.grants)
    .filter(([module, grants]) =>
      RECORD_ACTIONS.some((a) => grants[a].all || grants[a].any.length > 0) || access.create.has(module) || access.export.has(module))
    .map(([module]) => module);
}

import type { ModuleAction, ProfileDef } from './model.js';

/** A profile grants an action on a module; create, edit, delete or export imply read. */
export function profileGrants(p: ProfileDef, module: string, action: ModuleAction): boolean {
  const m = p.modules[module];
  if (!m) return false;
  if (m[action]) return true;
  return action === 'read' && !!(m.create || m.edit || m.delete || m.export);
}

import type { RecordAction, SharingLevel } from './model.js';
import type { ModuleCatalog, ModuleSpec } from './modules.js';

/** What each organisation-wide default gives everyone whose profile grants the action. */
export const LEVEL_GIVES: Record<SharingLevel, readonly RecordAction[]> = {
  private: [],
  public_read: ['read'],
  public_read_write: ['read', 'edit'],
  public_read_write_delete: ['read', 'edit', 'delete'],
};

/** The default that governs a module: its sharing module's, always private for Activity. */
export function effectiveLevel(defaults: Record<string, SharingLevel>, catalog: ModuleCatalog, spec: ModuleSpec): SharingLevel {
  const sharing = catalog.sharingModules.find((s) => s.name === spec.sharingModule);
  return !sharing || sharing.alwaysPrivate ? 'private' : defaults[spec.sharingModule] ?? 'private';
}

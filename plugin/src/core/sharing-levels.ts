import { SHARING_LEVELS, type RecordAction, type SharingLevel } from './model.js';
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
  return !sharing || sharing.alwaysPrivate ? 'private' : (defaults[sharing.name] ?? 'private');
}

/** The levels as the French messages name them. */
export const LEVEL_LABELS_FR: Record<SharingLevel, string> = {
  private: 'privé',
  public_read: 'lecture publique',
  public_read_write: 'lecture et écriture publiques',
  public_read_write_delete: 'lecture, écriture et suppression publiques',
};

/** `module` and `level`: the request names no settable module or level; `dependency`: the other defaults forbid it now. */
export interface DefaultProblem {
  kind: 'module' | 'level' | 'dependency';
  message: string;
}

/**
 * Why setting `module`'s default to `level` is refused, given the current defaults; null when it
 * is allowed. One function for the write (setDefault) and for the screen that shows, before any
 * attempt, which levels are locked and why: the two can never disagree.
 */
export function defaultProblem(catalog: ModuleCatalog, defaults: Record<string, SharingLevel>, module: string, level: string): DefaultProblem | null {
  const spec = catalog.sharingModules.find((s) => s.name === module);
  if (!spec) {
    const governed = catalog.modules.find((m) => m.name === module);
    if (governed?.owner.kind === 'none')
      return { kind: 'module', message: `${module} est un catalogue : ses privilèges de module décident seuls, sans partage par défaut.` };
    return {
      kind: 'module',
      message: governed ? `${module} n'a pas de partage par défaut propre : il suit ${governed.sharingModule}.` : `Module de partage inconnu : ${module}.`,
    };
  }
  if (spec.alwaysPrivate) return { kind: 'module', message: `${module} est toujours privé.` };
  if (!(SHARING_LEVELS as readonly string[]).includes(level)) return { kind: 'level', message: `Niveau de partage inconnu : ${level}.` };
  const levels: Record<string, string> = { ...defaults, [module]: level };
  for (const s of catalog.sharingModules) {
    if (s.privateWhilePrivate && (levels[s.privateWhilePrivate] ?? 'private') === 'private' && (levels[s.name] ?? 'private') !== 'private') {
      return {
        kind: 'dependency',
        message:
          s.name === module
            ? `${module} doit rester privé tant que ${s.privateWhilePrivate} est privé.`
            : `${module} ne peut pas devenir privé tant que ${s.name} est en « ${LEVEL_LABELS_FR[levels[s.name] as SharingLevel]} » : rendez d'abord ${s.name} privé.`,
      };
    }
  }
  return null;
}

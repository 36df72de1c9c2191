import { SHARING_LEVELS, type RecordAction, type SharingLevel } from './model.js';
import type { ModuleCatalog, ModuleSpec } from './modules.js';
import { moduleLabel } from './rule-sentence.js';

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

/** The levels as the English messages name them. */
export const LEVEL_LABELS_EN: Record<SharingLevel, string> = {
  private: 'private',
  public_read: 'public read',
  public_read_write: 'public read and write',
  public_read_write_delete: 'public read, write and delete',
};

export const LEVEL_LABELS = { fr: LEVEL_LABELS_FR, en: LEVEL_LABELS_EN } as const;

/** `module` and `level`: the request names no settable module or level; `dependency`: the other defaults forbid it now. */
export interface DefaultProblem {
  kind: 'module' | 'level' | 'dependency';
  /** The reason in French; `text` has it in each language. */
  message: string;
  text: { fr: string; en: string };
}

/** A problem said in both languages; the French one is also its `message` (the audit trail keeps it). */
const problem = (kind: DefaultProblem['kind'], fr: string, en: string): DefaultProblem => ({ kind, message: fr, text: { fr, en } });

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Why setting `module`'s default to `level` is refused, given the current defaults; null when it
 * is allowed. One function for the write (setDefault) and for the screen that shows, before any
 * attempt, which levels are locked and why: the two can never disagree.
 */
export function defaultProblem(catalog: ModuleCatalog, defaults: Record<string, SharingLevel>, module: string, level: string): DefaultProblem | null {
  // Modules are named by their label in the reader's language ("Les affaires", "Deals"), never by their code.
  const label = (name: string) => moduleLabel(catalog, name);
  const spec = catalog.sharingModules.find((s) => s.name === module);
  if (!spec) {
    const governed = catalog.modules.find((m) => m.name === module);
    if (governed?.owner.kind === 'none')
      return problem(
        'module',
        'Un catalogue : ses privilèges de module décident seuls, sans partage par défaut.',
        'A catalogue: its module privileges alone decide, with no default sharing.',
      );
    if (governed) {
      const under = label(governed.sharingModule!);
      return problem('module', `Pas de partage par défaut propre : suit celui des ${under.fr}.`, `No default sharing of its own: follows that of ${under.en}.`);
    }
    return problem('module', `Module de partage inconnu : ${module}.`, `Unknown sharing module: ${module}.`);
  }
  if (spec.alwaysPrivate)
    return problem(
      'module',
      `Les ${label(module).fr} sont toujours ${label(module).feminine ? 'privées' : 'privés'}.`,
      `${capitalised(label(module).en)} are always private.`,
    );
  if (!(SHARING_LEVELS as readonly string[]).includes(level))
    return problem('level', `Niveau de partage inconnu : ${level}.`, `Unknown sharing level: ${level}.`);
  const levels: Record<string, string> = { ...defaults, [module]: level };
  for (const s of catalog.sharingModules) {
    if (s.privateWhilePrivate && (levels[s.privateWhilePrivate] ?? 'private') === 'private' && (levels[s.name] ?? 'private') !== 'private') {
      const [mine, other, over] = [label(module), label(s.name), label(s.privateWhilePrivate)];
      const otherLevel = levels[s.name] as SharingLevel;
      return s.name === module
        ? problem(
            'dependency',
            `Les ${mine.fr} doivent rester en privé tant que les ${over.fr} sont en privé.`,
            `${capitalised(mine.en)} must stay private while ${over.en} are private.`,
          )
        : problem(
            'dependency',
            `Les ${mine.fr} ne peuvent pas passer en privé tant que les ${other.fr} sont en « ${LEVEL_LABELS_FR[otherLevel]} » : passez d'abord les ${other.fr} en privé.`,
            `${capitalised(mine.en)} cannot become private while ${other.en} are "${LEVEL_LABELS_EN[otherLevel]}": make ${other.en} private first.`,
          );
    }
  }
  return null;
}

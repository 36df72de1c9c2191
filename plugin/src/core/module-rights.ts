import { compileAccess, type CompiledAccess } from './compile.js';
import { MODULE_ACTIONS, type ModuleAction } from './model.js';
import type { ModuleCatalog } from './modules.js';
import { SetupIndex } from './setup-index.js';
import { mayTakeAction } from './usable-modules.js';

/**
 * Rights per module in the words of a delegated access request (docs/spec/seats.md): for each
 * module, the actions among create, read, edit, delete, export. What a user or a role gives is
 * read from the engine's own compilation (`compileAccess` then `mayTakeAction`), never evaluated
 * a second way, so the team lead's list, the handler's comparison and the records agree.
 */
export type ModuleRights = Record<string, ModuleAction[]>;

/** The actions a compiled user may take, per module, modules without any left out. */
export function rightsOf(access: CompiledAccess): ModuleRights {
  const rights: ModuleRights = {};
  for (const module of Object.keys(access.grants)) {
    const actions = MODULE_ACTIONS.filter((a) => mayTakeAction(access, module, a));
    if (actions.length) rights[module] = actions;
  }
  return rights;
}

/** An id no role of the database has: the hypothetical role below. */
const PROBE_ROLE = -1;

/**
 * What an active internal user (not admin, in no team) holding exactly these profiles through
 * their role may do, per module: a role's profiles, or one profile asked for. The set-up is the
 * engine's, with one more role; the user is compiled by `compileAccess` as any other.
 */
export function rightsOfProfiles(index: SetupIndex, catalog: ModuleCatalog, profileIds: number[]): ModuleRights {
  const probe = new SetupIndex({
    ...index.setup,
    roles: [...index.setup.roles, { id: PROBE_ROLE, name: '', parentId: null, profileIds }],
  });
  const access = compileAccess(probe, catalog, {
    id: 0,
    login: '',
    isAdmin: false,
    status: 'active',
    kind: 'internal',
    roleId: PROBE_ROLE,
    teamIds: [],
  });
  return rightsOf(access);
}

/** One module of the handler's comparison: what was asked, what the role gives, and how they differ. */
export interface RightsRow {
  module: string;
  asked: ModuleAction[];
  given: ModuleAction[];
  /** Asked but not given. */
  missing: ModuleAction[];
  /** Given but not asked. */
  extra: ModuleAction[];
}

/** Side by side, per module (the catalog's order), every module either side names. */
export function compareRights(modules: string[], asked: ModuleRights, given: ModuleRights): RightsRow[] {
  return modules
    .filter((m) => asked[m]?.length || given[m]?.length)
    .map((module) => {
      const a = asked[module] ?? [];
      const g = given[module] ?? [];
      return {
        module,
        asked: a,
        given: g,
        missing: a.filter((x) => !g.includes(x)),
        extra: g.filter((x) => !a.includes(x)),
      };
    });
}

/** Whether the role gives exactly what was asked. */
export const sameRights = (rows: RightsRow[]): boolean => rows.every((r) => !r.missing.length && !r.extra.length);

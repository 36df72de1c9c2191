import type { DataSource } from 'typeorm';
import { buildAbility, type PortierAbility } from '../../core/ability.js';
import { compileAccess, type CompiledAccess } from '../../core/compile.js';
import type { AccessSetup } from '../../core/model.js';
import type { ModuleCatalog } from '../../core/modules.js';
import { User } from './entities/user.entity.js';
import { SetupIndex } from '../../core/setup-index.js';
import { accessibleSql, ownerCountSql, type SqlCondition, type TableInfo } from './condition-sql.js';
import { loadAccessUser, loadSetup, type LoadedUser } from './load-setup.js';
import type { ModuleRegistry } from './module-registry.js';
import { parseRecordId, type IdKind, type RecordId } from '../../core/record-id.js';
import { loadRecordFacts } from './record-facts.js';

/** A user's compiled access for one version of the set-up: what every request works with. */
export interface UserAccess {
  user: LoadedUser;
  access: CompiledAccess;
  ability: PortierAbility;
  /** The SQL condition on `alias` for an action on a module (cached per user, version, alias). */
  sql(module: string, action: 'read' | 'edit' | 'delete' | 'export', alias?: string): SqlCondition;
  /** How many records the user may read, from the per-owner counters, when the condition allows it. */
  ownerCount(module: string): SqlCondition | null;
}

/**
 * Loads, compiles and caches access. Every call reads the set-up version together with the
 * user (one indexed query), so a change committed by any process is seen at the next request:
 * there is no stale window and nothing to "recalculate". The set-up is loaded once per version
 * and compiled per user on first use; both caches are keyed by that version.
 */
export class AccessService {
  private current: { version: number; index: SetupIndex } | null = null;
  private loading: Promise<SetupIndex> | null = null;
  private readonly compiled = new Map<number, { version: number; fingerprint: string; value: Omit<UserAccess, 'user'> }>();
  private readonly tableInfo = new Map<string, TableInfo>();
  static readonly MAX_CACHED_USERS = 20_000;

  private compileCatalog: ModuleCatalog | null = null;

  constructor(
    readonly ds: DataSource,
    readonly registry: ModuleRegistry,
  ) {}

  /** The modules as compiled: the app's declarations, with the columns that name users (read once the DataSource is up). */
  get catalog(): ModuleCatalog {
    this.compileCatalog ??= this.registry.catalogWithUserFields(this.ds, User);
    return this.compileCatalog;
  }

  /** The access of a user as of now; null when the user does not exist. */
  async forUser(userId: number): Promise<UserAccess | null> {
    const user = await loadAccessUser(this.ds, userId);
    if (!user) return null;
    return { user, ...(await this.compile(user)) };
  }

  /** Compiles (or takes from the cache) the access of an already loaded user. */
  async compile(user: LoadedUser): Promise<Omit<UserAccess, 'user'>> {
    const fingerprint = `${user.roleId}|${user.status}|${user.isAdmin}|${user.kind}|${user.teamIds.join(',')}`;
    const hit = this.compiled.get(user.id);
    if (hit && hit.version === user.version && hit.fingerprint === fingerprint) return hit.value;
    const index = await this.indexFor(user.version);
    const access = compileAccess(index, this.catalog, user);
    const ability = buildAbility(access);
    const sqlCache = new Map<string, SqlCondition>();
    const countCache = new Map<string, SqlCondition | null>();
    const value = {
      access,
      ability,
      sql: (module: string, action: 'read' | 'edit' | 'delete' | 'export', alias = 'x') => {
        const key = `${module}|${action}|${alias}`;
        let s = sqlCache.get(key);
        if (!s) {
          s = accessibleSql(ability, action, module, alias, (m) => this.table(m), `acl_${action}`);
          sqlCache.set(key, s);
        }
        return s;
      },
      ownerCount: (module: string) => {
        if (!countCache.has(module))
          countCache.set(
            module,
            ownerCountSql(ability, module, (m) => this.table(m)),
          );
        return countCache.get(module)!;
      },
    };
    if (this.compiled.size >= AccessService.MAX_CACHED_USERS) this.compiled.clear();
    this.compiled.set(user.id, { version: user.version, fingerprint, value });
    return value;
  }

  /** The set-up as of at least `version`: loaded once per version, even under concurrent requests. */
  async indexFor(version: number): Promise<SetupIndex> {
    if (this.current && this.current.version >= version) return this.current.index;
    this.loading ??= loadSetup(this.ds)
      .then((s: AccessSetup) => {
        const index = new SetupIndex(s);
        if (!this.current || this.current.version < s.version) this.current = { version: s.version, index };
        return index;
      })
      .finally(() => {
        this.loading = null;
      });
    const index = await this.loading;
    // A load that started before the wanted version was committed is not enough: load again.
    return index.version >= version ? index : this.indexFor(version);
  }

  table(module: string): TableInfo {
    let info = this.tableInfo.get(module);
    if (!info) {
      const meta = this.registry.metadata(this.ds, module);
      const columns = new Map(meta.columns.map((c) => [c.propertyName, c.databaseName]));
      const idKind: IdKind = meta.primaryColumns[0]?.type === 'uuid' ? 'uuid' : 'int';
      info = {
        spec: this.registry.get(module).spec,
        table: meta.tableName,
        idKind,
        parseId: (raw) => parseRecordId(idKind, raw),
        column: (p) => {
          const c = columns.get(p);
          if (!c) throw new Error(`Portier: module ${module} has no property "${p}"`);
          return c;
        },
      };
      this.tableInfo.set(module, info);
    }
    return info;
  }

  /** Records with the facts CASL's conditions read, for `ability.can(action, record)`. */
  recordFacts(module: string, ids: RecordId[]): Promise<Map<RecordId, Record<string, unknown>>> {
    const properties = this.registry.metadata(this.ds, module).columns.map((c) => c.propertyName);
    return loadRecordFacts(this.ds, module, ids, (m) => this.table(m), properties);
  }
}

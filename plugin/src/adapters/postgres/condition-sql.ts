import { rulesToAST } from '@casl/ability/extra';
import type { PortierAbility, PortierAction } from '../../core/ability.js';
import { LINKED, OWNER_ROLE, OWNER_TEAMS, ownerUserField } from '../../core/record-conditions.js';
import { DOSSIER_ACCOUNT } from '../../core/client-access.js';
import { inDossiersSql } from './dossier-sql.js';
import { type IdKind, type RecordId } from '../../core/record-id.js';
import type { ModuleSpec } from '../../core/modules.js';

/** A node of the condition AST CASL builds from its rules (@ucast/mongo2js). */
interface AstNode {
  operator: string;
  value: unknown;
  field?: string;
}

/** What the translation needs to know of a module's table. */
export interface TableInfo {
  spec: ModuleSpec;
  table: string;
  column(property: string): string;
  /** The id column's type: `int` or `uuid` (SQL casts and the ids a request may name). */
  idKind: IdKind;
  parseId(raw: unknown): RecordId | null;
}

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** The SQL for "no record at all": explicit, never an empty `IN ()`. */
export const DENY_ALL = 'FALSE';

/**
 * The records of `module` a user may take `action` on, as a SQL condition on `alias`: CASL's
 * own AST of the ability's rules (`rulesToAST`), interpreted for PostgreSQL. Owner facts become
 * sub-selects on the users' roles and team memberships; links become sub-selects on the linked
 * table; sibling sub-selects on the same column are merged into one `IN (... UNION ...)`.
 */
export function accessibleSql(
  ability: PortierAbility,
  action: string,
  module: string,
  alias: string,
  tables: (module: string) => TableInfo,
  paramPrefix = 'acl',
): SqlCondition {
  const ast = rulesToAST(ability, action as PortierAction, module) as AstNode | null;
  const params: Record<string, unknown> = {};
  if (!ast) return { sql: DENY_ALL, params };
  const t = new Translator(tables, params, paramPrefix);
  return { sql: t.render(t.node(ast, tables(module), alias)), params };
}

/** Intermediate form: plain SQL, or "column IN (subquery)" that an OR may merge with its siblings. */
type Part = { sql: string } | { column: string; subquery: string };

class Translator {
  private n = 0;
  private aliases = 0;

  constructor(
    private readonly tables: (module: string) => TableInfo,
    private readonly params: Record<string, unknown>,
    private readonly prefix: string,
  ) {}

  render(p: Part): string {
    return 'sql' in p ? p.sql : `${p.column} IN (${p.subquery})`;
  }

  private param(value: unknown): string {
    const name = `${this.prefix}_${this.n++}`;
    this.params[name] = value;
    return `:${name}`;
  }

  node(node: AstNode, table: TableInfo, alias: string): Part {
    switch (node.operator) {
      case 'and': {
        const items = (node.value as AstNode[]).map((c) => this.render(this.node(c, table, alias)));
        if (items.length === 0) return { sql: 'TRUE' };
        if (items.includes(DENY_ALL)) return { sql: DENY_ALL };
        return { sql: items.length === 1 ? items[0] : `(${items.join(' AND ')})` };
      }
      case 'or': {
        const parts = (node.value as AstNode[]).map((c) => this.node(c, table, alias));
        return this.or(parts);
      }
      case 'not':
        return { sql: `NOT (${this.render(this.node(node.value as AstNode, table, alias))})` };
      case 'eq':
      case 'in':
        return this.field(node, table, alias);
      default:
        // Fail closed: a condition this adapter does not know selects nothing.
        return { sql: DENY_ALL };
    }
  }

  private or(parts: Part[]): Part {
    if (parts.length === 0) return { sql: DENY_ALL };
    const merged = new Map<string, string[]>();
    const plain: string[] = [];
    for (const p of parts) {
      if ('sql' in p) {
        if (p.sql === 'TRUE') return { sql: 'TRUE' };
        if (p.sql !== DENY_ALL) plain.push(p.sql);
      } else {
        if (!merged.has(p.column)) merged.set(p.column, []);
        merged.get(p.column)!.push(p.subquery);
      }
    }
    const items = [...plain, ...[...merged].map(([column, subs]) => `${column} IN (${subs.join(' UNION ')})`)];
    if (items.length === 0) return { sql: DENY_ALL };
    if (items.length === 1 && merged.size === 1 && plain.length === 0) {
      const [[column, subs]] = [...merged];
      return { column, subquery: subs.join(' UNION ') };
    }
    return { sql: items.length === 1 ? items[0] : `(${items.join(' OR ')})` };
  }

  private field(node: AstNode, table: TableInfo, alias: string): Part {
    const field = node.field!;
    const values = node.operator === 'in' ? (node.value as unknown[]) : [node.value];
    if (values.length === 0) return { sql: DENY_ALL };
    const owner = field === OWNER_ROLE || field === OWNER_TEAMS ? `${alias}.${q(table.column(ownerUserField(table.spec)))}` : '';
    if (field === OWNER_ROLE) {
      return { column: owner, subquery: `SELECT u.id FROM app_user u WHERE u.role_id ${this.match(values, 'int')}` };
    }
    if (field === OWNER_TEAMS) {
      return { column: owner, subquery: `SELECT tm.user_id FROM team_member tm WHERE tm.team_id ${this.match(values, 'int')}` };
    }
    if (field === DOSSIER_ACCOUNT) return { sql: this.dossier(values, table, alias) };
    if (field.startsWith(`${LINKED}.`)) {
      const [, link, ...rest] = field.split('.');
      const spec = table.spec.links.find((l) => l.field === link);
      if (!spec) return { sql: DENY_ALL };
      const target = this.tables(spec.module);
      const inner = `l${this.aliases++}`;
      const cond = this.render(this.field({ ...node, field: rest.join('.') }, target, inner));
      return {
        column: `${alias}.${q(table.column(link))}`,
        subquery: `SELECT ${inner}.id FROM ${q(target.table)} ${inner} WHERE ${cond}`,
      };
    }
    const column = `${alias}.${q(table.column(field))}`;
    const type = values.every((v) => typeof v === 'number') ? 'int' : 'text';
    return { sql: type === 'text' ? `${column}::text ${this.match(values, type)}` : `${column} ${this.match(values, type)}` };
  }

  /** The records in the dossiers of these Accounts (dossier-sql.ts, with the record's fact). */
  private dossier(values: unknown[], table: TableInfo, alias: string): string {
    return inDossiersSql(table, alias, this.tables, this.match(values, 'int'), () => `d${this.aliases++}`);
  }

  private match(values: unknown[], type: 'int' | 'text'): string {
    return values.length === 1 ? `= ${this.param(values[0])}` : `= ANY(${this.param(values)}::${type}[])`;
  }
}

export function q(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/**
 * When the records a user may read are exactly "those of a set of owners" (no contact type, no
 * link, no advisor), their count is a sum over the per-owner counters the triggers keep
 * (`owner_count`), instead of a scan of every visible row. Null when the condition is anything
 * else, or the module's owner columns are not `owner_user_id` / `owner_team_id`.
 */
export function ownerCountSql(ability: PortierAbility, module: string, tables: (module: string) => TableInfo): SqlCondition | null {
  const table = tables(module);
  if (table.spec.owner.kind !== 'userOrTeam') return null;
  const user = table.spec.owner.userField;
  const team = table.spec.owner.teamField;
  if (table.column(user) !== 'owner_user_id' || table.column(team) !== 'owner_team_id') return null;
  const ast = rulesToAST(ability, 'read', module) as AstNode | null;
  const allowed = new Set([user, team, OWNER_ROLE, OWNER_TEAMS]);
  const onlyOwners = (n: AstNode): boolean =>
    n.operator === 'and' || n.operator === 'or'
      ? (n.value as AstNode[]).every(onlyOwners)
      : (n.operator === 'eq' || n.operator === 'in') && allowed.has(n.field!);
  if (ast && !onlyOwners(ast)) return null;
  const cond = accessibleSql(ability, 'read', module, 'x', tables, 'cnt');
  return {
    sql: `SELECT coalesce(sum(x.n), 0)::bigint AS n FROM owner_count x WHERE x.tbl = :cnt_table AND ${cond.sql}`,
    params: { ...cond.params, cnt_table: table.table },
  };
}

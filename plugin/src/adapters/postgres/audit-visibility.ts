import type { UserAccess } from './access-service.js';

/**
 * Who reads which audit entries, and what of them (docs/spec/access-model.md, "Who reads the
 * audit trail"), in one place that every path showing entries uses: the audit page and its CSV,
 * a user's trail, a record's history panel and AdminJS's AuditEntry resource.
 *
 * - Entries about the access set-up and security events: `viewAudit` holders.
 * - Entries about records (a refusal about a record is one) are record data: in the trail, only
 *   for `viewAudit` holders who also hold `viewAll` or are admin; in a record's history, for any
 *   internal user who may read the record now (the caller checks that).
 * - In both, the fields the viewer holds at `none` leave the entry (values and the fact that they
 *   changed; the reference when it is one of them), and an entry left with no visible change is
 *   not shown. The chain's hashes, computed over the whole entry, are for admins only; the
 *   author's address and browser, for viewAudit holders.
 */
export type AuditScope = { kind: 'trail' } | { kind: 'record'; module: string; recordId: string };

/** A placeholder for a value of the statement being built (`$3`, `:aud_3`...). */
export type Param = (value: unknown) => string;

/**
 * The entries `viewer` may read within `scope`, as a parenthesised subquery with audit_entry's
 * columns (to use as `FROM <it> e`). `recordModules`: the modules whose entries are record data.
 */
export function visibleAuditEntries(viewer: UserAccess, recordModules: readonly string[], scope: AuditScope, p: Param): string {
  const a = viewer.access;
  const internal = a.active && a.kind === 'internal';
  const viewAudit = internal && (a.isAdmin || a.capabilities.has('viewAudit'));
  // Every value named is used: PostgreSQL cannot type a parameter the statement does not use.
  const records = () => `e.module = ANY(${p([...recordModules])}::text[])`;
  let where: string;
  if (scope.kind === 'record') {
    where = internal ? `e.module = ${p(scope.module)} AND e.record_id = ${p(scope.recordId)}` : 'FALSE';
  } else if (!viewAudit) {
    where = 'FALSE';
  } else {
    where = a.isAdmin || a.viewAll ? 'TRUE' : `(e.module IS NULL OR NOT ${records()})`;
  }
  // Per module, the fields this viewer holds at `none` (admins: none).
  const hidden = a.isAdmin
    ? []
    : recordModules
        .map((m) => ({
          m,
          fields: Object.entries(a.fields[m] ?? {})
            .filter(([, level]) => level === 'none')
            .map(([f]) => f),
        }))
        .filter((h) => h.fields.length);
  const changes = hidden.length
    ? `CASE ${hidden.map((h) => `WHEN e.module = ${p(h.m)} THEN e.changes - ${p(h.fields)}::text[]`).join(' ')} ELSE e.changes END`
    : 'e.changes';
  const refHidden = hidden.filter((h) => h.fields.includes('reference')).map((h) => h.m);
  const reference = refHidden.length ? `CASE WHEN e.module = ANY(${p(refHidden)}::text[]) THEN NULL ELSE e.reference END` : 'e.reference';
  const hashes = a.isAdmin ? 'e.prev_hash, e.hash' : 'NULL::varchar AS prev_hash, NULL::varchar AS hash';
  // Where and from what browser someone acted is connection data, as sign-ins are: viewAudit holders only
  // (a record's history panel is open to every reader of the record).
  const connection = viewAudit ? 'e.ip, e.user_agent' : 'NULL::varchar AS ip, NULL::text AS user_agent';
  return `(SELECT v.id, v.at, v.actor_id, v.actor_login, v.action, v.module, v.record_id, v.reference, v.changes, v.message, v.ip, v.user_agent, v.prev_hash, v.hash
     FROM (SELECT e.id, e.at, e.actor_id, e.actor_login, e.action, e.module, e.record_id, ${reference} AS reference, ${changes} AS changes,
                  e.changes IS NOT NULL AND e.changes <> '{}'::jsonb AS had_changes, e.message, ${connection}, ${hashes}
             FROM audit_entry e WHERE ${where}) v
    WHERE NOT (v.had_changes AND (v.changes IS NULL OR v.changes = '{}'::jsonb)))`;
}

import type { EntityManager } from 'typeorm';

/**
 * Upserts rows in batches with `jsonb_populate_recordset`, so that PostgreSQL casts every value
 * to its column type. Rows are grouped by the set of columns they give: a column a row leaves
 * out keeps its value on update and takes its default on insert. Existing rows are updated
 * first and the rest inserted (an `INSERT ... ON CONFLICT` would check the NOT NULL columns of
 * a partial row before finding the conflict).
 */
export async function batchUpsert(
  m: EntityManager,
  table: string,
  key: string,
  rows: Array<Record<string, unknown>>,
  onBatch?: (done: number) => void,
): Promise<Array<{ id: number; key: string; inserted: boolean }>> {
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const row of rows) {
    const cols = Object.keys(row)
      .filter((k) => row[k] !== undefined)
      .sort()
      .join(',');
    if (!groups.has(cols)) groups.set(cols, []);
    groups.get(cols)!.push(row);
  }
  const out: Array<{ id: number; key: string; inserted: boolean }> = [];
  const BATCH = 1000;
  const q = (c: string) => `"${c}"`;
  for (const [colList, group] of groups) {
    const cols = colList.split(',');
    const sets = [...cols.filter((c) => c !== key).map((c) => `${q(c)} = x.${q(c)}`), 'updated_at = now()'];
    for (let i = 0; i < group.length; i += BATCH) {
      const batch = JSON.stringify(group.slice(i, i + BATCH));
      // TypeORM answers an UPDATE with [rows, count].
      const [updated] = await m.query(
        `UPDATE ${q(table)} AS t SET ${sets.join(', ')}
           FROM jsonb_populate_recordset(NULL::${q(table)}, $1::jsonb) AS x
          WHERE t.${q(key)} = x.${q(key)}
          RETURNING t.id, t.${q(key)} AS key`,
        [batch],
      );
      const inserted = await m.query(
        `INSERT INTO ${q(table)} (${cols.map(q).join(', ')})
         SELECT ${cols.map((c) => `x.${q(c)}`).join(', ')} FROM jsonb_populate_recordset(NULL::${q(table)}, $1::jsonb) AS x
          WHERE NOT EXISTS (SELECT 1 FROM ${q(table)} t WHERE t.${q(key)} = x.${q(key)})
         RETURNING id, ${q(key)} AS key`,
        [batch],
      );
      out.push(...updated.map((r: { id: number; key: string }) => ({ ...r, inserted: false })));
      out.push(...inserted.map((r: { id: number; key: string }) => ({ ...r, inserted: true })));
      onBatch?.(out.length);
    }
  }
  return out;
}

/**
 * TypeORM query builders take `:name` parameters; raw statements (UPDATE ... AS x, DELETE ...)
 * take `$1`. Turns the first into the second, numbering from `offset + 1`.
 */
export function toPositional(sql: string, params: Record<string, unknown>, offset = 0): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const index = new Map<string, number>();
  const out = sql.replace(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g, (match, name: string) => {
    if (!(name in params)) return match;
    if (!index.has(name)) {
      values.push(params[name]);
      index.set(name, offset + values.length);
    }
    return `$${index.get(name)}`;
  });
  return { sql: out, values };
}

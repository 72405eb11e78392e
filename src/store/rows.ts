/** Row ↔ domain mapping shared by the repositories. */

/** camelCase names of the column names seen so far (a few hundred at most) */
const camelNames = new Map<string, string>();

/** snake_case column names → camelCase fields, values unchanged. */
export function camel<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const k in row) {
    let name = camelNames.get(k);
    if (name === undefined) camelNames.set(k, (name = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
    out[name] = row[k];
  }
  return out as T;
}

export const camelAll = <T>(rows: Record<string, unknown>[]): T[] => rows.map((r) => camel<T>(r));

/** camelCase → snake_case */
export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Builds `insert … on conflict (key) do update` for the given fields; `json` fields are sent as JSON text.
 * Returns the SQL and parameters; the caller runs it.
 */
export function upsertSql(table: string, values: Record<string, unknown>, conflictKey: string[], json: string[] = []) {
  const cols = Object.keys(values);
  const params = cols.map((c) => (json.includes(c) ? JSON.stringify(values[c]) : values[c]));
  const updates = cols.filter((c) => c !== 'id' && !conflictKey.includes(snake(c))).map((c) => `${snake(c)} = excluded.${snake(c)}`);
  const sql = `insert into ${table} (${cols.map(snake).join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})
    on conflict (${conflictKey.join(', ')}) do ${updates.length ? `update set ${updates.join(', ')}` : 'nothing'} returning *`;
  return { sql, params };
}

/** Row ↔ domain mapping shared by the repositories. */

const camelName = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

type Maker = (row: Record<string, unknown>) => unknown;
/** Per list of column names (a few hundred at most: one per statement shape), its `Maker`. */
const makers = new Map<string, Maker>();

/**
 * A function that builds a row's camelCase object as one object literal. An object filled key by
 * key becomes a hash table in V8 past a dozen fields (slow to read and to copy with `...`); a
 * literal keeps its fields in place. Columns named `~…` are the statement's extras, left out.
 */
function makerFor(columns: string[]): Maker {
  const key = columns.join(',');
  let make = makers.get(key);
  if (!make) {
    const fields = columns.filter((c) => !c.startsWith('~')).map((c) => `${JSON.stringify(camelName(c))}: row[${JSON.stringify(c)}]`);
    make = new Function('row', `return { ${fields.join(', ')} };`) as Maker;
    if (makers.size >= 1000) makers.clear(); // bounded, should statements ever vary their columns freely
    makers.set(key, make);
  }
  return make;
}

/** snake_case column names → camelCase fields, values unchanged; `~…` columns left out. */
export const camel = <T>(row: Record<string, unknown>): T => makerFor(Object.keys(row))(row) as T;

/** `camel` of every row of one result (all have the same columns). */
export function camelAll<T>(rows: Record<string, unknown>[]): T[] {
  if (rows.length === 0) return [];
  const make = makerFor(Object.keys(rows[0]!));
  return rows.map((r) => make(r) as T);
}

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

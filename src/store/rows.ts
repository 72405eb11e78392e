/** Row ↔ domain mapping shared by the repositories. */
import type { Queryable } from './db.ts';

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

/** PostgreSQL allows 65535 parameters per statement; stay well below. */
const MAX_PARAMS = 20000;

/**
 * Multi-row insert of `rows` (camelCase fields, all rows with the same fields) into `table`, as
 * few statements as the parameter limit allows (PGlite pays ~130 µs per statement, and a statement
 * per row held a large import's transaction for seconds). `json` fields are sent as JSON text.
 * `conflict: 'skip'` leaves out rows that conflict with stored ones. Returns the `returning`
 * columns of the inserted rows (snake_case, as stored).
 */
export async function insertMany(
  q: Queryable,
  table: string,
  rows: readonly object[],
  o: { json?: readonly string[]; conflict?: 'skip' | 'fail'; returning?: string } = {},
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const json = o.json ?? [];
  const cols = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement) as Record<string, unknown>[];
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const slots = cols.map((c) => {
        const v = row[c];
        params.push(json.includes(c) ? (v === null || v === undefined ? null : JSON.stringify(v)) : v);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    out.push(
      ...(await q.query(
        `insert into ${table} (${cols.map(snake).join(', ')}) values ${tuples.join(', ')}${o.conflict === 'skip' ? ' on conflict do nothing' : ''} returning ${o.returning ?? '*'}`,
        params,
      )),
    );
  }
  return out;
}

/** Multi-row inserts for loading sample data quickly (PGlite pays ~130 µs per statement). */
import type { Queryable } from '../store/db.ts';
import { snake } from '../store/rows.ts';

/** PostgreSQL allows 65535 parameters per statement; stay well below. */
const MAX_PARAMS = 20000;

/**
 * Inserts `rows` (camelCase fields, all rows with the same fields) into `table`, skipping any row
 * that conflicts with a stored one (`on conflict do nothing`). `json` fields are sent as JSON text.
 * Returns the number of rows actually inserted.
 */
export async function insertRows(q: Queryable, table: string, rows: readonly object[], json: readonly string[] = []): Promise<number> {
  if (rows.length === 0) return 0;
  const cols = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  let inserted = 0;
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
    const res = await q.query(
      `insert into ${table} (${cols.map(snake).join(', ')}) values ${tuples.join(', ')} on conflict do nothing returning 1 as x`,
      params,
    );
    inserted += res.length;
  }
  return inserted;
}

/** Multi-row inserts for loading sample data quickly (PGlite pays ~130 µs per statement). */
import type { Queryable } from '../store/db.ts';
import { insertMany } from '../store/rows.ts';

/**
 * Inserts `rows` (camelCase fields, all rows with the same fields) into `table`, skipping any row
 * that conflicts with a stored one (`on conflict do nothing`). `json` fields are sent as JSON text.
 * Returns the number of rows actually inserted.
 */
export async function insertRows(q: Queryable, table: string, rows: readonly object[], json: readonly string[] = []): Promise<number> {
  return (await insertMany(q, table, rows, { json, conflict: 'skip', returning: '1 as x' })).length;
}

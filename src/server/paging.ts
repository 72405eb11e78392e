/**
 * Cursor pagination of list answers: `?limit=&cursor=` in, `{ items, nextCursor }` out.
 * Keyset paging: a list has a fixed order on a tuple of keys that ends in something unique (an id),
 * and a cursor names the last item given, so the next page starts right after it even while rows
 * are added or removed — no item is given twice or skipped because others moved. A list is never
 * cut silently: `nextCursor` is null only on the last page.
 */
import { z } from 'zod';
import { AppError } from '../app/errors.ts';

/** The most items one page holds (also the default). */
export const PAGE_MAX = 1000;

export const PageParams = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(PAGE_MAX).describe(`每页条数，至多${PAGE_MAX} / items per page, at most ${PAGE_MAX} (default)`),
  cursor: z.string().max(2000).optional().describe('上一页答复的 nextCursor / the nextCursor of the previous page'),
});
export type PageParams = z.infer<typeof PageParams>;

/** `nextCursor` of an answer: null on the last page. */
export const NextCursor = z.string().nullable().describe('下一页的游标；最后一页为 null / cursor of the next page; null on the last page');

export type KeyValue = string | number | boolean | null;

/** An order: its name (a cursor from another order is refused) and the key tuple of an item. */
export interface Order<T> {
  name: string;
  key(item: T): KeyValue[];
  desc?: boolean;
  /** strings compared as people read Chinese (pinyin) rather than by code unit; lists made in memory only */
  collate?: boolean;
}

const zh = new Intl.Collator('zh-CN');

export const invalidCursor = () => new AppError('invalid_cursor', '翻页游标无效，请从第一页重新获取', 'invalid cursor; list again from the first page', 400);

export function encodeCursor(order: string, key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([order, ...key])).toString('base64url');
}

/** The key a cursor names; 400 `invalid_cursor` unless it was made by `order` (with `length` keys, when given). */
export function decodeCursor(cursor: string, order: string, length?: number): KeyValue[] {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(v) || v[0] !== order || (length !== undefined && v.length !== length + 1) || v.slice(1).some((x) => x !== null && !['string', 'number', 'boolean'].includes(typeof x))) throw invalidCursor();
  return v.slice(1) as KeyValue[];
}

/** One key: null first, then numbers (or booleans) by value, strings by code unit. */
function compareValue(a: KeyValue, b: KeyValue, collate = false): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' || typeof b === 'string') return (collate && zh.compare(String(a), String(b))) || (String(a) < String(b) ? -1 : 1);
  return Number(a) - Number(b);
}

export function compareKeys(a: readonly KeyValue[], b: readonly KeyValue[], collate = false): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareValue(a[i]!, b[i]!, collate);
    if (c !== 0) return c;
  }
  return 0;
}

/** A key with non-finite numbers as null (a cursor is JSON). */
const jsonKey = (k: KeyValue[]): KeyValue[] => k.map((x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x));

/**
 * One page of `items` (in any order) in `order`, after `p.cursor`. For lists made in memory (the
 * evaluated commitments, rankings, small lists); lists read page by page from SQL use the same
 * cursor functions.
 */
export function page<T>(items: readonly T[], p: PageParams, order: Order<T>): { items: T[]; nextCursor: string | null } {
  const dir = order.desc ? -1 : 1;
  const keyed = items.map((item) => ({ item, key: jsonKey(order.key(item)) }));
  keyed.sort((a, b) => dir * compareKeys(a.key, b.key, order.collate));
  let start = 0;
  if (p.cursor) {
    const after = decodeCursor(p.cursor, order.name, keyed[0]?.key.length);
    while (start < keyed.length && dir * compareKeys(keyed[start]!.key, after, order.collate) <= 0) start++;
  }
  const slice = keyed.slice(start, start + p.limit);
  const more = start + p.limit < keyed.length;
  return { items: slice.map((x) => x.item), nextCursor: more ? encodeCursor(order.name, slice.at(-1)!.key) : null };
}

/** The order of a list by the given fields of its items (the last must be unique). */
export function byFields<T>(name: string, ...fields: (keyof T & string)[]): Order<T> {
  return { name, key: (x) => fields.map((f) => (x[f] ?? null) as KeyValue) };
}

/**
 * A page read from SQL with `limit + 1` rows after the cursor (in `order`): the first `limit` rows
 * and the cursor after the last of them. Rows the route then leaves out (policies) still move the
 * cursor on, so a page may hold fewer than `limit` items: only `nextCursor: null` means the end.
 */
export function sqlPage<T, U = T>(rows: readonly T[], p: PageParams, order: Order<T>, present: (rows: T[]) => U[] = (r) => r as unknown as U[]): { items: U[]; nextCursor: string | null } {
  const slice = rows.slice(0, p.limit);
  const more = rows.length > p.limit;
  return { items: present(slice), nextCursor: more ? encodeCursor(order.name, jsonKey(order.key(slice.at(-1)!))) : null };
}

/** The answer of a use case that pages in SQL itself (`next`: the key of the last row read, null on the last page). */
export function keyedPage<T>(order: string, r: { items: T[]; next: readonly KeyValue[] | null }): { items: T[]; nextCursor: string | null } {
  return { items: r.items, nextCursor: r.next ? encodeCursor(order, r.next) : null };
}

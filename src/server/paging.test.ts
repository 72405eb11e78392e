import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { insertRows } from '../demo/bulk.ts';
import { upsertDepartment, upsertRegion } from '../store/regions.ts';
import { upsertPlan } from '../store/plans.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { buildServer } from './app.ts';
import { encodeCursor, page, PAGE_MAX } from './paging.ts';
import { makeUser, signIn, type Session } from './testing.ts';

const R = '430502';
const SECTORS = ['经济发展', '民生保障', '城乡建设', '生态环保'];

describe('page (in memory)', () => {
  const items = Array.from({ length: 25 }, (_, i) => ({ id: String(i).padStart(3, '0'), v: i % 4 }));
  const order = { name: 'v', key: (x: (typeof items)[number]) => [x.v, x.id] };
  it('gives every item once, in order, and says where the list ends', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const p = page(items, { limit: 4, cursor }, order);
      seen.push(...p.items.map((x) => x.id));
      cursor = p.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(7);
    expect(seen).toEqual([...items].sort((a, b) => a.v - b.v || a.id.localeCompare(b.id)).map((x) => x.id));
  });
  it('refuses a cursor of another order or a made-up one', () => {
    expect(() => page(items, { limit: 4, cursor: encodeCursor('other', [1, '001']) }, order)).toThrow(/invalid cursor/);
    expect(() => page(items, { limit: 4, cursor: 'not-a-cursor' }, order)).toThrow(/invalid cursor/);
  });
});

describe.each(testEngines())('paging lists on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let headers: Session;
  const plan = randomUUID();
  const dept = randomUUID();
  let n = 0;
  /** `count` commitments with random titles, sectors and creation times (so new rows fall anywhere in every order). */
  const addCommitments = async (count: number) => {
    const rows = Array.from({ length: count }, () => {
      const i = n++;
      const created = new Date(Date.UTC(2023, 0, 1) + Math.floor(Math.random() * 86_400_000 * 300)).toISOString();
      return {
        id: randomUUID(), regionCode: R, planId: plan, parentId: null, title: `任务${Math.floor(Math.random() * 1e6)}-${i}`, sector: SECTORS[i % SECTORS.length],
        kind: 'quantitative', livelihood: false, targetValue: String(100 + (i % 900)), targetValueMax: null, unit: '个', comparator: 'gte', baselineValue: null,
        startDate: '2023-01-01', deadline: `2023-${String(1 + (i % 12)).padStart(2, '0')}-28`, leadDepartmentId: dept, coDepartmentIds: '{}', responsibleLeader: null,
        milestones: [], weight: 1, reportingFrequency: 'monthly', state: 'inProgress', published: false, source: null, createdAt: created,
      };
    });
    await insertRows(db, 'commitment', rows, ['milestones', 'source']);
    return rows.map((r) => r.id);
  };

  beforeAll(async () => {
    db = await openTestDb(engine);
    await upsertRegion(db, { code: R, name: '双清区', level: 'county', parentCode: null });
    await upsertDepartment(db, { id: dept, regionCode: R, name: '区人社局', shortName: '人社局' });
    await upsertPlan(db, { id: plan, regionCode: R, year: 2023, title: '2023', sourceDocumentId: null });
    const ctx = createContext(db, undefined, () => '2023-07-20');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: R });
    app = await buildServer(ctx);
    headers = await signIn(app, 'office');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const get = async (url: string) => {
    const res = await app.inject({ url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string }[]; nextCursor: string | null };
  };

  /** Every page of `url`, adding `insertEach` commitments after each page; the ids in the order given. */
  async function listAll(url: string, insertEach: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const p = await get(cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url);
      expect(p.items.length).toBeLessThanOrEqual(1000);
      ids.push(...p.items.map((x) => x.id));
      cursor = p.nextCursor;
      if (insertEach) await addCommitments(insertEach);
    } while (cursor);
    return ids;
  }

  let original: string[] = [];
  // the default order, and one with many ties (status) in the other direction
  it.each(['', '&sort=status&order=desc'])('lists 5,000 commitments page by page, with none twice and none missing, while rows are inserted (order %s)', async (order) => {
    if (!original.length) original = await addCommitments(5000);
    const ids = await listAll(`/api/commitments?region=${R}&limit=1000${order}`, 37);
    expect(new Set(ids).size, 'duplicates').toBe(ids.length);
    const seen = new Set(ids);
    expect(original.filter((id) => !seen.has(id)), 'gaps').toEqual([]);
  });

  it('never cuts a list silently: the default page is the documented maximum and says there is more', async () => {
    const p = await get(`/api/commitments?region=${R}`);
    expect(p.items).toHaveLength(PAGE_MAX);
    expect(p.nextCursor).toEqual(expect.any(String));
    const over = await app.inject({ url: `/api/commitments?region=${R}&limit=${PAGE_MAX + 1}`, headers });
    expect(over.statusCode).toBe(400);
  });

  it('a cursor from another order, or a broken one, is a 400 in Chinese and English', async () => {
    const first = await get(`/api/commitments?region=${R}&limit=10&sort=title`);
    const res = await app.inject({ url: `/api/commitments?region=${R}&limit=10&sort=deadline&cursor=${first.nextCursor}`, headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_cursor', zh: expect.stringContaining('游标'), en: expect.stringContaining('cursor') });
    expect((await app.inject({ url: `/api/reports?region=${R}&cursor=xyz`, headers })).statusCode).toBe(400);
  });

  it('pages progress reports past the old 1,000-row stop, newest first, while reports are added', async () => {
    const ids = (await db.query<{ id: string }>(`select id from commitment where region_code = $1 order by id limit 1200`, [R])).map((r) => r.id);
    const report = (commitmentId: string, i: number) => ({
      id: randomUUID(), regionCode: R, commitmentId, departmentId: dept, period: '2023-06', cumulativeValue: '1', milestonesDone: '{}', narrative: `第${i}份`,
      state: 'submitted', createdAt: new Date(Date.UTC(2023, 5, 1) + i * 1000).toISOString(),
    });
    const first = ids.slice(0, 1100).map(report);
    await insertRows(db, 'progress_report', first);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p = await get(`/api/reports?region=${R}&limit=300${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...p.items.map((x) => x.id));
      cursor = p.nextCursor;
      // a newer report lands at the top, behind the cursor: not repeated, nothing skipped
      if (pages++ === 0) await insertRows(db, 'progress_report', [report(ids[1150]!, 5000)]);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(1100);
    expect(new Set(seen)).toEqual(new Set(first.map((r) => r.id)));
  });

  it('pages the audit trail by event id', async () => {
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name: `t${i}` } });
    const all = await get('/api/audit?limit=1000');
    expect(all.items.length).toBeGreaterThanOrEqual(5);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const p = await get(`/api/audit?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      paged.push(...p.items.map((x) => x.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((x) => x.id));
  });
});

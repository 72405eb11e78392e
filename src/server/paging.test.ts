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

  /** Every page of `url` at `limit`, calling `between` after each page; the items in the order given. */
  async function pages<T extends { id: string }>(url: string, limit: number, between: () => Promise<unknown> = async () => undefined) {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const p = (await get(`${url}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as unknown as { items: T[]; nextCursor: string | null };
      expect(p.items.length).toBeLessThanOrEqual(limit);
      items.push(...p.items);
      cursor = p.nextCursor;
      await between();
    } while (cursor);
    return items;
  }

  it('pages close requests and a region’s instructions newest first, ties broken by id, while rows are added', async () => {
    const ids = (await db.query<{ id: string }>(`select id from commitment where region_code = $1 order by id limit 300`, [R])).map((r) => r.id);
    // many rows share one instant: the id decides
    const at = (i: number) => new Date(Date.UTC(2023, 5, 1) + Math.floor(i / 7) * 1000).toISOString();
    const closes = ids.slice(0, 250).map((commitmentId, i) => ({ id: randomUUID(), regionCode: R, commitmentId, summary: `办结${i}`, state: 'pending', requestedAt: at(i) }));
    const notes = ids.map((commitmentId, i) => ({ id: randomUUID(), regionCode: R, commitmentId, leaderName: '区长', text: `批示${i}`, issuedOn: `2023-0${1 + (i % 6)}-15`, createdAt: at(i) }));
    await insertRows(db, 'close_request', closes);
    await insertRows(db, 'instruction', notes);
    let added = 0;
    const more = (table: string) => async () => {
      // newer rows land at the top, behind the cursor: neither repeated nor skipping others
      const commitmentId = ids[added++ % ids.length]!;
      if (table === 'close_request') await insertRows(db, table, [{ id: randomUUID(), regionCode: R, commitmentId, summary: '新增', state: 'pending', requestedAt: '2023-07-01T00:00:00Z' }]);
      else await insertRows(db, table, [{ id: randomUUID(), regionCode: R, commitmentId, leaderName: '区长', text: '新增', issuedOn: '2023-07-01', createdAt: '2023-07-01T00:00:00Z' }]);
    };
    const gotCloses = await pages<{ id: string; requestedAt: string }>(`/api/close-requests?region=${R}&state=pending`, 40, more('close_request'));
    expect(gotCloses.map((x) => x.id).sort()).toEqual(closes.map((x) => x.id).sort());
    const expected = [...closes].sort((a, b) => (a.requestedAt === b.requestedAt ? (a.id < b.id ? 1 : -1) : a.requestedAt < b.requestedAt ? 1 : -1)).map((x) => x.id);
    expect(gotCloses.map((x) => x.id)).toEqual(expected);
    const gotNotes = await pages<{ id: string }>(`/api/instructions?region=${R}`, 70, more('instruction'));
    expect(new Set(gotNotes.map((x) => x.id)).size).toBe(gotNotes.length);
    expect(new Set(gotNotes.map((x) => x.id))).toEqual(new Set(notes.map((x) => x.id)));
    // the default page is the documented maximum; a cursor of another list is refused
    const first = await get(`/api/instructions?region=${R}&limit=5`);
    expect((await app.inject({ url: `/api/close-requests?region=${R}&cursor=${first.nextCursor}`, headers })).statusCode).toBe(400);
  });

  it('pages the promise check (subtasks right after their parent; counts of the whole year) and the scheduled jobs', async () => {
    const [parent] = await addCommitments(1);
    const kids = Array.from({ length: 3 }, (_, i) => ({ id: randomUUID(), regionCode: R, planId: plan, parentId: parent, title: `子任务${i}`, sector: SECTORS[3]!, kind: 'quantitative', livelihood: false, targetValue: '10', targetValueMax: null, unit: '个', comparator: 'gte', baselineValue: null, startDate: '2023-01-01', deadline: '2023-12-31', leadDepartmentId: dept, coDepartmentIds: '{}', responsibleLeader: null, milestones: [], weight: 1, reportingFrequency: 'monthly', state: 'inProgress', published: false, source: null, createdAt: '2022-01-01T00:00:00Z' }));
    await insertRows(db, 'commitment', kids, ['milestones', 'source']);
    const whole = await get(`/api/promise-checks?region=${R}&year=2023&limit=1000`);
    const rows = await pages<{ id: string; commitmentId: string; parentId: string | null }>(`/api/promise-checks?region=${R}&year=2023`, 1000);
    const total = (await db.query<{ n: number }>(`select count(*)::int as n from commitment where region_code = $1 and plan_id = $2 and state not in ('draft', 'cancelled')`, [R, plan]))[0]!.n;
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.commitmentId)).size).toBe(total);
    const counts = (whole as unknown as { counts: Record<string, number> }).counts;
    expect(counts.kept! + counts.partial! + counts.missed! + counts.unmentioned!).toBe(total);
    const at = rows.findIndex((r) => r.commitmentId === parent);
    expect(rows.slice(at + 1, at + 4).map((r) => r.parentId)).toEqual([parent, parent, parent]);

    const jobs = await get(`/api/jobs?region=${R}`);
    const oneByOne = await pages<{ id: string; name: string }>(`/api/jobs?region=${R}`, 1);
    expect(oneByOne.map((j) => j.name)).toEqual((jobs.items as unknown as { name: string }[]).map((j) => j.name));
    expect(jobs.items.length).toBeGreaterThan(1);
    expect(jobs.nextCursor).toBeNull();
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

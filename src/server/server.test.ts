import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { buildServer } from './app.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { upsertDepartment, upsertRegion } from '../store/regions.ts';
import { upsertPlan } from '../store/plans.ts';
import { makeUser, signIn, type Session } from './testing.ts';

describe.each(testEngines())('HTTP API on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let headers: Session;
  const ids = { plan: randomUUID(), hr: randomUUID(), other: randomUUID() };
  beforeAll(async () => {
    db = await openTestDb(engine);
    await upsertRegion(db, { code: '430502', name: '双清区', level: 'county', parentCode: null });
    await upsertRegion(db, { code: '430202', name: '荷塘区', level: 'county', parentCode: null });
    await upsertDepartment(db, { id: ids.hr, regionCode: '430502', name: '区人社局', shortName: '人社局' });
    await upsertDepartment(db, { id: ids.other, regionCode: '430202', name: '区教育局', shortName: '教育局' });
    await upsertPlan(db, { id: ids.plan, regionCode: '430502', year: 2023, title: '2023', sourceDocumentId: null });
    const ctx = createContext(db, undefined, () => '2023-07-20');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    app = await buildServer(ctx);
    headers = await signIn(app, 'office');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const body = {
    planId: ids.plan, title: '城镇新增就业3500人以上', sector: '民生保障', targetValue: '3500', unit: '人', comparator: 'gte',
    startDate: '2023-01-01', deadline: '2023-12-31', leadDepartmentId: ids.hr,
  };

  it('creates a commitment and lists it with its status', async () => {
    const res = await app.inject({ method: 'POST', headers, url: '/api/commitments', payload: body });
    expect(res.statusCode).toBe(201);
    const list = (await app.inject({ headers, url: '/api/commitments?region=430502' })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].evaluation).toMatchObject({ completionRate: 0, status: expect.any(String) });
    // a draft (立项) is not yet under supervision: the overview counts it once it is handed over
    const summary = () => app.inject({ headers, url: '/api/commitments/summary?region=430502' }).then((r) => r.json());
    expect((await summary()).total.total).toBe(0);
    await db.query(`update commitment set state = 'assigned' where id = $1`, [res.json().id]);
    const { total } = await summary();
    expect(total.total).toBe(1);
    // no report by July against a whole-year window: behind 序时进度
    expect(total.byStatus.seriouslyLagging).toBe(1);
  });

  it('refuses a lead department of another region, in Chinese and English, and stores nothing', async () => {
    const res = await app.inject({ method: 'POST', headers, url: '/api/commitments', payload: { ...body, title: 'x', leadDepartmentId: ids.other } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'department_other_region', zh: '所选单位不属于本行政区', en: expect.stringMatching(/another region/) });
    expect((await app.inject({ headers, url: '/api/commitments?region=430502' })).json().items).toHaveLength(1);
  });

  it('refuses an unknown unit and a malformed number', async () => {
    const unit = await app.inject({ method: 'POST', headers, url: '/api/commitments', payload: { ...body, unit: '斤斤' } });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.code).toBe('unit_unknown');
    const num = await app.inject({ method: 'POST', headers, url: '/api/commitments', payload: { ...body, targetValue: '3,500' } });
    expect(num.statusCode).toBe(400);
    expect(num.json().error.message).toMatch(/输入有误.*invalid input/);
  });

  it('a stale version is a 409', async () => {
    const [c] = (await app.inject({ headers, url: '/api/commitments?region=430502' })).json().items;
    const ok = await app.inject({ method: 'PATCH', headers, url: `/api/commitments/${c.id}`, payload: { version: c.version, responsibleLeader: '李副区长' } });
    expect(ok.statusCode).toBe(200);
    const stale = await app.inject({ method: 'PATCH', headers, url: `/api/commitments/${c.id}`, payload: { version: c.version, responsibleLeader: '王' } });
    expect(stale.statusCode).toBe(409);
    expect((await app.inject({ headers, url: `/api/commitments/${c.id}` })).json().responsibleLeader).toBe('李副区长');
  });

  it('unknown region is a 404 and the OpenAPI document lists the routes', async () => {
    expect((await app.inject({ headers, url: '/api/commitments?region=999999' })).statusCode).toBe(404);
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toContain('/api/commitments');
    // an upload documents its multipart form
    const upload = doc.paths['/api/reports/{id}/evidence'].post.requestBody.content['multipart/form-data'].schema;
    expect(upload.properties.files).toMatchObject({ type: 'array', items: { format: 'binary' } });
  });
});

/**
 * Every PATCH route is a partial update: a request with one field (and the version read) changes
 * that field and nothing else. The routes are found in the OpenAPI document, so a new PATCH route
 * fails here until it is covered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Session } from './testing.ts';
import { buildWorld, X, type World } from './world.ts';

describe.each(testEngines())('PATCH routes change only the fields sent, on %s', (engine) => {
  let w: World;
  let admin: Session;
  const send = async (s: Partial<Session>, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await w.app.inject({ method, url, payload, headers: s });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  /** Sends each field of `changes` alone to `url`; after each, the object differs from before only in that field (and version). */
  async function eachFieldAlone(url: string, read: () => Promise<Record<string, unknown>>, changes: Record<string, unknown>, s: Partial<Session> = admin) {
    for (const [field, value] of Object.entries(changes)) {
      const before = await read();
      expect(before[field], field).not.toEqual(value);
      const after = await send(s, 'PATCH', url, { version: before.version, [field]: value });
      const { version: _v, updatedAt: _u, history: _h, ...rest } = before;
      expect(after, `PATCH ${url} {${field}}`).toMatchObject({ [field]: value, version: (before.version as number) + 1 });
      expect(await read(), `stored after PATCH ${url} {${field}}`).toMatchObject({ ...rest, [field]: value });
    }
  }

  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
    admin = w.sessions.admin as Session;
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });

  it('the PATCH routes are the ones covered below', async () => {
    const doc = (await w.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const patches = Object.entries(doc.paths).filter(([, ops]) => 'patch' in ops).map(([path]) => path).sort();
    expect(patches).toEqual(['/api/commitments/{id}', '/api/departments/{id}', '/api/projects/{id}', '/api/reports/{id}', '/api/users/{id}', '/api/webhooks/{id}']);
  });

  it('PATCH /api/projects/:id', async () => {
    const p = await send(admin, 'POST', '/api/projects', {
      regionCode: X, year: 2024, name: '城东污水处理厂', leadDepartmentId: w.dept.X1, totalInvestment: '12000', plannedInvestmentYear: '5000',
      completedInvestmentYear: '1200', stage: 'started', stageDates: { signed: '2024-01-10', started: '2024-03-01' },
    });
    const read = async () => (await send(admin, 'GET', `/api/projects?region=${X}`)).items.find((x: { id: string }) => x.id === p.id);
    await eachFieldAlone(`/api/projects/${p.id}`, read, {
      name: '城东污水处理厂（一期）', year: 2025, leadDepartmentId: w.dept.X2, totalInvestment: '13000', plannedInvestmentYear: '6000',
      completedInvestmentYear: '3500.5', stage: 'building', stageDates: { signed: '2024-01-10', started: '2024-03-01', building: '2024-06-01' },
    });
  });

  it('PATCH /api/commitments/:id', async () => {
    const c = await send(admin, 'POST', '/api/commitments', {
      planId: w.plan.X, title: '城镇新增就业1200人', sector: '民生保障', targetValue: '1200', unit: '人', comparator: 'gte', baselineValue: '100',
      startDate: '2024-01-01', deadline: '2024-12-31', leadDepartmentId: w.dept.X1, coDepartmentIds: [w.dept.X2], responsibleLeader: '张三',
      livelihood: true, weight: 2, reportingFrequency: 'quarterly',
      milestones: [{ title: '招聘会', dueDate: '2024-05-01', doneDate: null }],
    });
    const read = () => send(admin, 'GET', `/api/commitments/${c.id}`);
    await eachFieldAlone(`/api/commitments/${c.id}`, async () => {
      const { evaluation: _e, ...rest } = await read();
      return rest;
    }, { title: '城镇新增就业1500人', targetValue: '1500', sector: '就业', deadline: '2024-11-30', responsibleLeader: '李四', weight: 3, reportingFrequency: 'monthly' });
  });

  it('PATCH /api/reports/:id', async () => {
    const c = await w.commitment('own');
    const r = await w.report(c, 'draft', '2024-06');
    const reporter = w.sessions.reporter;
    const read = async () => {
      const { history: _h, evidence: _e, ...rest } = await send(reporter, 'GET', `/api/reports/${r.id}`);
      return rest;
    };
    await eachFieldAlone(`/api/reports/${r.id}`, read, { narrative: '完成招聘会两场', cumulativeValue: '640' }, reporter);
  });

  it('PATCH /api/departments/:id (no version: a department is edited by its office alone)', async () => {
    const d = await send(admin, 'POST', '/api/departments', { region: X, name: '区财政局', shortName: '财政局', email: 'czj@example.gov.cn' });
    const read = async () => (await send(admin, 'GET', `/api/regions/${X}/departments`)).items.find((x: { id: string }) => x.id === d.id);
    for (const [field, value] of Object.entries({ name: '区财政局（国资办）', shortName: '财政', email: 'gzb@example.gov.cn' })) {
      const before = await read();
      const after = await send(admin, 'PATCH', `/api/departments/${d.id}`, { [field]: value });
      expect(after, field).toMatchObject({ ...before, [field]: value });
      expect(await read(), field).toMatchObject({ ...before, [field]: value });
    }
  });
  it('PATCH /api/webhooks/:id', async () => {
    const hook = await send(admin, 'POST', '/api/webhooks', { region: X, url: 'https://oa.example.gov.cn/duban', events: ['report.accepted'], description: '政务OA' });
    const read = async () => (await send(admin, 'GET', `/api/webhooks?region=${X}`)).items.find((x: { id: string }) => x.id === hook.id);
    await eachFieldAlone(`/api/webhooks/${hook.id}`, read, {
      url: 'https://oa.example.gov.cn/duban/v2', events: ['report.accepted', 'report.returned'], description: '政务OA（新）', active: false,
    });
  });

  it('PATCH /api/users/:id', async () => {
    const id = await w.user('own');
    const read = async () => (await send(admin, 'GET', `/api/users?region=${X}`)).items.find((u: { id: string }) => u.id === id);
    await eachFieldAlone(`/api/users/${id}`, read, { active: false });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { openTestDb, testEngines } from './testing.ts';
import { getRegion, regionAndDescendants, upsertDepartment, upsertRegion, listDepartments } from './regions.ts';
import { upsertPlan } from './plans.ts';
import { getCommitment, insertCommitment, listCommitments, updateCommitment } from './commitments.ts';
import { appendAudit, listAudit } from './audit.ts';
import { exportBackup, restoreBackup } from './backup.ts';
import { insertEvidence, insertReport, listReports } from './reports.ts';
import { listEvaluatedCommitments } from '../app/evaluatedCommitments.ts';
import { createContext } from '../app/context.ts';

async function seed(db: Db) {
  await upsertRegion(db, { code: '430500', name: '邵阳市', level: 'city', parentCode: null });
  await upsertRegion(db, { code: '430502', name: '双清区', level: 'county', parentCode: '430500' });
  await upsertRegion(db, { code: '140802', name: '盐湖区', level: 'county', parentCode: null });
  const hr = await upsertDepartment(db, { id: randomUUID(), regionCode: '430502', name: '区人力资源和社会保障局', shortName: '人社局' });
  const plan = await upsertPlan(db, { id: randomUUID(), regionCode: '430502', year: 2023, title: '双清区2023年目标任务', sourceDocumentId: null });
  const c = await insertCommitment(db, {
    id: randomUUID(), regionCode: '430502', planId: plan.id, parentId: null, title: '城镇新增就业3500人以上', sector: '民生保障',
    kind: 'quantitative', livelihood: true, targetValue: '3500', targetValueMax: null, unit: '人', comparator: 'gte', baselineValue: null,
    startDate: '2023-01-01', deadline: '2023-12-31', leadDepartmentId: hr.id, coDepartmentIds: [], responsibleLeader: '张副区长',
    milestones: [], weight: 1, reportingFrequency: 'monthly', state: 'assigned', published: true, source: null, assignedOn: '2023-01-05',
  });
  return { hr, plan, c };
}

describe.each(testEngines())('store on %s', (engine) => {
  let db: Db;
  let s: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    db = await openTestDb(engine);
    s = await seed(db);
  });
  afterAll(async () => db?.close());

  it('keeps exact decimals and ISO dates', async () => {
    const c = await getCommitment(db, s.c.id);
    expect(c).toMatchObject({ targetValue: '3500', startDate: '2023-01-01', deadline: '2023-12-31', coDepartmentIds: [], milestones: [] });
    expect(typeof c!.createdAt).toBe('string');
  });

  it('a city sees its districts', async () => {
    expect(await regionAndDescendants(db, '430500')).toEqual(['430500', '430502']);
    expect(await regionAndDescendants(db, '140802')).toEqual(['140802']);
    expect((await getRegion(db, '430502'))?.parentCode).toBe('430500');
  });

  it('re-upserting a department keeps its id', async () => {
    const again = await upsertDepartment(db, { id: randomUUID(), regionCode: '430502', name: '区人力资源和社会保障局', shortName: '人社' });
    expect(again.id).toBe(s.hr.id);
    expect((await listDepartments(db, '430502')).length).toBe(1);
  });

  it('filters commitments by department, livelihood and search', async () => {
    expect((await listCommitments(db, { regionCodes: ['430502'], departmentId: s.hr.id })).length).toBe(1);
    expect((await listCommitments(db, { regionCodes: ['430502'], livelihood: false })).length).toBe(0);
    expect((await listCommitments(db, { regionCodes: ['430502'], search: '就业' })).length).toBe(1);
    expect((await listCommitments(db, { regionCodes: ['430502'], search: '100%' })).length).toBe(0);
    expect((await listCommitments(db, { regionCodes: ['140802'] })).length).toBe(0);
  });

  it('a stale version gets a conflict and changes nothing', async () => {
    const c = await getCommitment(db, s.c.id);
    const updated = await updateCommitment(db, c!.id, c!.version, { responsibleLeader: '李副区长' });
    expect(updated.version).toBe(c!.version + 1);
    await expect(updateCommitment(db, c!.id, c!.version, { responsibleLeader: '王' })).rejects.toMatchObject({ status: 409 });
    expect((await getCommitment(db, s.c.id))!.responsibleLeader).toBe('李副区长');
  });

  it('a failed transaction leaves nothing behind', async () => {
    await expect(
      db.transaction(async (tx) => {
        await upsertDepartment(tx, { id: randomUUID(), regionCode: '430502', name: '临时单位', shortName: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await listDepartments(db, '430502')).map((d) => d.name)).not.toContain('临时单位');
  });

  it('the audit trail refuses UPDATE and DELETE', async () => {
    await appendAudit(db, { regionCode: '430502', actor: { id: null, role: 'admin' }, action: 'test.create', entity: 'commitment', entityId: s.c.id, after: { a: 1 } });
    const [e] = await listAudit(db, { regionCodes: ['430502'], entityId: s.c.id });
    expect(e).toMatchObject({ action: 'test.create', after: { a: 1 } });
    await expect(db.query('update audit_event set action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(db.query('delete from audit_event')).rejects.toThrow(/append-only/);
    expect((await listAudit(db, { regionCodes: ['430502'] }))[0].action).toBe('test.create');
  });

  it('export → restore into an empty database → export is identical', async () => {
    const r = await insertReport(db, {
      id: randomUUID(), regionCode: '430502', commitmentId: s.c.id, departmentId: s.hr.id, period: '2023-06', cumulativeValue: '1800.50',
      milestonesDone: [], narrative: '上半年新增就业', state: 'submitted', submittedBy: null, submittedAt: new Date().toISOString(),
      reviewerId: null, reviewComment: null, reviewedAt: null,
    });
    await insertEvidence(db, { id: randomUUID(), regionCode: '430502', reportId: r.id, filename: '台账.pdf', contentType: 'application/pdf', size: 3, sha256: 'x', data: new Uint8Array([1, 2, 255]) });
    const sub = await insertCommitment(db, { ...(await getCommitment(db, s.c.id))!, id: randomUUID(), parentId: s.c.id, title: '子任务' });
    void sub;
    const first = JSON.stringify(await exportBackup(db));
    const empty = await openTestDb(engine);
    try {
      await restoreBackup(empty, JSON.parse(first));
      expect(JSON.stringify(await exportBackup(empty))).toBe(first);
      expect((await listReports(empty, ['430502']))[0].evidence[0].filename).toBe('台账.pdf');
      // a second restore is refused: the database is no longer empty
      await expect(restoreBackup(empty, JSON.parse(first))).rejects.toMatchObject({ code: 'restore_not_empty' });
    } finally {
      await empty.close();
    }
  });

  it('refuses a backup from another schema version and stores nothing', async () => {
    const empty = await openTestDb(engine);
    try {
      const backup = await exportBackup(db);
      await expect(restoreBackup(empty, { ...backup, schema: ['000_old.sql'] })).rejects.toMatchObject({ code: 'backup_incompatible' });
      await expect(restoreBackup(empty, { hello: 1 })).rejects.toMatchObject({ code: 'backup_invalid' });
      expect(await empty.query('select * from region')).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it("a department's list: what it leads or co-operates on, with every subtask below for the roll-up, and nothing else", async () => {
    const region = '140802';
    const [a, b, c] = await Promise.all(['甲局', '乙局', '丙局'].map((name) => upsertDepartment(db, { id: randomUUID(), regionCode: region, name, shortName: null })));
    const plan = await upsertPlan(db, { id: randomUUID(), regionCode: region, year: 2023, title: '盐湖区2023年目标任务', sourceDocumentId: null });
    const base = { ...(await getCommitment(db, s.c.id))!, regionCode: region, planId: plan.id, targetValue: '100', unit: '个', state: 'inProgress' as const };
    const add = (title: string, lead: string, more: Partial<typeof base> = {}) => insertCommitment(db, { ...base, id: randomUUID(), title, leadDepartmentId: lead, coDepartmentIds: [], parentId: null, ...more });
    const led = await add('甲牵头', a!.id, { sector: '城建' });
    const sub = await add('乙承担的子任务', b!.id, { parentId: led.id, sector: '城建' });
    const grandchild = await add('丙承担的孙任务', c!.id, { parentId: sub.id, sector: '城建' });
    const coWork = await add('乙牵头甲配合', b!.id, { coDepartmentIds: [a!.id], sector: '城建' });
    await add('乙独办', b!.id, { sector: '城建' });
    const otherSector = await add('甲牵头（另一领域）', a!.id, { sector: '民生' });
    await insertReport(db, {
      id: randomUUID(), regionCode: region, commitmentId: grandchild.id, departmentId: c!.id, period: '2023-06', cumulativeValue: '50', milestonesDone: [],
      narrative: '', state: 'accepted', submittedBy: null, submittedAt: null, reviewerId: null, reviewComment: null, reviewedAt: null,
    });
    const ctx = createContext(db, undefined, () => '2023-07-15');
    const list = (departmentId: string, more: object = {}) => listEvaluatedCommitments(db, ctx, { regionCodes: [region], departmentId, ...more });
    const ids = async (departmentId: string, more: object = {}) => (await list(departmentId, more)).map((x) => x.id).sort();

    expect(await ids(a!.id, { parentId: null })).toEqual([led.id, coWork.id, otherSector.id].sort());
    expect(await ids(a!.id, { parentId: null, sector: '城建' })).toEqual([led.id, coWork.id].sort());
    // the parent rolls up from its whole tree, though other departments lead the subtasks
    const parent = (await list(a!.id, { parentId: null })).find((x) => x.id === led.id)!;
    expect(parent).toMatchObject({ subtaskCount: 1, evaluation: { completionRate: 50 } });
    expect(await ids(c!.id)).toEqual([grandchild.id]);
    expect(await ids(c!.id, { parentId: null })).toEqual([]);
    // the same department id in another region's filter finds nothing
    expect((await listEvaluatedCommitments(db, ctx, { regionCodes: ['430502'], departmentId: a!.id })).length).toBe(0);
  });
});

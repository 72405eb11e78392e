import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../store/audit.ts';
import type { Db } from '../store/db.ts';
import { listFacts } from '../store/plans.ts';
import { upsertRegion } from '../store/regions.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { createContext, type AppContext } from './context.ts';
import { importWorkReport } from './importWorkReport.ts';
import { SYSTEM } from './policies/principal.ts';

// A short report written for this test in the usual shape: review, then the coming year with a 民生实事 list.
const REPORT = [
  '2024年政府工作报告',
  '一、2023年工作回顾',
  '全区地区生产总值达到156.2亿元，增长5.1%；新增城镇就业3120人。',
  '二、2024年主要任务',
  '2024年，全区将坚持稳中求进。城镇登记失业率控制在4.5%以内，新增学位不少于1200个。',
  '三、办好民生实事',
  '2024年，区政府将办好8件民生实事。',
  '1.新建社区食堂6个。',
  '2.改造农村公路35公里。',
].join('\n');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(testEngines())('importWorkReport on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => '2024-03-01');
    await upsertRegion(db, { code: '430500', name: '邵阳市', level: 'city', parentCode: null });
    await upsertRegion(db, { code: '430502', name: '双清区', level: 'county', parentCode: '430500' });
  });
  afterAll(async () => db?.close());

  it('creates the plan, draft commitments from targets and facts of the previous year from results', async () => {
    const r = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2024, filename: 'report.txt', text: REPORT, sha256: sha(REPORT) });
    expect(r.created).toBe(true);
    expect(r.plan).toMatchObject({ regionCode: '430502', year: 2024, sourceDocumentId: r.workReport.id });
    const byUnit = Object.fromEntries(r.drafts.map((d) => [`${d.targetValue}${d.unit}`, d]));
    expect(Object.keys(byUnit).sort()).toEqual(['1200个', '35公里', '4.5%', '6个', '8件'].sort());
    expect(byUnit['4.5%']).toMatchObject({ comparator: 'lte', state: 'draft', kind: 'quantitative', startDate: '2024-01-01', deadline: '2024-12-31' });
    expect(byUnit['1200个'].comparator).toBe('gte');
    expect(byUnit['6个']).toMatchObject({ livelihood: true, comparator: 'gte' });
    expect(byUnit['35公里']).toMatchObject({ livelihood: true, sector: '办好民生实事' });
    expect(byUnit['4.5%'].livelihood).toBe(false);
    const src = byUnit['35公里'].source!;
    expect(REPORT.slice(src.start, src.end)).toBe('35公里');

    const facts = await listFacts(db, ['430502'], 2023);
    expect(facts.map((f) => `${f.value}${f.unit}`).sort()).toEqual(['156.2亿元', '3120人', '5.1%'].sort());
    expect(r.facts).toHaveLength(3);

    const audit = await listAudit(db, { regionCodes: ['430502'] });
    expect(audit.map((a) => a.action)).toContain('workReport.import');
    expect(audit.filter((a) => a.action === 'commitment.import')).toHaveLength(5);
  });

  it('creates nothing when the same file is imported again', async () => {
    const before = await db.query<{ n: string }>('select count(*)::text as n from commitment');
    const r = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2024, filename: 'copy.txt', text: REPORT, sha256: sha(REPORT) });
    expect(r.created).toBe(false);
    expect(r.drafts).toHaveLength(5);
    expect(r.facts).toHaveLength(3);
    const after = await db.query<{ n: string }>('select count(*)::text as n from commitment');
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses an unknown region and changes nothing', async () => {
    await expect(
      importWorkReport(ctx, { actor: SYSTEM, regionCode: '999999', year: 2024, filename: 'x.txt', text: REPORT, sha256: sha(REPORT + 'x') }),
    ).rejects.toMatchObject({ status: 404 });
    const [row] = await db.query<{ n: string }>(`select count(*)::text as n from work_report where region_code = '999999'`);
    expect(row.n).toBe('0');
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../store/audit.ts';
import type { Db } from '../store/db.ts';
import { listFacts } from '../store/plans.ts';
import { upsertDepartment, upsertRegion } from '../store/regions.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { createContext, type AppContext } from './context.ts';
import { importWorkReport } from './importWorkReport.ts';
import { SYSTEM } from './policies/principal.ts';
import { LIMITS } from '../domain/limits.ts';

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
    // the list's own size (8件民生实事) is not a commitment of its own: its items are
    expect(Object.keys(byUnit).sort()).toEqual(['1200个', '35公里', '4.5%', '6个'].sort());
    expect(r.claims.find((c) => c.valueText === '8' && c.unit === '件')).toMatchObject({ kind: 'target', commitment: false });
    expect(byUnit['4.5%']).toMatchObject({ comparator: 'lte', state: 'draft', kind: 'quantitative', startDate: '2024-01-01', deadline: '2024-12-31' });
    expect(byUnit['1200个'].comparator).toBe('gte');
    expect(byUnit['6个']).toMatchObject({ livelihood: true, comparator: 'gte' });
    // the sector is the region's sector the heading belongs to (三、办好民生实事 → 民生保障); the raw heading stays in the source
    expect(byUnit['35公里']).toMatchObject({ livelihood: true, sector: '民生保障' });
    expect(byUnit['35公里'].source?.heading).toBe('三、办好民生实事');
    expect(byUnit['4.5%'].livelihood).toBe(false);
    const src = byUnit['35公里'].source!;
    expect(REPORT.slice(src.start, src.end)).toBe('35公里');

    const facts = await listFacts(db, ['430502'], 2023);
    expect(facts.map((f) => `${f.value}${f.unit}`).sort()).toEqual(['156.2亿元', '3120人', '5.1%'].sort());
    expect(r.facts).toHaveLength(3);

    const audit = await listAudit(db, { regionCodes: ['430502'] });
    expect(audit.map((a) => a.action)).toContain('workReport.import');
    expect(audit.filter((a) => a.action === 'commitment.import')).toHaveLength(4);
  });

  it('takes each item’s sector from its run-in heading, never a year heading as a sector (the browser test’s report)', async () => {
    await upsertRegion(db, { code: '140802', name: '盐湖区', level: 'county', parentCode: null });
    const text = readFileSync(new URL('../../test/e2e/fixtures/work-report-2026.txt', import.meta.url), 'utf8');
    const r = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '140802', year: 2026, filename: 'work-report-2026.txt', text, sha256: sha(text) });
    const sectors = Object.fromEntries(r.drafts.map((d) => [d.title, d.sector]));
    expect(sectors).toEqual({
      城镇新增就业6000人以上: '民生保障', 开展职业技能培训3000人次: '民生保障', 完成固定资产投资110亿元以上: '经济发展',
      新建城市书房5个: '民生保障', 改造提升农贸市场3个: '民生保障', 新增公办幼儿园学位900个: '民生保障',
    });
  });

  it('creates nothing when the same file is imported again', async () => {
    const before = await db.query<{ n: string }>('select count(*)::text as n from commitment');
    const r = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2024, filename: 'copy.txt', text: REPORT, sha256: sha(REPORT) });
    expect(r.created).toBe(false);
    expect(r.drafts).toHaveLength(4);
    expect(r.facts).toHaveLength(3);
    const after = await db.query<{ n: string }>('select count(*)::text as n from commitment');
    expect(after[0].n).toBe(before[0].n);
  });

  it('reads a 民生实事 list for the year given: items are drafts (one per item, joined by 、 too) with lead departments from the text; restated targets merge; a second file warns of repeats', async () => {
    await upsertDepartment(db, { id: '00000000-0000-4000-8000-0000000000a1', regionCode: '430502', name: '双清区住房和城乡建设局', shortName: '区住建局' });
    await upsertDepartment(db, { id: '00000000-0000-4000-8000-0000000000a2', regionCode: '430502', name: '双清区教育局', shortName: '区教育局' });
    // a list with no plan cue at all, under a title naming the year; markers, a caption, a telephone number
    const list = [
      '双清区2025年民生实事项目清单',
      '图片：社区食堂开业现场',
      '今年共安排民生实事10件。',
      '*新建社区长者食堂6家、*老年助餐点12个（由区住建局牵头）',
      '▶开设暑托班40个。（责任单位：区教育局）',
      '▶托管服务60期以上，家政热线13905718866',
      '▶地区生产总值增长6%左右',
      '▶一般公共预算收入增长5%—6%',
      '▶新建社区长者食堂6家',
    ].join('\n');
    const r = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2025, filename: 'list.txt', text: list, sha256: sha(list) });
    expect(r.context).toMatchObject({ kind: 'livelihoodList', year: 2025 });
    const titles = r.drafts.map((d) => d.title);
    expect(titles).toEqual(['新建社区长者食堂6家', '老年助餐点12个', '开设暑托班40个', '托管服务60期以上', '地区生产总值增长6%左右', '一般公共预算收入增长5%—6%']);
    expect(r.drafts.every((d) => d.livelihood && d.state === 'draft' && d.startDate === '2025-01-01')).toBe(true);
    const by = Object.fromEntries(r.drafts.map((d) => [d.title, d]));
    // the restated 食堂 target is one draft with both places
    expect(by['新建社区长者食堂6家'].source?.alsoAt).toHaveLength(1);
    expect(by['新建社区长者食堂6家'].leadDepartmentId).toBe('00000000-0000-4000-8000-0000000000a1');
    expect(by['开设暑托班40个'].leadDepartmentId).toBe('00000000-0000-4000-8000-0000000000a2');
    expect(by['托管服务60期以上']).toMatchObject({ unit: '期', comparator: 'gte' });
    expect(by['地区生产总值增长6%左右']).toMatchObject({ comparator: 'approx', targetValue: '6' });
    expect(by['一般公共预算收入增长5%—6%']).toMatchObject({ comparator: 'range', targetValue: '5', targetValueMax: '6' });
    expect(r.repeats).toEqual([]);

    // the same plan's report, imported next, repeats the 暑托班 target: a warning names both
    const report = ['双清区2025年政府工作报告', '二、2025年主要任务', '2025年，区政府将开设暑托班40个，新建公园3个。'].join('\n');
    const second = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2025, filename: 'report.txt', text: report, sha256: sha(report) });
    expect(second.repeats.map((x) => [x.title, x.existingTitle])).toEqual([['开设暑托班40个', '开设暑托班40个']]);
  });

  it('reads the document as the kind the user gives (a list in a news page), and shows it so when reopened', async () => {
    // a news page (本报讯, no plan cue, no year in its title) that is in fact this year's list
    const text = ['本报讯（记者 林夏）今年全区为群众办好这些事', '1.新建社区食堂6个。', '2.改造农村公路35公里。', '去年，全区新建社区食堂4个。'].join('\n');
    const auto = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2027, filename: 'news.txt', text, sha256: sha(text + 'auto') });
    expect(auto.context.kind).toBe('news');
    expect(auto.drafts).toHaveLength(0);
    const r = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2027, filename: 'list.txt', text, sha256: sha(text), kind: 'livelihoodList' });
    expect(r.context.kind).toBe('livelihoodList');
    expect(r.drafts.map((d) => [d.title, d.livelihood, d.startDate])).toEqual([
      ['新建社区食堂6个', true, '2027-01-01'],
      ['改造农村公路35公里', true, '2027-01-01'],
    ]);
    expect(r.facts.map((f) => `${f.value}${f.unit} ${f.year}`)).toEqual(['4个 2026']);
    // reopened without saying the kind: read as it was imported, for the plan's year
    const again = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2030, filename: 'list.txt', text, sha256: sha(text) });
    expect(again.created).toBe(false);
    expect(again.context).toMatchObject({ kind: 'livelihoodList', year: 2027 });
    expect(again.claims.filter((c) => c.kind === 'target')).toHaveLength(2);
  });

  it('refuses an unknown region and changes nothing', async () => {
    await expect(
      importWorkReport(ctx, { actor: SYSTEM, regionCode: '999999', year: 2024, filename: 'x.txt', text: REPORT, sha256: sha(REPORT + 'x') }),
    ).rejects.toMatchObject({ status: 404 });
    const [row] = await db.query<{ n: string }>(`select count(*)::text as n from work_report where region_code = '999999'`);
    expect(row.n).toBe('0');
  });

  it('refuses a text beyond the size limit and a text with more targets than one import takes, storing nothing', async () => {
    const count = async () => (await db.query<{ n: number }>(`select (select count(*) from work_report) + (select count(*) from commitment) + (select count(*) from recorded_fact) as n`))[0]!.n;
    const before = await count();
    const long = REPORT + '\n' + '全区将持续推进各项工作。'.repeat(Math.ceil(LIMITS.workReport.maxChars / 12));
    await expect(importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2025, filename: 'long.txt', text: long, sha256: sha(long) }))
      .rejects.toMatchObject({ code: 'report_too_long', status: 400, zh: expect.stringContaining(`上限 ${LIMITS.workReport.maxChars} 字`) });
    const crowded = ['二、2025年主要任务', ...Array.from({ length: LIMITS.workReport.maxDrafts + 1 }, (_, i) => `新建社区食堂${i + 1}个。`)].join('\n');
    expect(crowded.length).toBeLessThan(LIMITS.workReport.maxChars);
    await expect(importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2025, filename: 'crowded.txt', text: crowded, sha256: sha(crowded) }))
      .rejects.toMatchObject({ code: 'too_many_claims', status: 400, en: expect.stringContaining(`${LIMITS.workReport.maxDrafts + 1} targets`) });
    expect(await count()).toBe(before);
  });

  it('imports the most targets allowed, each draft audited, in document order', async () => {
    const n = LIMITS.workReport.maxDrafts;
    const text = ['二、2026年主要任务', ...Array.from({ length: n }, (_, i) => `改造农村公路${i + 1}公里。`)].join('\n');
    const r = await importWorkReport(ctx, { actor: SYSTEM, regionCode: '430502', year: 2026, filename: 'big.txt', text, sha256: sha(text) });
    expect(r.drafts).toHaveLength(n);
    expect(r.drafts.map((d) => d.targetValue)).toEqual(Array.from({ length: n }, (_, i) => String(i + 1)));
    expect(r.drafts.every((d) => d.state === 'draft' && d.unit === '公里' && d.planId === r.plan.id)).toBe(true);
    const [audited] = await db.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'commitment.import' and entity_id = any($1)`, [r.drafts.map((d) => d.id)]);
    expect(audited!.n).toBe(n);
  });
});

/**
 * Fixed fixture data for the prose tests and renderer tests: a small district with three
 * departments, five commitments, indicators with two peers, projects and a previous-year fact.
 */
import type { Evaluation } from '../progress.ts';
import type { BulletinData, CommitmentFacts, YearSummaryData } from './facts.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const FIXTURE_DEPTS = {
  hr: { id: id(101), name: '区人社局' },
  housing: { id: id(102), name: '区住建局' },
  agri: { id: id(103), name: '区农业农村局' },
};

const evaluation = (o: Partial<Evaluation>): Evaluation => ({
  completionRate: null, expectedProgress: 50, lag: null, status: 'onTrack', overdue: false, reportOverdue: false, deadlineOverdue: false, latestValue: null, latestPeriod: null,
  missingPeriods: [], measuredAt: '2024-06-30', ...o,
});

const commitment = (n: number, o: Partial<CommitmentFacts>): CommitmentFacts => ({
  id: id(n), title: '', sector: '民生保障', livelihood: false, kind: 'quantitative', unit: '人', targetValue: null, comparator: 'gte', deadline: '2024-12-31', subtasks: 0,
  leadDepartment: FIXTURE_DEPTS.hr, evaluation: evaluation({}), valueReport: null, latestReport: null, ...o,
});

export const FIXTURE_COMMITMENTS: CommitmentFacts[] = [
  commitment(1, {
    title: '城镇新增就业3500人以上', targetValue: '3500', livelihood: true,
    evaluation: evaluation({ completionRate: 105.3, expectedProgress: 50, lag: -55.3, status: 'exceeded', latestValue: '3685', latestPeriod: '2024-06' }),
    valueReport: { id: id(201), period: '2024-06' },
    latestReport: { id: id(201), period: '2024-06', narrative: '举办招聘会12场。' },
  }),
  commitment(2, {
    title: '改造老旧小区住户19000户', unit: '户', targetValue: '19000', sector: '城乡建设', leadDepartment: FIXTURE_DEPTS.housing, livelihood: true,
    evaluation: evaluation({ completionRate: 20, expectedProgress: 50, lag: 30, status: 'lagging', latestValue: '3800', latestPeriod: '2024-06' }),
    valueReport: { id: id(202), period: '2024-06' },
    latestReport: { id: id(202), period: '2024-06', narrative: '受雨季影响，部分小区施工推迟。' },
  }),
  commitment(3, {
    title: '完成高标准农田建设6.24万亩', unit: '万亩', targetValue: '6.24', sector: '乡村振兴', leadDepartment: FIXTURE_DEPTS.agri,
    evaluation: evaluation({ completionRate: 10, expectedProgress: 50, lag: 40, status: 'seriouslyLagging', overdue: true, reportOverdue: true, latestValue: '0.624', latestPeriod: '2024-04', missingPeriods: ['2024-05', '2024-06'] }),
    valueReport: { id: id(203), period: '2024-04' },
    latestReport: { id: id(203), period: '2024-04', narrative: '项目招标尚未完成' },
  }),
  commitment(4, {
    title: '城镇调查失业率控制在5.5%以内', unit: '%', targetValue: '5.5', comparator: 'lte',
    evaluation: evaluation({ completionRate: 152.8, status: 'exceeded', latestValue: '3.6', latestPeriod: '2024-06' }),
    valueReport: { id: id(204), period: '2024-06' },
    latestReport: { id: id(204), period: '2024-06', narrative: '' },
  }),
  commitment(5, {
    title: '完成固定资产投资22.51亿元', unit: '亿元', targetValue: '22.51', sector: '城乡建设', leadDepartment: FIXTURE_DEPTS.housing,
    evaluation: evaluation({ completionRate: 51.2, expectedProgress: 50, lag: -1.2, status: 'onTrack', latestValue: '11.53', latestPeriod: '2024-06' }),
    valueReport: { id: id(205), period: '2024-06' },
    latestReport: { id: id(205), period: '2024-06', narrative: '按计划推进。' },
  }),
];

export const FIXTURE_BULLETIN: BulletinData = {
  region: { code: '140802', name: '盐湖区' },
  period: '2024-06',
  asOf: '2024-07-06',
  issuedOn: '2024-07-08',
  commitments: FIXTURE_COMMITMENTS,
  ranking: [
    { departmentId: FIXTURE_DEPTS.hr.id, name: '区人社局', total: 98.5, rank: 1, lagging: 0, seriouslyLagging: 0, overdue: 0, commitments: 2 },
    { departmentId: FIXTURE_DEPTS.housing.id, name: '区住建局', total: 82, rank: 2, lagging: 1, seriouslyLagging: 0, overdue: 0, commitments: 2 },
    { departmentId: FIXTURE_DEPTS.agri.id, name: '区农业农村局', total: 41.3, rank: 3, lagging: 0, seriouslyLagging: 1, overdue: 1, commitments: 1 },
  ],
};

const indicator = (n: number, regionCode: string, indicatorName: string, value: string, unit: string, yoyGrowth: number | null) => ({
  id: id(n), regionCode, indicator: indicatorName, period: '2024', periodType: 'year' as const, cumulative: true, value, unit, yoyGrowth,
});

export const FIXTURE_YEAR: YearSummaryData = {
  region: { code: '140802', name: '盐湖区' },
  parentLevel: 'city',
  year: 2024,
  asOf: '2025-01-06',
  issuedOn: '2025-01-10',
  commitments: FIXTURE_COMMITMENTS.map((c) =>
    c.id === id(2)
      ? { ...c, evaluation: { ...c.evaluation, completionRate: 100, lag: 0, status: 'completed', latestValue: '19000', latestPeriod: '2024-12' }, valueReport: { id: id(212), period: '2024-12' } }
      : c,
  ),
  previousFacts: [{ id: id(301), regionCode: '140802', year: 2023, subject: '城镇新增就业', value: '3400', unit: '人', qualifier: null, source: null }],
  indicators: [indicator(401, '140802', '地区生产总值', '302.5', '亿元', 6.2), indicator(402, '140802', '一般公共预算收入', '225100', '万元', -2.1)],
  peerIndicators: [indicator(411, '140821', '地区生产总值', '180', '亿元', 5.1), indicator(412, '140822', '地区生产总值', '150', '亿元', 4.9)],
  regionNames: { '140821': '临猗县', '140822': '万荣县' },
  projects: [
    { id: id(501), regionCode: '140802', year: 2024, name: '盐湖区物流园', leadDepartmentId: null, totalInvestment: '120000', plannedInvestmentYear: '30000', completedInvestmentYear: '31500', stage: 'completed', stageDates: {}, version: 1 },
    { id: id(502), regionCode: '140802', year: 2024, name: '污水处理厂提标改造', leadDepartmentId: null, totalInvestment: '20000', plannedInvestmentYear: '8000', completedInvestmentYear: '6000', stage: 'building', stageDates: {}, version: 1 },
  ],
  nextYear: { year: 2025, commitments: [{ id: id(601), title: '城镇新增就业3600人以上', leadDepartmentName: '区人社局' }] },
};

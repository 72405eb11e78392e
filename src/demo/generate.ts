/**
 * Synthetic regions for load and scale measurements: a district at `scale` × a large district's
 * size (500 commitments, 10% of them split into subtasks, 40 departments, 8 sectors, 24 months
 * of monthly reports for each leaf task). Deterministic for a given code and scale; bulk-loaded.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../store/db.ts';
import { insertRows } from './bulk.ts';

const SECTORS = ['经济发展', '产业项目', '城乡建设', '乡村振兴', '生态环保', '民生保障', '社会事业', '政府建设'];

/** A UUID from the given parts (stable across runs). */
function uid(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small deterministic pseudo-random sequence. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export interface GeneratedRegion {
  regionCode: string;
  planId: string;
  departmentIds: string[];
  commitments: number;
  reports: number;
}

/**
 * Creates region `code` with `scale × 500` commitments over 2023-01-01 … 2024-12-31 and their
 * monthly reports 2023-01 … 2024-12 (accepted, with values drifting around the pace; a few
 * returned or missing). Departments: `scale × 40`.
 */
export async function generateRegion(q: Queryable, o: { code: string; scale: number; name?: string }): Promise<GeneratedRegion> {
  const { code, scale } = o;
  const rand = rng(Number(code) * 31 + scale);
  await q.query('insert into region (code, name, level, parent_code) values ($1, $2, $3, null) on conflict do nothing', [code, o.name ?? `测试区${code}`, 'county']);
  const departmentIds = Array.from({ length: 40 * scale }, (_, i) => uid(code, 'dept', i));
  await insertRows(q, 'department', departmentIds.map((id, i) => ({ id, regionCode: code, name: `第${i + 1}局`, shortName: `${i + 1}局` })));
  const planId = uid(code, 'plan');
  await insertRows(q, 'plan', [{ id: planId, regionCode: code, year: 2023, title: '2023—2024年目标任务', sourceDocumentId: null }]);

  const total = 500 * scale;
  const commitments: Record<string, unknown>[] = [];
  const reports: Record<string, unknown>[] = [];
  const months = Array.from({ length: 24 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  for (let i = 0; i < total; i++) {
    const id = uid(code, 'c', i);
    // every tenth task is a parent whose next two are its subtasks
    const parentId = i % 10 === 1 || i % 10 === 2 ? uid(code, 'c', i - (i % 10)) : null;
    const isParent = i % 10 === 0;
    const lead = departmentIds[Math.floor(rand() * departmentIds.length)]!;
    const co = rand() < 0.3 ? [departmentIds[Math.floor(rand() * departmentIds.length)]!].filter((d) => d !== lead) : [];
    const target = 100 + Math.floor(rand() * 9900);
    commitments.push({
      id, regionCode: code, planId, parentId, title: `目标任务${i + 1}：完成${target}个`, sector: SECTORS[i % SECTORS.length], kind: 'quantitative',
      livelihood: i % 7 === 0, targetValue: String(target), targetValueMax: null, unit: '个', comparator: 'gte', baselineValue: null,
      startDate: '2023-01-01', deadline: '2024-12-31', leadDepartmentId: lead, coDepartmentIds: `{${co.join(',')}}`, responsibleLeader: null,
      milestones: [], weight: 1, reportingFrequency: 'monthly', state: 'inProgress', published: i % 3 === 0, source: null,
    });
    if (isParent) continue;
    const pace = 0.6 + rand() * 0.6; // some ahead, some behind
    months.forEach((period, m) => {
      if (rand() < 0.03) return; // a missing report
      const value = Math.round(target * Math.min(1.3, ((m + 1) / 24) * pace));
      const returned = rand() < 0.05;
      reports.push({
        id: uid(code, 'r', i, period), regionCode: code, commitmentId: id, departmentId: lead, period, cumulativeValue: String(value),
        milestonesDone: '{}', narrative: '按计划推进', state: returned ? 'returned' : 'accepted', submittedBy: null,
        submittedAt: `${period}-28T08:00:00Z`, reviewerId: null, reviewComment: returned ? '数据有误' : null, reviewedAt: `${period}-28T09:00:00Z`,
      });
    });
  }
  // parents before subtasks (foreign key); rows are in that order already
  await insertRows(q, 'commitment', commitments, ['milestones', 'source']);
  await insertRows(q, 'progress_report', reports);
  return { regionCode: code, planId, departmentIds, commitments: commitments.length, reports: reports.length };
}

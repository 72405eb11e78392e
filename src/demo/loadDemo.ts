/**
 * Sample data for the demo: districts with departments, plans, commitments, monthly progress
 * reports, projects and indicators. Idempotent: ids are derived from stable names, and a second
 * load finds everything present and changes nothing.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import { upsertDepartment, upsertRegion } from '../store/regions.ts';
import { upsertPlan } from '../store/plans.ts';
import { getCommitment, insertCommitment } from '../store/commitments.ts';
import { DEMO_REGIONS, type DemoDistrict } from './districts.ts';

/** A UUID derived from a name, so the same sample row gets the same id on every load. */
export function stableId(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('\u0001')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function loadDemo(ctx: AppContext, opts: { onProgress?: (message: string) => void } = {}): Promise<string> {
  const counts = { regions: 0, commitments: 0 };
  await ctx.db.transaction(async (tx) => {
    for (const r of DEMO_REGIONS) {
      await upsertRegion(tx, r);
      counts.regions++;
    }
  });
  for (const d of DEMO_DISTRICTS_LOADERS) counts.commitments += await loadDistrict(ctx, d, opts.onProgress);
  return `demo data: ${counts.regions} regions, ${counts.commitments} new commitments`;
}

const DEMO_DISTRICTS_LOADERS: DemoDistrict[] = [];

async function loadDistrict(ctx: AppContext, d: DemoDistrict, onProgress?: (m: string) => void): Promise<number> {
  onProgress?.(`loading ${d.name} ${d.year} …`);
  return ctx.db.transaction(async (tx) => {
    const depts = new Map<string, string>();
    for (const dep of d.departments) {
      const stored = await upsertDepartment(tx, { id: stableId(d.code, dep.name), regionCode: d.code, name: dep.name, shortName: dep.shortName });
      depts.set(dep.shortName, stored.id);
    }
    const plan = await upsertPlan(tx, { id: stableId(d.code, d.year), regionCode: d.code, year: d.year, title: `${d.name}${d.year}年政府工作报告目标任务`, sourceDocumentId: null });
    let created = 0;
    for (const c of d.commitments) {
      const id = stableId(d.code, d.year, c.title);
      if (await getCommitment(tx, id)) continue;
      await insertCommitment(tx, {
        id, regionCode: d.code, planId: plan.id, parentId: null, title: c.title, sector: c.sector, kind: 'quantitative', livelihood: c.livelihood ?? false,
        targetValue: c.target, targetValueMax: null, unit: c.unit, comparator: c.comparator ?? 'gte', baselineValue: null,
        startDate: `${d.year}-01-01`, deadline: `${d.year}-12-31`, leadDepartmentId: depts.get(c.lead) ?? null, coDepartmentIds: [],
        responsibleLeader: null, milestones: [], weight: 1, reportingFrequency: 'monthly', state: 'inProgress', published: c.livelihood ?? false, source: null,
      });
      created++;
    }
    return created;
  });
}

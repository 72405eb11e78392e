/**
 * Test data for the workflow use cases and routes: two districts, departments, a plan, principals
 * for each role, and a factory for commitments in any state.
 */
import { randomUUID } from 'node:crypto';
import type { Commitment } from '../../domain/types.ts';
import { insertCommitment } from '../../store/commitments.ts';
import type { Db } from '../../store/db.ts';
import { upsertPlan } from '../../store/plans.ts';
import { upsertDepartment, upsertRegion } from '../../store/regions.ts';
import type { Principal } from '../policies/principal.ts';

export async function buildWorld(db: Db) {
  const ids = { plan: randomUUID(), otherPlan: randomUUID(), hr: randomUUID(), edu: randomUUID(), otherDept: randomUUID() };
  await upsertRegion(db, { code: '430500', name: '邵阳市', level: 'city', parentCode: null });
  await upsertRegion(db, { code: '430502', name: '双清区', level: 'county', parentCode: '430500' });
  await upsertRegion(db, { code: '430503', name: '大祥区', level: 'county', parentCode: '430500' });
  await upsertDepartment(db, { id: ids.hr, regionCode: '430502', name: '区人社局', shortName: '人社局' });
  await upsertDepartment(db, { id: ids.edu, regionCode: '430502', name: '区教育局', shortName: '教育局' });
  await upsertDepartment(db, { id: ids.otherDept, regionCode: '430503', name: '区人社局', shortName: '人社局' });
  await upsertPlan(db, { id: ids.plan, regionCode: '430502', year: 2024, title: '2024', sourceDocumentId: null });
  await upsertPlan(db, { id: ids.otherPlan, regionCode: '430503', year: 2024, title: '2024', sourceDocumentId: null });
  const principal = (role: Principal['role'], regionCode: string, departmentId: string | null = null): Principal => ({
    id: randomUUID(), role, regionCode, departmentId, regionCodes: [regionCode], clientAddress: '127.0.0.1',
  });
  const actors = {
    admin: principal('admin', '430502'),
    leader: principal('leader', '430502'),
    hrReporter: principal('reporter', '430502', ids.hr),
    eduReporter: principal('reporter', '430502', ids.edu),
    otherAdmin: principal('admin', '430503'),
    cityAdmin: { ...principal('admin', '430500'), regionCodes: ['430500', '430502', '430503'] },
  };
  /** A quantitative 2024 commitment in 双清区 led by 人社局, in state `state`. */
  const commitment = (overrides: Partial<Commitment> = {}) =>
    insertCommitment(db, {
      id: randomUUID(), regionCode: '430502', planId: ids.plan, parentId: null, title: '城镇新增就业3500人以上', sector: '民生保障',
      kind: 'quantitative', livelihood: false, targetValue: '3500', targetValueMax: null, unit: '人', comparator: 'gte', baselineValue: null,
      startDate: '2024-01-01', deadline: '2024-12-31', leadDepartmentId: ids.hr, coDepartmentIds: [ids.edu], responsibleLeader: null,
      milestones: [], weight: 1, reportingFrequency: 'monthly', state: 'draft', published: false, source: null, assignedOn: null, ...overrides,
    });
  return { ids, actors, commitment };
}

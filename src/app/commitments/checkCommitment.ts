/** Cross-field and cross-record rules of a commitment that a schema alone cannot state. */
import type { Commitment } from '../../domain/types.ts';
import { tryParseQuantity } from '../../domain/quantity.ts';
import type { Queryable } from '../../store/db.ts';
import { AppError } from '../errors.ts';

/** Throws a 400 AppError naming the first broken rule. */
export async function checkCommitment(q: Queryable, c: Omit<Commitment, 'createdAt' | 'updatedAt' | 'version'>): Promise<void> {
  if (c.deadline < c.startDate) throw new AppError('deadline_before_start', '截止日期早于开始日期', 'deadline is before the start date');
  if (c.kind === 'quantitative') {
    if (c.targetValue === null || !c.unit || !c.comparator)
      throw new AppError('target_missing', '量化任务须填写目标值、单位和比较方式', 'a quantitative commitment needs a target value, unit and comparator');
    if (!tryParseQuantity(`${c.targetValue}${c.unit}`))
      throw new AppError('unit_unknown', `无法识别的单位“${c.unit}”`, `unknown unit "${c.unit}"`);
    if (c.comparator === 'range' && (c.targetValueMax === null || Number(c.targetValueMax) < Number(c.targetValue)))
      throw new AppError('range_invalid', '区间目标须填写不小于下限的上限', 'a range target needs an upper bound not below the lower bound');
  }
  if (c.kind === 'milestone' && c.milestones.length === 0)
    throw new AppError('milestones_missing', '节点类任务须至少设置一个节点', 'a milestone commitment needs at least one milestone');
  const deptIds = [c.leadDepartmentId, ...c.coDepartmentIds].filter((x): x is string => !!x);
  if (deptIds.length) {
    const rows = await q.query<{ id: string; region_code: string }>('select id, region_code from department where id = any($1)', [deptIds]);
    for (const id of deptIds) {
      const d = rows.find((r) => r.id === id);
      if (!d) throw new AppError('department_not_found', `单位 ${id} 不存在`, `department ${id} not found`);
      if (d.region_code !== c.regionCode)
        throw new AppError('department_other_region', '所选单位不属于本行政区', 'the department belongs to another region');
    }
  }
  if (c.leadDepartmentId && c.coDepartmentIds.includes(c.leadDepartmentId))
    throw new AppError('lead_is_co', '牵头单位不能同时是配合单位', 'the lead department cannot also be a co-department');
  const [plan] = await q.query<{ region_code: string }>('select region_code from plan where id = $1', [c.planId]);
  if (!plan) throw new AppError('plan_not_found', '年度计划不存在', 'plan not found');
  if (plan.region_code !== c.regionCode) throw new AppError('plan_other_region', '年度计划不属于本行政区', 'the plan belongs to another region');
  if (c.parentId) {
    const [parent] = await q.query<{ plan_id: string }>('select plan_id from commitment where id = $1', [c.parentId]);
    if (!parent || parent.plan_id !== c.planId)
      throw new AppError('parent_invalid', '上级任务不存在或不属于同一年度计划', 'the parent commitment does not exist or is in another plan');
  }
}

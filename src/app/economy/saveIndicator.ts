import { randomUUID } from 'node:crypto';
import type { IndicatorValue } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Queryable } from '../../store/db.ts';
import { camel } from '../../store/rows.ts';
import type { AppContext } from '../context.ts';
import { AppError, conflict } from '../errors.ts';
import { requireAdmin, type WorkflowActor } from '../workflow/access.ts';
import { periodTypeOf, SaveIndicatorInput } from './input.ts';

/**
 * Writes one indicator value in an open transaction: a new (region, indicator, period) is inserted;
 * an existing one is replaced only with its current `version` (missing or stale: 409). The
 * importer passes `replace` to overwrite without a version.
 */
export async function saveIndicatorIn(tx: Queryable, actor: WorkflowActor, input: SaveIndicatorInput, replace = false): Promise<IndicatorValue & { version: number }> {
  const v = SaveIndicatorInput.parse(input);
  const periodType = v.periodType ?? periodTypeOf(v.period);
  if (periodType !== periodTypeOf(v.period))
    throw new AppError('period_type_mismatch', `期次${v.period}与期次类型不符`, `period ${v.period} is not a ${periodType}`);
  const [before] = await tx.query('select * from indicator_value where region_code = $1 and indicator = $2 and period = $3 for update', [v.regionCode, v.indicator, v.period]);
  const values = [v.indicator, v.period, periodType, v.cumulative, v.value, v.unit, v.yoyGrowth];
  let row: Record<string, unknown> | undefined;
  if (!before) {
    [row] = await tx.query(
      `insert into indicator_value (id, region_code, indicator, period, period_type, cumulative, value, unit, yoy_growth) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *`,
      [randomUUID(), v.regionCode, ...values],
    );
  } else {
    if (!replace && v.version === undefined) throw new AppError('indicator_exists', `${v.indicator}${v.period}已有数值，修改须带版本号`, `a value for ${v.indicator} ${v.period} exists; send its version to change it`, 409);
    [row] = await tx.query(
      `update indicator_value set indicator = $3, period = $4, period_type = $5, cumulative = $6, value = $7, unit = $8, yoy_growth = $9, version = version + 1
       where id = $1 and ($2::int is null or version = $2) returning *`,
      [before.id, replace ? null : v.version, ...values],
    );
    if (!row) throw conflict('indicator value');
  }
  const after = camel<IndicatorValue & { version: number }>(row!);
  await appendAudit(tx, { regionCode: v.regionCode, actor, action: before ? 'indicator.update' : 'indicator.create', entity: 'indicatorValue', entityId: after.id, before: before ? camel(before) : undefined, after });
  return after;
}

/** 录入/修改经济指标 (the region's office). */
export async function saveIndicator(ctx: AppContext, o: { actor: WorkflowActor; input: SaveIndicatorInput }): Promise<IndicatorValue & { version: number }> {
  const input = SaveIndicatorInput.parse(o.input);
  requireAdmin(o.actor, input.regionCode);
  return ctx.db.transaction((tx) => saveIndicatorIn(tx, o.actor, input));
}

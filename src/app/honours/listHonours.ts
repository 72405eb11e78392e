import type { Honour } from '../../domain/types.ts';
import { listHonours as listRows } from '../../store/honours.ts';
import type { AppContext } from '../context.ts';
import { requireReadRegions } from '../policies/scope.ts';
import { principalOf, type WorkflowActor } from '../workflow/access.ts';

/** 荣誉 of a region (of one year when given): whoever reads the region. */
export async function listHonours(ctx: AppContext, o: { actor: WorkflowActor; region: string; year?: number }): Promise<Honour[]> {
  requireReadRegions(principalOf(o.actor), [o.region]);
  return listRows(ctx.db, [o.region], o.year);
}

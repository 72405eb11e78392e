/** Who may generate a region's documents: its office (督查室) and leaders, and those of regions above it. */
import { AppError } from '../errors.ts';
import { authorize, readsRegion } from '../policies/scope.ts';
import { principalOf, type WorkflowActor } from '../workflow/access.ts';
import type { Queryable } from '../../store/db.ts';
import { getRegion } from '../../store/regions.ts';
import type { Region } from '../../domain/types.ts';

/** Loads the region for a document request: 404 when missing or unreadable, 401/403 unless admin or leader. */
export async function regionForDocuments(q: Queryable, actor: WorkflowActor, regionCode: string): Promise<Region> {
  const p = principalOf(actor);
  const region = await getRegion(q, regionCode);
  if (!region) throw new AppError('region_not_found', `行政区 ${regionCode} 不存在`, `region ${regionCode} not found`, 404);
  authorize(p, p.system === true || ((p.role === 'admin' || p.role === 'leader') && readsRegion(p, regionCode)), readsRegion(p, regionCode), ['region', '行政区']);
  return region;
}

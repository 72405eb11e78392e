/**
 * 同级比较: where a region stands among the regions under the same parent for one indicator
 * (e.g. 全市第一 in growth). Published statistics, so a district that may read its own
 * region may see its peers' figures for the indicator — values and growth only, nothing else
 * of theirs. For the web app's 经济指标 page.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../app/errors.ts';
import { requireReadRegions } from '../../app/policies/scope.ts';
import { Period, RegionCode } from '../../domain/types.ts';
import { listIndicatorValues } from '../../store/economy.ts';
import { getRegion, listRegions } from '../../store/regions.ts';
import { page, PageParams } from '../paging.ts';
import type { Queryable } from '../../store/db.ts';
import type { Principal } from '../../app/policies/principal.ts';

export const PeersQuery = z.object({
  region: RegionCode.describe('行政区划代码'),
  indicator: z.string().min(1).max(100).describe('指标名称'),
  /** default: the region's latest period of the indicator */
  period: Period.optional(),
});

export function registerIndicatorPeerRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { db } = api.ctx;
  r.get('/indicators/peers', {
    schema: { tags: ['economy'], summary: 'The region and its peers (same parent) for one indicator, ranked by growth / 同级地区指标增速排名', querystring: PeersQuery.extend(PageParams.shape) },
  }, async (req) => indicatorPeers(db, req.actor, req.query));
}

export type IndicatorPeers = Awaited<ReturnType<typeof indicatorPeers>>;

/** The region's row and its peers' for the indicator and period, ranked by growth. */
async function indicatorPeers(db: Queryable, actor: Principal, q: z.output<typeof PeersQuery> & PageParams) {
  requireReadRegions(actor, [q.region]);
  const region = await getRegion(db, q.region);
  if (!region) throw notFound('region', '行政区');
  const regions = await listRegions(db);
  const peers = region.parentCode ? regions.filter((x) => x.parentCode === region.parentCode) : [region];
  const values = await listIndicatorValues(db, peers.map((p) => p.code), q.indicator);
  const own = values.filter((v) => v.regionCode === region.code).sort((a, b) => a.period.localeCompare(b.period));
  const period = q.period ?? own.at(-1)?.period ?? null;
  const names = new Map(regions.map((x) => [x.code, x.name]));
  const rows = values
    .filter((v) => v.period === period)
    .map((v) => ({ regionCode: v.regionCode, name: names.get(v.regionCode) ?? v.regionCode, value: v.value, unit: v.unit, cumulative: v.cumulative, yoyGrowth: v.yoyGrowth }))
    .sort((a, b) => (b.yoyGrowth ?? -Infinity) - (a.yoyGrowth ?? -Infinity) || a.name.localeCompare(b.name, 'zh-CN'));
  // ties share a rank; a region without a growth figure is unranked
  const items = rows.map((x) => ({ ...x, rank: x.yoyGrowth === null ? null : rows.findIndex((y) => y.yoyGrowth === x.yoyGrowth) + 1 }));
  const parent = region.parentCode ? regions.find((x) => x.code === region.parentCode) ?? null : null;
  // a region's peers are few (one page); paged by rank then name like every list
  const paged = page(items, q, { name: 'rank', key: (x) => [x.rank ?? Number.MAX_SAFE_INTEGER, x.name, x.regionCode], collate: true });
  return { region: { code: region.code, name: region.name }, parent: parent && { code: parent.code, name: parent.name, level: parent.level }, indicator: q.indicator, period, ...paged };
}

/** 荣誉/表彰: an office records the honours of a year; the 工作纪实 names them (app/honours). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HONOUR_LEVELS, RegionCode, Uuid, type Honour } from '../../domain/types.ts';
import { listHonours } from '../../app/honours/listHonours.ts';
import { HonourInput, recordHonour } from '../../app/honours/recordHonour.ts';
import { removeHonour } from '../../app/honours/removeHonour.ts';
import { page, PageParams, type Order } from '../paging.ts';
import { actorOf } from './commitments.ts';

const tags = ['documents'];
/** by year, level (national first), title */
const ORDER: Order<Honour> = { name: 'honours', key: (h) => [h.year, HONOUR_LEVELS.indexOf(h.level), h.title, h.id], collate: true };

export function registerHonourRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.get('/honours', {
    schema: { tags, summary: 'Honours of a region, of a year when given / 荣誉表彰', querystring: z.object({ region: RegionCode, year: z.coerce.number().int().optional() }).extend(PageParams.shape) },
  }, async (req) => page(await listHonours(ctx, { actor: actorOf(req), region: req.query.region, year: req.query.year }), req.query, ORDER));

  r.post('/honours', { schema: { tags, summary: 'Record an honour (office) / 录入荣誉', body: HonourInput } }, async (req, reply) =>
    reply.status(201).send(await recordHonour(ctx, { actor: actorOf(req), input: req.body })));

  r.delete('/honours/:id', { schema: { tags, summary: 'Remove an honour recorded in error (office) / 删除荣誉', params: z.object({ id: Uuid }) } }, async (req, reply) => {
    await removeHonour(ctx, { actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });
}

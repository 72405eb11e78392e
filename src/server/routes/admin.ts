/** The office's administration: departments (name, short name, e-mail for 催办) and the supervision configuration. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createDepartment, DepartmentInput, DepartmentPatch, updateDepartment } from '../../app/departments/saveDepartment.ts';
import { requireSignedIn } from '../../app/policies/scope.ts';
import { RegionCode, Uuid } from '../../domain/types.ts';
import { actorOf } from './commitments.ts';

const tags = ['admin'];

export function registerAdminRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.post('/departments', { schema: { tags, summary: 'Add a department (office) / 新增单位', body: DepartmentInput.extend({ region: RegionCode }) } }, async (req, reply) => {
    const { region, ...input } = req.body;
    return reply.status(201).send(await createDepartment(ctx, { actor: actorOf(req), regionCode: region, input }));
  });

  r.patch('/departments/:id', { schema: { tags, summary: 'Rename a department or set its e-mail (office) / 修改单位', params: z.object({ id: Uuid }), body: DepartmentPatch } }, async (req) =>
    updateDepartment(ctx, { actor: actorOf(req), id: req.params.id, input: req.body }));

  r.get('/config', { schema: { tags, summary: 'Supervision thresholds and weights in force / 督办参数' } }, async (req) => {
    requireSignedIn(req.actor);
    return ctx.config;
  });
}

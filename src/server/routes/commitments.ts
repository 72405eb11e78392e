/** Create and edit commitments (the region's office; see app/policies/commitments.ts). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCommitment } from '../../app/commitments/createCommitment.ts';
import { updateCommitment } from '../../app/commitments/updateCommitment.ts';
import { CreateCommitmentInput, UpdateCommitmentInput } from '../../app/commitments/input.ts';
import { Uuid } from '../../domain/types.ts';
import { PUBLIC, type Principal } from '../../app/policies/principal.ts';

/** The acting user of a request (the auth layer, ../auth.ts, sets `request.actor`), with its client address. */
export function actorOf(req: FastifyRequest): Principal {
  return { ...(req.actor ?? PUBLIC), clientAddress: req.ip };
}

export function registerCommitmentRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.post('/commitments', { schema: { tags: ['commitments'], summary: 'Create a commitment / 新建目标任务', body: CreateCommitmentInput } }, async (req, reply) => {
    const c = await createCommitment(api.ctx, { actor: actorOf(req), input: req.body });
    return reply.status(201).send(c);
  });
  r.patch('/commitments/:id', { schema: { tags: ['commitments'], summary: 'Edit a commitment (send its version) / 修改目标任务', params: z.object({ id: Uuid }), body: UpdateCommitmentInput } }, async (req) =>
    updateCommitment(api.ctx, { actor: actorOf(req), id: req.params.id, input: req.body }),
  );
}

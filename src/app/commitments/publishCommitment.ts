import { z } from 'zod';
import type { Commitment } from '../../domain/types.ts';
import { appendAudit } from '../../store/audit.ts';
import { updateCommitment } from '../../store/commitments.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkVersion, loadCommitmentFor, requireAdmin, type WorkflowActor } from '../workflow/access.ts';

export const PublishInput = z.object({ version: z.number().int(), published: z.boolean().describe('公开 / 撤回公开') });
export type PublishInput = z.input<typeof PublishInput>;

/** 公开 / 撤回: the office makes a commitment visible to the public, or withdraws it. Drafts cannot be published. */
export async function publishCommitment(ctx: AppContext, o: { actor: WorkflowActor; id: string; input: PublishInput }): Promise<Commitment> {
  const { version, published } = PublishInput.parse(o.input);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCommitmentFor(tx, o.actor, o.id, true);
    requireAdmin(o.actor, c.regionCode);
    checkVersion(c, version);
    if (published && c.state === 'draft') throw new AppError('draft_unpublishable', '立项阶段的任务不能公开', 'a draft commitment cannot be published', 409);
    const after = await updateCommitment(tx, c.id, version, { published });
    await appendAudit(tx, { regionCode: c.regionCode, actor: o.actor, action: published ? 'commitment.publish' : 'commitment.unpublish', entity: 'commitment', entityId: c.id, before: c, after });
    return after;
  });
}

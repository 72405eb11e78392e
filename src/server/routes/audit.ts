/** 留痕: the audit trail, read by offices per commitment, per entity or per user. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../app/errors.ts';
import { auditPolicy } from '../../app/policies/users.ts';
import { forbidden, requireSignedIn } from '../../app/policies/scope.ts';
import { RegionCode, Uuid } from '../../domain/types.ts';
import { listAudit } from '../../store/audit.ts';
import { listCommitmentAudit } from '../../store/auditTrail.ts';
import { getCommitment } from '../../store/commitments.ts';
import { decodeCursor, invalidCursor, PageParams, sqlPage, type Order } from '../paging.ts';
import type { AuditEvent } from '../../domain/types.ts';

/** Newest first by event id (ids only grow). */
const AUDIT_ORDER: Order<AuditEvent> = { name: 'id.desc', key: (e) => [e.id], desc: true };

export function registerAuditRoutes(api: FastifyInstance) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { ctx } = api;

  r.get('/audit', {
    schema: {
      tags: ['audit'], summary: 'Audit events (offices): entity=commitment&entityId=… includes its reports and evidence; actor=user id / 留痕查询',
      querystring: z.object({
        entity: z.string().max(50).optional(), entityId: z.string().max(100).optional(), actor: Uuid.optional(),
        region: RegionCode.optional().describe('default: every region the office reads'),
      }).extend(PageParams.shape).extend({ limit: PageParams.shape.limit.default(200) }),
    },
  }, async (req) => {
    const a = req.actor;
    requireSignedIn(a);
    if (a.role !== 'admin') throw forbidden('仅督查室可查看留痕', 'only the office reads the audit trail');
    const q = req.query;
    if (q.region && !auditPolicy.read(a, q.region)) throw forbidden('无权查看该行政区', 'you may not read this region');
    const regions = q.region ? [q.region] : a.regionCodes;
    const before = q.cursor ? String(decodeCursor(q.cursor, AUDIT_ORDER.name, 1)[0]) : undefined;
    if (before !== undefined && !/^\d{1,19}$/.test(before)) throw invalidCursor();
    if (q.entity === 'commitment' && q.entityId) {
      const c = await getCommitment(ctx.db, q.entityId).catch(() => undefined);
      if (!c || !auditPolicy.read(a, c.regionCode)) throw notFound('commitment', '目标任务');
      return sqlPage(await listCommitmentAudit(ctx.db, regions, c.id, q.limit + 1, before), q, AUDIT_ORDER);
    }
    return sqlPage(await listAudit(ctx.db, { regionCodes: regions, entity: q.entity, entityId: q.entityId, actorId: q.actor, limit: q.limit + 1, before }), q, AUDIT_ORDER);
  });
}

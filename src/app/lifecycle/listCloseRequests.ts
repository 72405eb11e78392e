import { z } from 'zod';
import { RegionCode, Uuid } from '../../domain/types.ts';
import type { AppContext } from '../context.ts';
import { commitmentPolicy } from '../policies/commitments.ts';
import { principalOf } from '../policies/principal.ts';
import { requireReadRegions } from '../policies/scope.ts';
import type { WorkflowActor } from '../workflow/access.ts';

export const ListCloseRequestsQuery = z.object({
  region: RegionCode,
  state: z.enum(['pending', 'approved', 'refused']).optional().describe('default: all'),
  commitment: Uuid.optional(),
});
export type ListCloseRequestsQuery = z.input<typeof ListCloseRequestsQuery>;

/** 办结申请 as listed: the request with its commitment's title and lead department, the evidence's names. */
export const CloseRequestItem = z.object({
  id: z.string(),
  regionCode: z.string(),
  commitmentId: z.string(),
  commitmentTitle: z.string(),
  leadDepartmentId: z.string().nullable(),
  summary: z.string(),
  evidence: z.array(z.object({ id: z.string(), filename: z.string() })).describe('the evidence the department picked, with file names'),
  state: z.enum(['pending', 'approved', 'refused']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});
export type CloseRequestItem = z.infer<typeof CloseRequestItem>;

/**
 * 办结申请: a region's close requests, newest first — the office's list to decide (state=pending)
 * or one commitment's history. Readers see those on commitments they may read (a reporter: its
 * department's). Pages in SQL: `limit` rows after `after` ([requested, id] of the last row of the
 * previous page); `next` is the last row's key when more may follow (the rows the actor may not
 * read still move it on, so a page may hold fewer than `limit` items).
 */
export async function listCloseRequests(
  ctx: AppContext,
  o: { actor: WorkflowActor; query: ListCloseRequestsQuery; limit: number; after?: readonly [string, string] | null },
): Promise<{ items: CloseRequestItem[]; next: [string, string] | null }> {
  const q = ListCloseRequestsQuery.parse(o.query);
  const p = principalOf(o.actor);
  requireReadRegions(p, [q.region]);
  const [afterAt, afterId] = o.after ?? [null, null];
  const rows = await ctx.db.query<CloseRequestItem & { coDepartmentIds: string[]; published: boolean; key: string }>(
    `select r.id, r.region_code as "regionCode", r.commitment_id as "commitmentId", c.title as "commitmentTitle", c.lead_department_id as "leadDepartmentId",
       c.co_department_ids as "coDepartmentIds", c.published, r.summary,
       coalesce((select json_agg(json_build_object('id', e.id, 'filename', e.filename) order by e.created_at, e.id) from evidence e where e.id = any(r.evidence_ids)), '[]'::json) as evidence,
       r.state, r.requested_by as "requestedBy", r.requested_at as "requestedAt", r.decided_by as "decidedBy", r.decided_at as "decidedAt", r.decision_comment as "decisionComment",
       to_char(r.requested_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as key
     from close_request r join commitment c on c.id = r.commitment_id
     where r.region_code = $1 and ($2::text is null or r.state = $2) and ($3::uuid is null or r.commitment_id = $3)
       and ($5::text is null or (r.requested_at, r.id) < ($5::timestamp at time zone 'UTC', $6::uuid))
     order by r.requested_at desc, r.id desc limit $4`,
    [q.region, q.state ?? null, q.commitment ?? null, o.limit + 1, afterAt, afterId],
  );
  const page = rows.slice(0, o.limit);
  const last = page.at(-1);
  return {
    items: page.filter((r) => commitmentPolicy.readInternal(p, r)).map(({ coDepartmentIds: _c, published: _p, key: _k, ...r }) => r),
    next: rows.length > o.limit && last ? [last.key, last.id] : null,
  };
}

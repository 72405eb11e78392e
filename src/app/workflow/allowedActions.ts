/**
 * What the acting user may do on a commitment, as the web app shows it: one flag or list per
 * action, computed with the same rules the use cases enforce (a button a role may not use is not
 * shown; the server still refuses it).
 */
import { z } from 'zod';
import { availableActions, COMMITMENT_FIELDS, editableFields, LIFECYCLE_ROLES, LifecycleAction, TRANSITIONS } from '../../domain/lifecycle.ts';
import type { Commitment } from '../../domain/types.ts';
import { involves } from '../policies/commitments.ts';
import { isAdminOf, writesRegion } from '../policies/scope.ts';
import { principalOf, roleOn, type WorkflowActor } from './access.ts';
import { REPORTING_STATES } from '../reports/rules.ts';

/** What the actor may do (the detail page's buttons); also the API's contract for it. */
export const AllowedActions = z.object({
  role: z.enum(LIFECYCLE_ROLES).nullable().describe('the actor’s lifecycle role on the commitment; null: reads only'),
  transitions: z.array(LifecycleAction).describe('交办, 签收, 开始推进, 办结申请, 退回办结申请, 办结销号, 取消 the actor may take'),
  next: z.array(z.object({ action: LifecycleAction, label: z.string(), roles: z.array(z.enum(LIFECYCLE_ROLES)) }))
    .describe('every move out of the current state and who may make it, whoever asks (to say who acts next)'),
  editable: z.array(z.enum(COMMITMENT_FIELDS)).describe('fields the actor may edit directly (修改)'),
  publish: z.boolean(),
  split: z.boolean(),
  milestones: z.boolean(),
  requestChange: z.boolean().describe('file a 调整/延期/取消 request'),
  decideChange: z.boolean(),
  instruct: z.boolean().describe('record a 领导批示'),
  reply: z.boolean().describe('answer a 批示 (落实情况)'),
  report: z.boolean().describe('submit a progress report'),
  review: z.boolean().describe('accept or return progress reports (审核)'),
  confirmDraft: z.boolean().describe('confirm or discard an imported draft (确认导入草稿)'),
}).meta({ id: 'AllowedActions', description: '当前用户可执行的操作 / what the signed-in user may do' });
export type AllowedActions = z.infer<typeof AllowedActions>;

const FINISHED = new Set(['closed', 'cancelled']);

export function allowedActions(actor: WorkflowActor, c: Commitment): AllowedActions {
  const p = principalOf(actor);
  const role = roleOn(p, c);
  const admin = isAdminOf(p, c.regionCode);
  const open = !FINISHED.has(c.state);
  const departmentOfIt = p.role === 'reporter' && writesRegion(p, c.regionCode) && involves(c, p.departmentId);
  return {
    role,
    transitions: availableActions(c.state, role),
    next: TRANSITIONS.filter((t) => t.from.includes(c.state)).map((t) => ({ action: t.action, label: t.label, roles: [...t.roles] })),
    editable: admin ? [...editableFields(c.state)] : [],
    publish: admin && c.state !== 'draft',
    split: admin && open,
    milestones: open && (role === 'admin' || role === 'leadReporter'),
    requestChange: open && c.state !== 'draft' && (role === 'admin' || role === 'leadReporter'),
    decideChange: admin,
    instruct: role === 'admin' || role === 'leader',
    reply: admin || departmentOfIt,
    report: departmentOfIt && REPORTING_STATES.has(c.state),
    review: admin,
    confirmDraft: admin && c.state === 'draft' && c.source !== null && !(c as Commitment & { confirmedAt?: string | null }).confirmedAt,
  };
}

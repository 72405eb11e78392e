/**
 * 督办单 as the office reads them: each slip with its 编号 (in order of opening within the region
 * and year), its commitment's title and its department's name; and one slip's 督办通知单.
 */
import { buildSlipNotice, slipNumber } from '../../domain/prose/slipNotice.ts';
import type { ProseDocument } from '../../domain/prose/document.ts';
import type { SupervisionSlip } from '../../domain/types.ts';
import type { Queryable } from '../../store/db.ts';
import { camelAll } from '../../store/rows.ts';
import { getPlan } from '../../store/plans.ts';
import { getRegion, listDepartments } from '../../store/regions.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { listEvaluatedCommitments } from '../evaluatedCommitments.ts';
import { principalOf } from '../policies/principal.ts';
import { readsRegion, requireSignedIn } from '../policies/scope.ts';
import type { WorkflowActor } from '../workflow/access.ts';

export interface SlipRecord extends SupervisionSlip {
  /** order of opening within the region and year (编号 督办〔2026〕第7号) */
  serial: number;
  number: string;
  commitmentTitle: string;
  departmentName: string | null;
  /** 销号说明 of a slip the office closed by hand; null when open or closed because its cause went away */
  closeNote: string | null;
}

export interface SlipFilter {
  regionCodes: string[];
  open?: boolean;
  departmentId?: string;
  commitmentId?: string;
  id?: string;
}

/** Slips matching the filter, newest first, numbered. */
export async function listSlipRecords(q: Queryable, f: SlipFilter): Promise<SlipRecord[]> {
  const rows = camelAll<Omit<SlipRecord, 'number'>>(
    await q.query(
      `select * from (
         select s.*, c.title as commitment_title, d.name as department_name,
                row_number() over (partition by s.region_code, extract(year from s.opened_on) order by s.opened_on, s.id)::int as serial
         from supervision_slip s join commitment c on c.id = s.commitment_id left join department d on d.id = s.department_id
         where s.region_code = any($1)) x
       where ($2::boolean is null or (closed_on is null) = $2) and ($3::uuid is null or department_id = $3)
         and ($4::uuid is null or commitment_id = $4) and ($5::uuid is null or id = $5)
       order by opened_on desc, serial desc`,
      [f.regionCodes, f.open ?? null, f.departmentId ?? null, f.commitmentId ?? null, f.id ?? null],
    ),
  );
  return rows.map((r) => ({ ...r, number: slipNumber(r.openedOn, r.serial) }));
}

/**
 * The 督办通知单 of one slip, for those who may read the region's slips: its office and leaders
 * (and a city's or province's), and the department it is addressed to. 404 for anyone else.
 */
export async function slipNotice(ctx: AppContext, o: { actor: WorkflowActor; id: string }): Promise<{ document: ProseDocument; slip: SlipRecord }> {
  const p = principalOf(o.actor);
  requireSignedIn(p);
  const [{ region_code: regionCode } = { region_code: null }] = await ctx.db.query<{ region_code: string }>('select region_code from supervision_slip where id = $1', [o.id]);
  const visible = (s: SlipRecord) => p.system || (readsRegion(p, s.regionCode) && (p.role !== 'reporter' || s.departmentId === p.departmentId));
  const [slip] = regionCode ? await listSlipRecords(ctx.db, { regionCodes: [regionCode], id: o.id }) : [];
  if (!slip || !visible(slip)) throw notFound('supervision slip', '督办单');
  const [region, depts, commitment] = await Promise.all([
    getRegion(ctx.db, slip.regionCode),
    listDepartments(ctx.db, slip.regionCode),
    ctx.db.query<{ plan_id: string }>('select plan_id from commitment where id = $1', [slip.commitmentId]).then(async ([row]) => {
      const all = await listEvaluatedCommitments(ctx.db, ctx, { regionCodes: [slip.regionCode], planId: row!.plan_id, asOf: slip.openedOn });
      return all.find((c) => c.id === slip.commitmentId)!;
    }),
  ]);
  const plan = await getPlan(ctx.db, commitment.planId);
  const name = (id: string | null) => depts.find((d) => d.id === id)?.name ?? null;
  const document = buildSlipNotice({
    region: { name: region!.name },
    slip,
    commitment: { title: commitment.title, deadline: commitment.deadline, completionRate: commitment.evaluation.completionRate, expectedProgress: commitment.evaluation.expectedProgress, measuredAt: commitment.evaluation.measuredAt },
    leadDepartment: name(slip.departmentId ?? commitment.leadDepartmentId),
    coDepartments: commitment.coDepartmentIds.map(name).filter((n): n is string => n !== null),
    planYear: plan?.year ?? Number(slip.openedOn.slice(0, 4)),
  });
  return { document, slip };
}

/**
 * The documents bench/render-docx.sh cannot write with the CLI: a 督办通知单 (the region's latest
 * slip, as GET /api/supervision-slips/:id/notice serves it) and the web app's 目标任务 list export
 * (the workbook the list page downloads, built by the same function from the same rows).
 *   node bin/run-ts.mjs bench/render-extra.ts REGION OUTDIR
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../src/app/context.ts';
import { listSlipRecords, slipNotice } from '../src/app/escalation/slipRecords.ts';
import { listEvaluatedCommitments } from '../src/app/evaluatedCommitments.ts';
import { SYSTEM_ACTOR } from '../src/app/workflow/access.ts';
import { renderDocument } from '../src/render/index.ts';
import { openDb } from '../src/store/db.ts';
import { getRegion, listDepartments } from '../src/store/regions.ts';
import { commitmentsWorkbook } from '../web/src/commitmentsExport.ts';
import type { EvaluatedCommitment } from '../web/src/model.ts';

const [regionCode = '140802', out = '/tmp/duban-render'] = process.argv.slice(2);
const db = await openDb();
try {
  const ctx = createContext(db);
  const [slip] = await listSlipRecords(db, { regionCodes: [regionCode] });
  if (slip) {
    const { document } = await slipNotice(ctx, { actor: SYSTEM_ACTOR, id: slip.id });
    writeFileSync(join(out, 'slip-notice.docx'), await renderDocument(document, 'docx', { regionCode, appendix: false }));
    console.log(`wrote ${join(out, 'slip-notice.docx')} (${slip.number})`);
  } else console.log(`${regionCode}: no 督办单, no slip notice written`);
  const region = await getRegion(db, regionCode);
  const depts = await listDepartments(db, regionCode);
  const asOf = ctx.today();
  // the list page's default: top-level commitments under supervision, as the API serves them
  const items = (await listEvaluatedCommitments(db, ctx, { regionCodes: [regionCode], parentId: null, asOf })).filter((c) => c.state !== 'draft' && c.state !== 'cancelled');
  const deptName = (id: string | null) => (id ? (depts.find((d) => d.id === id)?.shortName ?? depts.find((d) => d.id === id)?.name ?? '—') : '未指定');
  writeFileSync(join(out, 'commitments-list.xlsx'), commitmentsWorkbook(JSON.parse(JSON.stringify(items)) as EvaluatedCommitment[], { regionName: region?.name ?? regionCode, asOf, deptName }));
  console.log(`wrote ${join(out, 'commitments-list.xlsx')} (${items.length} commitments)`);
} finally {
  await db.close();
}

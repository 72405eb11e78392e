/** The 兑现情况表 as a file (DOCX in 公文 style, or XLSX), for the HTTP download and the CLI alike. */
import { promiseCheckDocument } from '../../domain/prose/promiseCheck.ts';
import { dateLabel } from '../../domain/schedule.ts';
import { renderDocument } from '../../render/index.ts';
import { renderPromiseXlsx } from '../../render/promiseXlsx.ts';
import { getRegion } from '../../store/regions.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../policies/principal.ts';
import { checkPromises } from './checkPromises.ts';

export async function promiseCheckFile(
  ctx: AppContext,
  o: { actor: Principal; regionCode: string; year: number; format: 'docx' | 'xlsx' },
): Promise<{ bytes: Buffer; filename: string; asciiFilename: string }> {
  const report = await checkPromises(ctx, { actor: o.actor, regionCode: o.regionCode, year: o.year });
  const regionName = (await getRegion(ctx.db, o.regionCode))?.name ?? o.regionCode;
  const bytes =
    o.format === 'xlsx'
      ? await renderPromiseXlsx(report, regionName)
      : await renderDocument(promiseCheckDocument({ regionName, year: o.year, dateText: dateLabel(ctx.today()), items: report.items, documents: report.documents }), 'docx', { regionCode: o.regionCode, appendix: false });
  return { bytes, filename: `${regionName}${o.year}年目标任务兑现情况.${o.format}`, asciiFilename: `promise-check-${o.regionCode}-${o.year}.${o.format}` };
}

import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createContext } from '../../app/context.ts';
import { bulletinDocument } from '../../app/documents/bulletinDocument.ts';
import { yearSummaryDocument } from '../../app/documents/yearSummaryDocument.ts';
import { AppError } from '../../app/errors.ts';
import { SYSTEM_ACTOR } from '../../app/workflow/access.ts';
import { renderBulletinXlsx } from '../../render/bulletinXlsx.ts';
import { renderDocument, type DocumentFormat } from '../../render/index.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const USAGE = `duban report bulletin --region CODE --period YYYY-MM [--format docx|md|html|xlsx] --out FILE [--sources] [--date YYYY-MM-DD] [--number 文号]
duban report summary  --region CODE --year YYYY      [--format docx|md|html]      --out FILE [--sources] [--date YYYY-MM-DD] [--number 文号]

督查通报 (bulletin) for a month, or 年度工作纪实 (summary) for a year, written from the data.
--format defaults to the extension of --out; --sources appends 附件：数据来源 (docx, md, html).
--date sets the 成文日期 (default: the day after the period's reports were due, or today if
earlier); the figures are those known on that date, from reports of the period and before.
--number sets the 发文字号, e.g. 盐督通〔2026〕10号.`;

const command: Command = {
  name: 'report',
  summary: 'write a 督查通报 or 年度工作纪实 (docx, md, html, xlsx)',
  usage: USAGE,
  async run(argv) {
    const { options, positionals } = parseArgs(argv, { string: ['region', 'period', 'year', 'format', 'out', 'date', 'number'], boolean: ['sources'] });
    const kind = positionals[0];
    if (kind !== 'bulletin' && kind !== 'summary') throw new UsageError(`say which report: bulletin or summary / 请指定 bulletin 或 summary\n\n${USAGE}`);
    const out = options.out;
    if (typeof out !== 'string') throw new UsageError('--out FILE is required / 请用 --out 指定输出文件');
    if (typeof options.region !== 'string') throw new UsageError('--region CODE is required / 请用 --region 指定行政区划代码');
    const format = (typeof options.format === 'string' ? options.format : extname(out).slice(1)) as DocumentFormat;
    const allowed = kind === 'bulletin' ? ['docx', 'md', 'html', 'xlsx'] : ['docx', 'md', 'html'];
    if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')} / 格式应为 ${allowed.join('、')}`);
    const db = await openDb();
    try {
      const ctx = createContext(db);
      const actor = SYSTEM_ACTOR;
      let bytes: Buffer;
      const set = { date: typeof options.date === 'string' ? options.date : null, number: typeof options.number === 'string' ? options.number : null };
      const render = { regionCode: options.region, appendix: options.sources === true, baseUrl: ctx.config.documents.baseUrl };
      if (kind === 'bulletin') {
        if (typeof options.period !== 'string') throw new UsageError('--period YYYY-MM is required / 请用 --period 指定月份');
        const { document, data } = await bulletinDocument(ctx, { actor, regionCode: options.region, period: options.period, ...set });
        bytes = format === 'xlsx' ? await renderBulletinXlsx(data) : await renderDocument(document, format, render);
      } else {
        if (typeof options.year !== 'string' || !/^\d{4}$/.test(options.year)) throw new UsageError('--year YYYY is required / 请用 --year 指定年份');
        const { document } = await yearSummaryDocument(ctx, { actor, regionCode: options.region, year: Number(options.year), ...set });
        bytes = await renderDocument(document, format as Exclude<DocumentFormat, 'xlsx'>, render);
      }
      writeFileSync(out, bytes);
      console.log(`wrote ${out} (${bytes.length} bytes)`);
      return 0;
    } catch (e) {
      if (e instanceof AppError) {
        console.error(`duban report: ${e.zh} / ${e.en}`);
        return 1;
      }
      throw e;
    } finally {
      await db.close();
    }
  },
};
export default command;

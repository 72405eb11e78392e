import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { createContext } from '../../app/context.ts';
import { importWorkReport } from '../../app/importWorkReport.ts';
import { SYSTEM } from '../../app/policies/principal.ts';
import { DOCUMENT_KIND_LABELS } from '../../domain/extract/context.ts';
import { readDocument } from '../../extract-io/read-document.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';
import { kindOption, KIND_USAGE } from '../kindOption.ts';

const COMPARATOR: Record<string, string> = { gte: '≥', lte: '≤', eq: '=', range: '~', approx: '≈' };

const command: Command = {
  name: 'import',
  summary: 'import a work report: targets → draft commitments, results → facts / 导入政府工作报告',
  usage: [
    'duban import FILE --region CODE --year YYYY [--kind KIND]',
    '',
    'Reads FILE (UTF-8, UTF-16, GBK/GB18030, Big5 or .docx), stores it with the plan of region CODE (行政区划代码)',
    'for YYYY, turns its quantified targets into draft commitments (unit, comparator, target value,',
    'sector from the heading, 民生实事 flag) and its results into recorded facts of YYYY−1.',
    'Importing the same file again creates nothing.',
    ...KIND_USAGE,
  ].join('\n'),
  async run(argv) {
    const { options, positionals } = parseArgs(argv, { string: ['region', 'year', 'kind'] });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE / 请指定一个文件');
    if (typeof options.region !== 'string' || !/^\d{6}$/.test(options.region)) throw new UsageError('--region CODE (six digits) is required / 请用 --region 指定六位行政区划代码');
    if (typeof options.year !== 'string' || !/^\d{4}$/.test(options.year)) throw new UsageError('--year YYYY is required / 请用 --year 指定年份');
    const kind = kindOption(options.kind);
    const file = positionals[0];
    const doc = await readDocument(file);
    const sha256 = createHash('sha256').update(doc.bytes).digest('hex');
    const db = await openDb();
    try {
      const r = await importWorkReport(createContext(db), {
        actor: SYSTEM,
        regionCode: options.region,
        year: Number(options.year),
        filename: basename(file),
        text: doc.text,
        sha256,
        kind,
      });
      const out: string[] = [];
      if (!r.created) {
        out.push(`${file}: already imported (work report ${r.workReport.id}); nothing created / 已导入过，未重复创建`);
        out.push(`  plan ${r.plan.title}: ${r.drafts.length} draft commitments, ${r.facts.length} facts from this file`);
      } else {
        const livelihood = r.drafts.filter((d) => d.livelihood).length;
        out.push(`${file}: ${doc.encoding}, read as ${DOCUMENT_KIND_LABELS[r.context.kind]}${kind ? ' (--kind)' : ''}, ${r.claims.length} claims → plan ${r.plan.title} (${r.plan.id})`);
        out.push(`  created ${r.drafts.length} draft commitments (${livelihood} 民生实事) and ${r.facts.length} facts of ${Number(options.year) - 1}`);
        if (r.drafts.length) out.push('', '  draft commitments / 目标任务草稿:');
        for (const d of r.drafts) {
          const flags = [d.livelihood ? '民生实事' : '', d.sector].filter(Boolean).join(' · ');
          out.push(`    ${COMPARATOR[d.comparator ?? 'eq']} ${`${d.targetValue}${d.unit}`.padEnd(12)} ${d.title}${flags ? `  [${flags}]` : ''}`);
        }
        if (r.facts.length) out.push('', `  facts of ${Number(options.year) - 1} / 上年成果:`);
        for (const f of r.facts) out.push(`    ${`${f.value}${f.unit}`.padEnd(14)} ${f.subject}${f.qualifier ? ` (${f.qualifier})` : ''}`);
      }
      await new Promise<void>((resolve) => process.stdout.write(out.join('\n') + '\n', () => resolve()));
      return 0;
    } finally {
      await db.close();
    }
  },
};
export default command;

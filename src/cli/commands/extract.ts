import { DOCUMENT_KIND_LABELS } from '../../domain/extract/context.ts';
import { kindOption, KIND_USAGE } from '../kindOption.ts';
import { extractDocument, type Claim, type DocumentContext } from '../../domain/extract/extract.ts';
import { readDocument } from '../../extract-io/read-document.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const command: Command = {
  name: 'extract',
  summary: 'list the quantified targets and results in work reports / 提取量化目标与成果',
  usage: [
    'duban extract FILE... [--year YYYY] [--kind KIND] [--json]',
    '',
    'Reads each file (UTF-8, UTF-16, GBK/GB18030, Big5 or .docx) and lists every quantified claim:',
    'kind (result 成果 / target 目标), subject, value, unit, qualifier, offsets, heading.',
    'The document is read with its context: its kind (政府工作报告, 民生实事清单, 工作总结, 新闻报道,',
    '统计公报) from its title and structure, and the year it plans, so a list under a plan title is',
    'targets and a review of an earlier year results.',
    '  --year YYYY  the year the document plans for (default: read from its title or text)',
    ...KIND_USAGE,
    '  --json       one JSON object per line (fields: file, kind, subject, value, unit, normalized,',
    '               qualifier, comparator, range, commitment, start, end, heading, livelihood, sentence)',
  ].join('\n'),
  async run(argv) {
    const { options, positionals } = parseArgs(argv, { boolean: ['json'], string: ['year', 'kind'] });
    if (positionals.length === 0) throw new UsageError('give at least one FILE / 请指定文件');
    if (options.year !== undefined && (typeof options.year !== 'string' || !/^\d{4}$/.test(options.year))) throw new UsageError('--year YYYY: a four-digit year / 年份须为四位数字');
    const year = typeof options.year === 'string' ? Number(options.year) : undefined;
    const kind = kindOption(options.kind);
    for (const file of positionals) {
      const doc = await readDocument(file);
      const { claims, context } = extractDocument(doc.text, { year, kind });
      if (options.json) {
        const lines = claims.map((c) => JSON.stringify({ file, ...c }));
        if (lines.length) await write(lines.join('\n') + '\n');
      } else {
        await write(table(file, claims, context));
      }
    }
    return 0;
  },
};
export default command;

/** Writes to stdout and waits until it is flushed, so `process.exit` afterwards loses nothing in a pipe. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
}

function table(file: string, claims: Claim[], context: DocumentContext): string {
  const year = context.year ? `, plan year ${context.year}${context.yearFrom === 'given' ? '' : ` (from the ${context.yearFrom})`}` : '';
  const out = [`${file}: ${DOCUMENT_KIND_LABELS[context.kind]}${year}; ${claims.length} claims (${claims.filter((c) => c.kind === 'target').length} targets)`];
  for (const c of claims) {
    const kind = c.kind === 'target' ? '目标' : '成果';
    const amount = `${c.qualifier && /^(近|约|逾|超|达)/.test(c.qualifier) ? c.qualifier.split(' ')[0] : ''}${c.valueText}${c.unit}`;
    const cmp = c.comparator === 'gte' ? '≥' : c.comparator === 'lte' ? '≤' : c.comparator === 'approx' ? '≈' : c.range ? `${c.range.low}~${c.range.high}` : '';
    const flags = [cmp, c.livelihood ? '民生实事' : '', c.commitment ? '' : '不立项'].filter(Boolean).join(' ');
    out.push(`  ${String(c.start).padStart(6)}  ${kind}  ${amount.padEnd(14)}  ${c.subject}${flags ? `  [${flags}]` : ''}`);
  }
  return out.join('\n') + '\n\n';
}

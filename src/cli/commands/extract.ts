import { extractClaims, type Claim } from '../../domain/extract/extract.ts';
import { readDocument } from '../../extract-io/read-document.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

const command: Command = {
  name: 'extract',
  summary: 'list the quantified targets and results in work reports / 提取量化目标与成果',
  usage: [
    'duban extract FILE... [--json]',
    '',
    'Reads each file (UTF-8, UTF-16, GBK/GB18030, Big5 or .docx) and lists every quantified claim:',
    'kind (result 成果 / target 目标), subject, value, unit, qualifier, offsets, heading.',
    '  --json   one JSON object per line (fields: file, kind, subject, value, unit, normalized,',
    '           qualifier, comparator, start, end, heading, livelihood, sentence)',
  ].join('\n'),
  async run(argv) {
    const { options, positionals } = parseArgs(argv, { boolean: ['json'] });
    if (positionals.length === 0) throw new UsageError('give at least one FILE / 请指定文件');
    for (const file of positionals) {
      const doc = await readDocument(file);
      const claims = extractClaims(doc.text);
      if (options.json) {
        const lines = claims.map((c) => JSON.stringify({ file, ...c }));
        if (lines.length) await write(lines.join('\n') + '\n');
      } else {
        await write(table(file, claims));
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

function table(file: string, claims: Claim[]): string {
  const out = [`${file}: ${claims.length} claims (${claims.filter((c) => c.kind === 'target').length} targets)`];
  for (const c of claims) {
    const kind = c.kind === 'target' ? '目标' : '成果';
    const amount = `${c.qualifier && /^(近|约|逾|超|达)/.test(c.qualifier) ? c.qualifier.split(' ')[0] : ''}${c.valueText}${c.unit}`;
    const flags = [c.comparator && c.comparator !== 'eq' ? (c.comparator === 'gte' ? '≥' : '≤') : '', c.livelihood ? '民生实事' : ''].filter(Boolean).join(' ');
    out.push(`  ${String(c.start).padStart(6)}  ${kind}  ${amount.padEnd(14)}  ${c.subject}${flags ? `  [${flags}]` : ''}`);
  }
  return out.join('\n') + '\n\n';
}

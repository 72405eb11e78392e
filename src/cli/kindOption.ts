/** `--kind KIND` of `duban extract` and `duban import`: the document's kind when its title and structure mislead. */
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, parseDocumentKind, type DocumentKind } from '../domain/extract/context.ts';
import { UsageError } from './command.ts';

export const KIND_USAGE = [
  '  --kind KIND  what the document is, when its title and structure mislead (default: read from them):',
  '               report (政府工作报告, 预期目标), list (民生实事/实事项目清单), summary (工作总结/纪实),',
  '               news (新闻报道), statistics (统计公报); the Chinese names are accepted too',
];

/** The kind named by `--kind`, undefined when not given; a UsageError naming the choices when unknown. */
export function kindOption(value: unknown): DocumentKind | undefined {
  if (value === undefined) return undefined;
  const kind = typeof value === 'string' ? parseDocumentKind(value) : null;
  if (!kind) {
    const choices = DOCUMENT_KINDS.map((k) => `${k} (${DOCUMENT_KIND_LABELS[k]})`).join(', ');
    throw new UsageError(`--kind: unknown kind "${String(value)}"; one of report, list, summary, news, statistics / 文件类型应为：${choices}`);
  }
  return kind;
}

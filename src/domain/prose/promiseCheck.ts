/**
 * 兑现情况表 as a document: one paragraph with the counts, then the table — promised, reported by
 * the departments, stated by the government, the verdict and the sentence that says so.
 */
import type { PromiseStatus } from '../reconcile.ts';
import type { ProseDocument } from './document.ts';

export const PROMISE_STATUS_ZH: Record<PromiseStatus, string> = { kept: '已兑现', partial: '部分兑现', missed: '未兑现', unmentioned: '未提及' };
export const CONSISTENCY_ZH = { consistent: '一致', statedAbove: '表述高于报送', statedBelow: '表述低于报送' } as const;
const CONSISTENCY_SHORT = { statedAbove: '高于报送', statedBelow: '低于报送' } as const;

/** The rows the document needs (the use case's rows fit). */
export interface PromiseDocRow {
  title: string;
  target: string;
  unit: string | null;
  status: PromiseStatus;
  statedText: string | null;
  reportedValue: string | null;
  consistency: keyof typeof CONSISTENCY_ZH | null;
  source: { documentId: string; sentence: string } | null;
  confirmed: boolean;
}

/** The document a result is stated in, by name without extension: 《盐湖区2025年政府工作报告》. */
const documentName = (id: string, documents: readonly { id: string; filename: string }[]) => {
  const name = documents.find((d) => d.id === id)?.filename.replace(/\.[a-z0-9]{1,5}$/i, '');
  return name ? `《${name}》` : null;
};

/** 出处: the document and the sentence that says so — 《盐湖区2025年政府工作报告》：“改造农村厕所2000座。” */
export function sourceText(r: Pick<PromiseDocRow, 'source'>, documents: readonly { id: string; filename: string }[]): string | null {
  if (!r.source) return null;
  const doc = documentName(r.source.documentId, documents);
  return `${doc ? `${doc}：` : ''}“${r.source.sentence}”`;
}

export function promiseCheckDocument(o: { regionName: string; year: number; dateText: string; items: readonly PromiseDocRow[]; documents?: readonly { id: string; filename: string }[] }): ProseDocument {
  const n = (s: PromiseStatus) => o.items.filter((r) => r.status === s).length;
  const flagged = o.items.filter((r) => r.consistency === 'statedAbove' || r.consistency === 'statedBelow').length;
  const confirmed = o.items.filter((r) => r.confirmed).length;
  const sourceDocs = [...new Set(o.items.flatMap((r) => (r.source ? [r.source.documentId] : [])))];
  const oneDocument = sourceDocs.length === 1 ? documentName(sourceDocs[0]!, o.documents ?? []) : null;
  const summary =
    `对照${o.year + 1}年度文件对${o.regionName}${o.year}年${o.items.length}项目标任务逐项核验：` +
    `已兑现${n('kept')}项，部分兑现${n('partial')}项，未兑现${n('missed')}项，文件未提及${n('unmentioned')}项` +
    (flagged ? `；另有${flagged}项文件表述与部门报送数据不一致，需核实` : '') +
    `。${confirmed ? `其中${confirmed}项已经督查室确认。` : '核验结果为自动比对，尚待督查室确认。'}`;
  return {
    kind: 'promiseCheck',
    title: `${o.regionName}${o.year}年目标任务兑现情况`,
    subtitle: null,
    issuer: `${o.regionName}人民政府督查室`,
    dateText: o.dateText,
    blocks: [
      { kind: 'paragraph', parts: [summary] },
      {
        kind: 'table',
        caption: `${o.year}年目标任务兑现情况表`,
        columns: ['序号', '目标任务', '目标', '部门报送', '文件表述', '兑现情况'],
        rows: o.items.map((r, i) => [
          String(i + 1),
          r.title,
          r.target,
          r.reportedValue !== null && r.unit ? `${r.reportedValue}${r.unit}` : '—',
          r.statedText ?? (r.source ? '见原文' : '—'),
          PROMISE_STATUS_ZH[r.status] + (r.consistency && r.consistency !== 'consistent' ? `（${CONSISTENCY_SHORT[r.consistency]}）` : ''),
        ]),
      },
      // 出处, numbered as the table — the sentences in full below it, as a column of them would be
      // too narrow on A4 portrait — each with the document it is from, named once when all are from one
      ...(o.items.some((r) => r.source)
        ? [
            { kind: 'heading' as const, level: 2 as const, text: '文件原文摘录（出处）' },
            ...(oneDocument ? [{ kind: 'paragraph' as const, parts: [`以下原文均摘自${oneDocument}。`] }] : []),
            ...o.items.flatMap((r, i) =>
              r.source ? [{ kind: 'paragraph' as const, parts: [`${i + 1}．${r.title}：${oneDocument ? `“${r.source.sentence}”` : sourceText(r, o.documents ?? [])}`] }] : [],
            ),
          ]
        : []),
    ],
  };
}

/**
 * Scores 兑现核验 matching on the labelled pairs (test/corpus/promises.json): each region's 2025
 * targets against the 2026 report in the shared corpus, read as an import would read it (its
 * results become facts of 2025). Used by the corpus test and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractClaims } from '../../src/domain/extract/extract.ts';
import { reconcile, type PromiseCheck, type PromiseStatus } from '../../src/domain/reconcile.ts';

interface LabelledCommitment {
  title: string;
  target: string;
  unit: string;
  comparator: string;
  gold: { status: PromiseStatus; stated: string | null };
}
interface LabelledRegion {
  name: string;
  file: string;
  year: number;
  commitments: LabelledCommitment[];
}

export interface PromiseScore {
  regions: number;
  commitments: number;
  /** of the commitments matched, the share matched to the right statement (value where it has one) */
  precision: number;
  /** of the commitments the text states, the share matched to the right statement */
  recall: number;
  /** verdicts equal to the label */
  statusAccuracy: number;
  /** commitments the text states that were called unmentioned (must be none) */
  wrongUnmentioned: string[];
  rows: Array<{ region: string; title: string; gold: LabelledCommitment['gold']; got: Pick<PromiseCheck, 'status' | 'statedValue'> }>;
}

export function scorePromises(corpusDir: string): PromiseScore {
  const labelled = JSON.parse(readFileSync(join(import.meta.dirname, 'promises.json'), 'utf8')) as { regions: LabelledRegion[] };
  const rows: PromiseScore['rows'] = [];
  for (const r of labelled.regions) {
    const text = readFileSync(join(corpusDir, r.file), 'utf8');
    const facts = extractClaims(text, { planYear: r.year + 1 })
      .filter((c) => c.kind === 'result')
      .map((c, i) => ({ id: `f${i}`, subject: c.subject, value: c.valueText, unit: c.unit, qualifier: c.qualifier, source: { documentId: r.name, start: c.start, end: c.end, sentence: c.sentence } }));
    const commitments = r.commitments.map((c, i) => ({
      id: `c${i}`, parentId: null, title: c.title, sector: '', kind: 'quantitative' as const, targetValue: c.target, targetValueMax: null,
      unit: c.unit, comparator: c.comparator, reportedValue: null, reportedPeriod: null,
    }));
    const checks = reconcile(commitments, facts, [{ id: r.name, text, planYear: r.year + 1 }]);
    r.commitments.forEach((c, i) => rows.push({ region: r.name, title: c.title, gold: c.gold, got: { status: checks[i]!.status, statedValue: checks[i]!.statedValue } }));
  }
  const right = (x: (typeof rows)[number]) =>
    x.gold.status !== 'unmentioned' && x.got.status !== 'unmentioned' && (x.gold.stated === null || (x.got.statedValue !== null && Math.abs(Number(x.got.statedValue) - Number(x.gold.stated)) < 1e-9));
  const matched = rows.filter((x) => x.got.status !== 'unmentioned');
  const stated = rows.filter((x) => x.gold.status !== 'unmentioned');
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    regions: labelled.regions.length,
    commitments: rows.length,
    precision: share(matched.filter(right).length, matched.length),
    recall: share(stated.filter(right).length, stated.length),
    statusAccuracy: share(rows.filter((x) => x.got.status === x.gold.status).length, rows.length),
    wrongUnmentioned: stated.filter((x) => x.got.status === 'unmentioned').map((x) => `${x.region} ${x.title}`),
    rows,
  };
}

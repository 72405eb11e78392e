/**
 * 兑现核验 matching quality on the labelled consecutive-year pairs (test/corpus/promises.json):
 * precision, recall and verdict accuracy, written to bench/RESULTS.md.
 */
import { sharedCorpus } from '../test/corpus/checks.ts';
import { scorePromises } from '../test/corpus/promiseScore.ts';
import { machineLine, writeSection } from './results.ts';

export default async function run(): Promise<void> {
  const corpus = sharedCorpus();
  if (!corpus) {
    console.log('bench/reconcile: no ../shared/corpus — skipped');
    return;
  }
  const s = scorePromises(corpus);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const misses = s.rows.filter((r) => r.got.status !== r.gold.status || (r.gold.stated !== null && r.got.statedValue !== r.gold.stated));
  const body = [
    machineLine(),
    '',
    `Each region's 2025 targets (titles our own, figures as the 2025 reports set them) against the 2026 report of the same province in ../shared/corpus/reports, read as \`duban import\` reads it (its results become facts of 2025). Goal ≥ 90% precision and recall, and no stated commitment called 未提及.`,
    '',
    '| regions | commitments | stated in the text | precision | recall | verdict accuracy | stated but called 未提及 |',
    '|---|---|---|---|---|---|---|',
    `| ${s.regions} | ${s.commitments} | ${s.rows.filter((r) => r.gold.status !== 'unmentioned').length} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.statusAccuracy)} | ${s.wrongUnmentioned.length} |`,
    '',
    misses.length ? `Disagreements: ${misses.map((m) => `${m.region} ${m.title}: labelled ${m.gold.status} ${m.gold.stated ?? ''}, got ${m.got.status} ${m.got.statedValue ?? ''}`).join('; ')}.` : 'No disagreement with the labels.',
    'The set is small (headline indicators of four provinces); the demo’s next-year excerpts (src/demo/nextYearReports.ts) exercise milestones, parents and departments’ figures, and are tested in src/server/promiseChecks.test.ts.',
  ].join('\n');
  writeSection('兑现核验 matching (consecutive-year reports)', body);
  console.log(body);
}

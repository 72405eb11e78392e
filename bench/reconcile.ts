/**
 * 兑现核验 matching quality on the labelled consecutive-year pairs (test/corpus/promises.json):
 * precision, recall and verdict accuracy, written to bench/RESULTS.md.
 */
import { sharedCorpus } from '../test/corpus/checks.ts';
import { scorePromises } from '../test/corpus/promiseScore.ts';
import { reconcile, subjectSimilarity, type PromiseInput, type StatedResult } from '../src/domain/reconcile.ts';
import { machineLine, writeSection } from './results.ts';

/** A large district's year: `n` quantitative commitments against `m` stated results in one unit (every pair compared). */
function matchingTime(n: number, m: number): [now: number, perPairKeys: number] {
  const sectors = ['城镇老旧小区改造', '新增城镇就业', '农村公路提质改造', '义务教育学位', '污水管网建设', '养老服务床位'];
  const commitments: PromiseInput[] = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`, parentId: null, title: `${sectors[i % sectors.length]}第${i}批项目${i + 10}个`, sector: '民生', kind: 'quantitative',
    targetValue: String(i + 10), targetValueMax: null, unit: '个', comparator: 'gte', reportedValue: null, reportedPeriod: null,
  }));
  const facts: StatedResult[] = Array.from({ length: m }, (_, i) => {
    const sentence = `全年完成${sectors[(i * 7) % sectors.length]}第${i}批项目${i + 12}个，超额完成年度任务。`;
    return { id: `f${i}`, subject: `${sectors[(i * 7) % sectors.length]}第${i}批项目`, value: String(i + 12), unit: '个', qualifier: null, source: { documentId: 'd', start: 0, end: sentence.length, sentence } };
  });
  const documents = [{ id: 'd', text: facts.map((f) => f.source!.sentence).join('\n') }];
  const t0 = performance.now();
  reconcile(commitments, facts, documents);
  const t1 = performance.now();
  // as before: each pair's two texts keyed anew (title × subject and title × clause)
  for (const c of commitments) for (const f of facts) Math.max(subjectSimilarity(c.title, f.subject), subjectSimilarity(c.title, f.source!.sentence));
  return [t1 - t0, performance.now() - t1];
}

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
    '',
    'Speed of one check, all figures in one unit so every pair is compared; each text keyed once per check, against keying both texts of every pair anew (as before):',
    '',
    '| commitments × stated results | keyed once | keyed per pair |',
    '|---|---|---|',
    ...[[100, 100], [300, 200], [600, 400]].map(([n, m]) => {
      const [now, before] = matchingTime(n!, m!);
      return `| ${n} × ${m} | ${now.toFixed(0)} ms | ${before.toFixed(0)} ms |`;
    }),
    '',
    'The set is small (headline indicators of four provinces); the demo’s next-year excerpts (src/demo/nextYearReports.ts) exercise milestones, parents and departments’ figures, and are tested in src/server/promiseChecks.test.ts.',
  ].join('\n');
  writeSection('兑现核验 matching (consecutive-year reports)', body);
  console.log(body);
}

/**
 * 兑现核验 on real documents: each labelled region's 2025 targets against its 2026 report
 * (test/corpus/promises.json, reports in ../shared/corpus): matching precision and recall ≥ 0.90,
 * and no commitment the text states is called unmentioned. Skipped, with a message, without the corpus.
 */
import { describe, expect, it } from 'vitest';
import { sharedCorpus } from '../../test/corpus/checks.ts';
import { scorePromises } from '../../test/corpus/promiseScore.ts';

const corpus = sharedCorpus();
if (!corpus) console.warn('[reconcileCorpus.test] SKIPPED: no corpus at ../shared/corpus next to the repository');

describe.skipIf(!corpus)('兑现核验 on the labelled consecutive-year reports', () => {
  it('matches ≥ 90% of stated results rightly, with ≥ 90% precision, and never calls a stated commitment unmentioned', () => {
    const s = scorePromises(corpus!);
    expect(s.regions).toBeGreaterThanOrEqual(3);
    expect(s.wrongUnmentioned).toEqual([]);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.statusAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

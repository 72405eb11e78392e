/**
 * Extraction on adversarial input: each text of test/adversarialText.ts at 256 KB and 1 MB, best
 * of three runs each, and the ratio (linear growth gives about 4×, quadratic 16×). Timing lives
 * here, not in the suite, where a busy machine would make it fail.
 */
import { extractClaims } from '../src/domain/extract/extract.ts';
import { ADVERSARIAL_TEXTS } from '../test/adversarialText.ts';
import { machineLine, writeSection } from './results.ts';

function bestOf3(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    extractClaims(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export default async function run(): Promise<void> {
  const MB = 1 << 20;
  const rows = ADVERSARIAL_TEXTS.map(([name, make]) => {
    const small = bestOf3(make(MB / 4));
    const big = bestOf3(make(MB));
    return `| ${name} | ${small.toFixed(0)} ms | ${big.toFixed(0)} ms | ${(big / small).toFixed(1)}× |`;
  });
  writeSection('Extraction on adversarial input (growth with size)', [
    machineLine(),
    '',
    'Goal: 1 MB well under 5 s, and 4× the input costing about 4× (quadratic growth would cost 16×).',
    '',
    '| text | 256 KB | 1 MB | ratio |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n'));
}

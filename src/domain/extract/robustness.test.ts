/**
 * Robustness: extractClaims never throws and its time grows linearly with the input
 * (random Unicode, report-like token soup, 1 MB of digits, repeated scale characters,
 * unbalanced brackets and quotes, very long lines).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims, type Claim } from './extract.ts';

function wellFormed(text: string, claims: Claim[]) {
  for (const c of claims) {
    expect(c.kind === 'result' || c.kind === 'target').toBe(true);
    expect(Number.isFinite(c.value)).toBe(true);
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.end).toBeLessThanOrEqual(text.length);
  }
}

const TOKENS = [
  '新建', '完成', '力争', '确保', '预计', '控制在', '以上', '以内', '余', '多', '近', '超', '万', '亿', '千', '百', '十',
  '元', '亩', '公顷', '公里', '人次', '个', '家', '%', '％', '个百分点', '成', '、', '，', '。', '；', '\n', '\n\n', ' ',
  '“', '”', '（', '）', '《', '》', '第', '年', '月', '分别达到', '增长', '下降', '2024', '3.5', '１２', '0', '17',
  '两', '三', '一千二百', '民生实事', '展望2025', '回顾2024', '1.', '◆', '...',
];

/** Milliseconds to extract from `text` (best of 3 runs). */
function timeOf(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    extractClaims(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('extractClaims robustness', () => {
  it('never throws on random Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        wellFormed(s, extractClaims(s));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on report-like token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }), (parts) => {
        const s = parts.join('');
        wellFormed(s, extractClaims(s));
      }),
      { numRuns: 500 },
    );
  });

  const MB = 1 << 20;
  const cases: Array<[string, (n: number) => string]> = [
    ['digits', (n) => '7'.repeat(n)],
    ['repeated scale characters', (n) => '万万万亿亿'.repeat(Math.ceil(n / 5)).slice(0, n)],
    ['unbalanced brackets and quotes', (n) => '“（《【「'.repeat(Math.ceil(n / 5)).slice(0, n)],
    ['one very long line of claims', (n) => '新建公园1个、道路2公里、投资3亿元'.repeat(Math.ceil(n / 18)).slice(0, n)],
    ['a long report-like text', (n) => '全区新增就业1200人，增长5.2%；力争完成投资30亿元以上。\n'.repeat(Math.ceil(n / 30)).slice(0, n)],
  ];

  it.each(cases)('handles 1 MB of %s in time proportional to its size', (_name, make) => {
    const small = make(MB / 4);
    const big = make(MB);
    expect(() => extractClaims(big)).not.toThrow();
    const tSmall = timeOf(small);
    const tBig = timeOf(big);
    // generous bounds: 1 MB well under 5 s, and 4× the input costs far less than the 16× of quadratic growth
    expect(tBig).toBeLessThan(5000);
    expect(tBig).toBeLessThan(Math.max(10 * tSmall, 250));
  });
});

/**
 * Robustness: extractClaims never throws and gives well-formed claims on any input
 * (random Unicode, report-like token soup, 1 MB of digits, repeated scale characters,
 * unbalanced brackets and quotes, very long lines).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims, type Claim } from './extract.ts';
import { ADVERSARIAL_TEXTS } from '../../../test/adversarialText.ts';

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

  // how the time grows with the size is measured in bench/extractScaling.ts (timing has no place in the suite)
  it.each(ADVERSARIAL_TEXTS)('reads 1 MB of %s without failing, every claim inside the text', (_name, make) => {
    const text = make(1 << 20);
    wellFormed(text, extractClaims(text));
  });
});

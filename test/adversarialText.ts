/** Texts built to make an extractor slow (long runs of digits, scale characters, brackets, one endless line): shared by the robustness test and bench/extractScaling.ts. */
export const ADVERSARIAL_TEXTS: Array<[name: string, make: (chars: number) => string]> = [
  ['digits', (n) => '7'.repeat(n)],
  ['repeated scale characters', (n) => '万万万亿亿'.repeat(Math.ceil(n / 5)).slice(0, n)],
  ['unbalanced brackets and quotes', (n) => '“（《【「'.repeat(Math.ceil(n / 5)).slice(0, n)],
  ['one very long line of claims', (n) => '新建公园1个、道路2公里、投资3亿元'.repeat(Math.ceil(n / 18)).slice(0, n)],
  ['a long report-like text', (n) => '全区新增就业1200人，增长5.2%；力争完成投资30亿元以上。\n'.repeat(Math.ceil(n / 30)).slice(0, n)],
];

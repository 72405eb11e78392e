/** Every UI text is Chinese with English in the i18n file: each literal `t('…')` in the web app has its English entry. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN } from '../../web/src/en.ts';

const root = new URL('../../web/src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.gen.ts') ? [join(dir, e.name)] : []));

describe('the English texts', () => {
  it('cover every Chinese text the pages look up', () => {
    const missing: string[] = [];
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\((['"`])((?:(?!\1)[^\\]|\\.)*)\1\)/g)) {
        // a text built with ${…} is never found: it needs its English beside it (lang === 'en' ? … : …)
        if (/[\u4e00-\u9fff]/.test(m[2]!) && (m[2]!.includes('${') || !(m[2]! in EN))) missing.push(`${file.slice(root.length)}: ${m[2]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

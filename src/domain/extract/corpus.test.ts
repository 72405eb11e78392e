/**
 * Quality gate: runs the corpus scorer (../shared/corpus/score.mjs) on the extractor's output for
 * the labelled seed documents. Fails below value+unit F1 0.92 or strict F1 0.85.
 * Skipped, with a message, when the corpus is not next to the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractClaims } from './extract.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const corpus = resolve(repoRoot, '../shared/corpus');
const present = existsSync(join(corpus, 'score.mjs')) && existsSync(join(corpus, 'seeds'));
if (!present) console.warn(`[corpus.test] SKIPPED: no labelled corpus at ${corpus} (expected ../shared/corpus next to the repository)`);

describe.skipIf(!present)('extraction quality on the labelled corpus', () => {
  it('reaches value+unit F1 ≥ 0.92 and strict F1 ≥ 0.85', () => {
    const seeds = join(corpus, 'seeds');
    const dir = mkdtempSync(join(tmpdir(), 'duban-corpus-'));
    try {
      const lines: string[] = [];
      for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt')).sort()) {
        const doc = basename(f, '.txt');
        for (const c of extractClaims(readFileSync(join(seeds, f), 'utf8'))) {
          lines.push(JSON.stringify({ doc, kind: c.kind, subject: c.subject, value: c.value, unit: c.unit, start: c.start }));
        }
      }
      const pred = join(dir, 'pred.jsonl');
      writeFileSync(pred, lines.join('\n') + '\n');
      const out = execFileSync(process.execPath, [join(corpus, 'score.mjs'), '--docs', seeds, '--gold', join(corpus, 'gold'), '--pred', pred], { encoding: 'utf8' });
      const last = out.trim().split('\n').pop() ?? '';
      console.log(`[corpus.test] ${last}`);
      const f1 = Number(/^F1 ([\d.]+)/.exec(last)?.[1]);
      const strict = Number(/strict-F1 ([\d.]+)/.exec(last)?.[1]);
      expect(f1).toBeGreaterThanOrEqual(0.92);
      expect(strict).toBeGreaterThanOrEqual(0.85);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

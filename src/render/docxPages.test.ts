/**
 * The 版记 on an even page (GB/T 9704), over every demo bulletin with and without its sources
 * appendix: the page estimate's bounds, and — where LibreOffice and poppler are installed (apt-get
 * install libreoffice-writer-nogui poppler-utils; skipped otherwise) — the pages as LibreOffice lays
 * them out: every 版记 on an even page, on the body's last page where the estimate put it there,
 * and the body's real end within the estimate's bounds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { bulletinDocument } from '../app/documents/bulletinDocument.ts';
import { SYSTEM_ACTOR } from '../app/workflow/access.ts';
import { loadDemoData } from '../demo/loadDemo.ts';
import type { ProseDocument } from '../domain/prose/document.ts';
import type { Db } from '../store/db.ts';
import { openTestDb } from '../store/testing.ts';
import { columnWidths, renderDocx } from './docx.ts';
import { estimateBodyEnd, imprintPage, lineBounds } from './docxPages.ts';
import type { RenderOptions } from './markdown.ts';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const office = has('soffice') && has('pdftotext');

describe('lineBounds', () => {
  it('sets 28 characters of 三号 to a line of the 版心; a closing mark after them hangs or pulls one down; a number never breaks', () => {
    const width = (210 - 28 - 26) * (72 / 25.4);
    expect(lineBounds('一'.repeat(28), 16, width, 0, -0.25)).toEqual([1, 1]);
    expect(lineBounds('一'.repeat(29), 16, width, 0, -0.25)).toEqual([2, 2]);
    expect(lineBounds(`${'一'.repeat(28)}。`, 16, width, 0, -0.25)).toEqual([1, 2]);
    // the first line indented two characters: 26 fit; 3660个 does not break, so 25 + the number
    expect(lineBounds(`${'一'.repeat(25)}3660个`, 16, width, 32, -0.25)).toEqual([2, 2]);
    expect(lineBounds('一'.repeat(26), 16, width, 32, -0.25)).toEqual([1, 1]);
  });
});

describe('版记 on an even page, over every demo bulletin', () => {
  let db: Db;
  const docs: Array<{ name: string; doc: ProseDocument; opts: RenderOptions }> = [];

  beforeAll(async () => {
    db = await openTestDb('pglite');
    const ctx = createContext(db, undefined, () => '2026-12-03');
    await loadDemoData(ctx);
    const plans = await db.query<{ region_code: string; year: number }>('select region_code, year from plan order by region_code, year');
    for (const p of plans) {
      for (let m = 1; m <= 12; m++) {
        const period = `${p.year}-${String(m).padStart(2, '0')}`;
        const { document } = await bulletinDocument(ctx, { actor: SYSTEM_ACTOR, regionCode: p.region_code, period });
        docs.push({ name: `${p.region_code}-${period}`, doc: document, opts: { regionCode: p.region_code } });
        docs.push({ name: `${p.region_code}-${period}-sources`, doc: { ...document, number: '盐督通〔2026〕10号' }, opts: { regionCode: p.region_code, appendix: true } });
      }
    }
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the estimate bounds where the body ends, and keeps the 版记 on the last page only when both bounds end it on one even page with room', () => {
    expect(docs.length).toBeGreaterThanOrEqual(100);
    let last = 0;
    for (const { name, doc, opts } of docs) {
      const e = estimateBodyEnd(doc, opts, columnWidths);
      expect(e.early.page * 10_000 + e.early.used, name).toBeLessThanOrEqual(e.late.page * 10_000 + e.late.used);
      if (imprintPage(doc, opts, columnWidths) === 'lastPage') {
        last++;
        expect(e.early.page, name).toBe(e.late.page);
        expect(e.early.page % 2, name).toBe(0);
        expect(e.late.used + e.imprint, name).toBeLessThanOrEqual(e.pageHeight);
      }
    }
    // some stay on their last page: the estimate is no excuse to move them all
    expect(last).toBeGreaterThan(0);
  });

  /** The text of each page of a PDF, blank pages included. */
  const pdfPages = (pdf: string): string[] => {
    const out = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    return out.split('\f').slice(0, -1);
  };
  const convert = (dir: string, files: string[]) => {
    const r = spawnSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}', '--outdir', dir, ...files],
      { env: { ...process.env, FONTCONFIG_FILE: join(import.meta.dirname, '../../docs/fonts.conf') }, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
  };

  it.skipIf(!office)('LibreOffice sets every 版记 on an even page — on the body\'s last page where the estimate put it — and ends the body within the estimate\'s bounds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-imprint-'));
    try {
      for (const { name, doc, opts } of docs) {
        writeFileSync(join(dir, `${name}.docx`), await renderDocx(doc, opts));
        writeFileSync(join(dir, `${name}-last.docx`), await renderDocx(doc, { ...opts, imprintPage: 'lastPage' }));
      }
      convert(dir, docs.flatMap(({ name }) => [join(dir, `${name}.docx`), join(dir, `${name}-last.docx`)]));
      const imprintOn = (pages: string[]) => pages.findIndex((p) => p.includes('印发')) + 1;
      for (const { name, doc, opts } of docs) {
        const pages = pdfPages(join(dir, `${name}.pdf`));
        const at = imprintOn(pages);
        expect(at, name).toBe(pages.length);
        expect(at % 2, `${name}: 版记 on page ${at}`).toBe(0);
        // the page holds the 版记 alone, or the body's end with it where the estimate kept it there
        const rest = pages[at - 1]!.replace(/抄送：.*|.*印发|—\s*\d+\s*—/g, '').trim();
        if (imprintPage(doc, opts, columnWidths) === 'lastPage') expect(rest, name).not.toBe('');
        // …and laid out with the 版记 on the last page whatever its number, the body ends within the bounds
        const e = estimateBodyEnd(doc, opts, columnWidths);
        const withImprint = (x: { page: number; used: number }) => (x.used + e.imprint <= e.pageHeight ? x.page : x.page + 1);
        const actual = imprintOn(pdfPages(join(dir, `${name}-last.pdf`)));
        expect(actual, name).toBeGreaterThanOrEqual(withImprint(e.early));
        expect(actual, name).toBeLessThanOrEqual(withImprint(e.late));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // LibreOffice lays out 480 documents: minutes on a quiet machine, more than the suite's 5 when another
    // copy of the suite runs; the limit only guards against a hang, it is no speed goal
  }, 3_600_000);
});

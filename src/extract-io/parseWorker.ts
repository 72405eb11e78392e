/**
 * What the parse pool's worker threads do (parsePool.ts runs them): check an uploaded .xlsx or
 * .docx against the limits (archiveGuard.ts), then parse it with ExcelJS or mammoth. Both are
 * synchronous for seconds on a large file, so they never run on the server's event loop. A task
 * answers with a plain object (errors as data: a worker's thrown error loses its class and fields
 * on the way back).
 */
import { ArchiveLimitError, checkDocx, checkSpreadsheet } from './archiveGuard.ts';
import { readTaskSheet, type FilledTaskSheet } from '../render/taskSheetXlsx.ts';

/** A task's input: the file's bytes, and in tests a barrier to hold the task mid-parse. */
export interface ParseTask {
  bytes: Uint8Array;
  /**
   * Test hook (parsePool's `holdParsing`): Int32Array over a SharedArrayBuffer; the worker sets
   * [0] to 1 once it has parsed and waits until [1] is non-zero before answering.
   */
  barrier?: Int32Array;
}

export type Parsed<T> =
  | { ok: true; value: T }
  /** refused by a limit (`file_too_large`) or not a readable file of that kind (`file_unreadable`) */
  | { ok: false; code: 'file_too_large' | 'file_unreadable'; zh: string; en: string };

/** The rows of an .xlsx's first sheet as trimmed text cells, with their row numbers (blank rows skipped). */
export type Grid = { row: number; cells: string[] }[];

function hold(barrier: Int32Array | undefined): void {
  if (!barrier) return;
  Atomics.store(barrier, 0, 1);
  Atomics.notify(barrier, 0);
  while (Atomics.load(barrier, 1) === 0) Atomics.wait(barrier, 1, 0);
}

async function guarded<T>(check: (bytes: Uint8Array) => Promise<void>, task: ParseTask, parse: () => Promise<T>, unreadable: string): Promise<Parsed<T>> {
  try {
    await check(task.bytes);
  } catch (e) {
    if (e instanceof ArchiveLimitError) return { ok: false, code: e.code, zh: e.zh, en: e.en };
    throw e;
  }
  let value: T;
  try {
    value = await parse();
  } catch (e) {
    return { ok: false, code: 'file_unreadable', zh: `${unreadable}（${(e as Error).message}）`, en: `cannot read the file (${(e as Error).message})` };
  }
  hold(task.barrier);
  return { ok: true, value };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string };
    if ('result' in o) return cellText(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

/** The first sheet of an .xlsx (projects, indicators). */
export function xlsxGrid(task: ParseTask): Promise<Parsed<Grid>> {
  return guarded(checkSpreadsheet, task, async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(task.bytes) as unknown as ArrayBuffer);
    const grid: Grid = [];
    wb.worksheets[0]?.eachRow({ includeEmpty: false }, (r, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= r.cellCount; c++) cells.push(cellText(r.getCell(c).value).trim());
      grid.push({ row: n, cells });
    });
    return grid;
  }, '无法读取该 Excel 文件');
}

/** A filled 任务填报表; null when the workbook is not one. */
export function taskSheet(task: ParseTask): Promise<Parsed<FilledTaskSheet | null>> {
  return guarded(checkSpreadsheet, task, () => readTaskSheet(task.bytes), '无法读取该 Excel 文件');
}

/** The text of a .docx (mammoth's raw text). */
export function docxText(task: ParseTask): Promise<Parsed<string>> {
  return guarded(checkDocx, task, async () => {
    const mammoth = await import('mammoth');
    return (await mammoth.extractRawText({ buffer: Buffer.from(task.bytes) })).value;
  }, '无法读取 .docx 文件');
}

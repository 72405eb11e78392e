/**
 * Parses uploaded .xlsx and .docx files in worker threads (parseWorker.ts), so that the server
 * keeps answering while ExcelJS or mammoth work for seconds on a large file. piscina keeps the
 * pool: bounded threads and queue, a V8 heap limit per worker (resourceLimits), a worker that dies
 * (out of memory, crash) replaced for the next task; idle workers exit and give their memory back.
 * Chosen over workerpool and tinypool: piscina is the pool Node's own contributors keep, types
 * included, and it maps resourceLimits and queue limits onto plain promise rejections.
 * Limits: LIMITS.parsing in src/domain/limits.ts.
 */
import { Piscina } from 'piscina';
import { LIMITS } from '../domain/limits.ts';
import type { FilledTaskSheet } from '../render/taskSheetXlsx.ts';
import type { Grid, Parsed, ParseTask } from './parseWorker.ts';

/** A file that could not be parsed: `status` is the HTTP answer (400 the file, 503 busy, 500 a crash). */
export class FileParseError extends Error {
  constructor(
    readonly code: 'file_too_large' | 'file_unreadable' | 'file_too_complex' | 'parser_busy' | 'parser_failed',
    readonly zh: string,
    readonly en: string,
    readonly status: 400 | 500 | 503,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'FileParseError';
  }
}

interface PoolOptions {
  maxThreads: number;
  maxQueue: number;
  maxHeapMb: number;
  idleMs: number;
}

let options: PoolOptions = { ...LIMITS.parsing };
let pool: Piscina | undefined;
let nextBarrier: Int32Array | undefined;

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./parseWorker.mjs', import.meta.url).href,
    minThreads: 0, // no thread until the first upload (a CLI command that parses nothing starts none)
    maxThreads: options.maxThreads,
    maxQueue: options.maxQueue,
    idleTimeout: options.idleMs,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
  });
  return pool;
}

/** Replaces the pool's settings (tests: a small heap); the current pool finishes its tasks and closes. */
export async function configureParsePool(o: Partial<PoolOptions>): Promise<void> {
  const old = pool;
  pool = undefined;
  options = { ...LIMITS.parsing, ...o };
  await old?.close();
}

/**
 * Test hook: the next task, once parsed, waits in its worker until `release()`; `parsed` resolves
 * when it got there. Lets a test prove the server answers while a parse is in progress, ordered by
 * this barrier rather than by time.
 */
export function holdNextParse(): { parsed: Promise<void>; release: () => void } {
  const barrier = new Int32Array(new SharedArrayBuffer(8));
  nextBarrier = barrier;
  // Atomics.waitAsync is in Node 20 (V8), its type only in lib ES2024
  const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<string> | string } }).waitAsync;
  const wait = waitAsync(barrier, 0, 0);
  return {
    parsed: wait.async ? (wait.value as Promise<string>).then(() => undefined) : Promise.resolve(),
    release: () => {
      Atomics.store(barrier, 1, 1);
      Atomics.notify(barrier, 1);
    },
  };
}

async function run<T>(name: 'xlsxGrid' | 'taskSheet' | 'docxText', bytes: Uint8Array): Promise<T> {
  const task: ParseTask = { bytes, barrier: nextBarrier };
  nextBarrier = undefined;
  let outcome: Parsed<T>;
  try {
    outcome = await thePool().run(task, { name });
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new FileParseError(
        'file_too_complex',
        `文件过于复杂，读取所需内存超过上限（${options.maxHeapMb} MB）。请删除多余的内容、格式或拆分文件后重试`,
        `the file needs more than ${options.maxHeapMb} MB of memory to read; remove unused content or formatting, or split it, and try again`,
        400,
      );
    }
    if (err.message === 'Task queue is at limit') {
      throw new FileParseError('parser_busy', '正在读取的文件过多，请稍后重试', 'too many files are being read right now; try again shortly', 503);
    }
    throw new FileParseError('parser_failed', `读取文件时出错：${err.message}`, `reading the file failed: ${err.message}`, 500);
  }
  if (!outcome.ok) throw new FileParseError(outcome.code, outcome.zh, outcome.en, 400);
  return outcome.value;
}

/** The first sheet of an .xlsx as text cells, checked against LIMITS.spreadsheet first. */
export const parseXlsxGrid = (bytes: Uint8Array) => run<Grid>('xlsxGrid', bytes);
/** A filled 任务填报表 (null: not one), checked against LIMITS.spreadsheet first. */
export const parseTaskSheet = (bytes: Uint8Array) => run<FilledTaskSheet | null>('taskSheet', bytes);
/** The text of a .docx, checked against LIMITS.docx first. */
export const parseDocxText = (bytes: Uint8Array) => run<string>('docxText', bytes);

/**
 * Input limits, in one place (README "Limits" lists them). Each bounds the memory and time one
 * request or command can take, so that no upload stalls the server: files beyond them are refused
 * with a 400 before any parser sees them.
 */
export const LIMITS = {
  /** .xlsx uploads: projects, indicators, task sheets (checked on the archive before ExcelJS reads it) */
  spreadsheet: {
    /** files inside the archive */
    maxEntries: 500,
    /** all entries together, uncompressed (measured while inflating, not the declared sizes) */
    maxUncompressedBytes: 50 * 1024 * 1024,
    /** highest row any cell, range, merge, validation or dimension of a sheet may reach */
    maxRows: 10_000,
    /** highest column (100 = CV) */
    maxColumns: 100,
    /** cells written in one sheet (ExcelJS takes ~1 s per 20,000 cells on a busy 2-core machine) */
    maxCells: 60_000,
  },
  /** .docx work reports (`duban extract`, `duban import`) */
  docx: {
    maxEntries: 2_000,
    /** the XML parts together, uncompressed (media are not read) */
    maxXmlBytes: 40 * 1024 * 1024,
  },
  /**
   * The worker threads that check and parse uploaded .xlsx/.docx (src/extract-io/parsePool.ts), so
   * that a large file never blocks the server's event loop.
   */
  parsing: {
    /** threads at most: parsing is CPU-bound, the machines have 2 cores */
    maxThreads: 2,
    /** files waiting for a thread; beyond that the upload is refused (503, retry later) */
    maxQueue: 20,
    /** V8 old-generation heap of one worker (MB): a file that needs more is refused, the worker is replaced */
    maxHeapMb: 512,
    /** an idle worker exits after this (ms), giving its memory back */
    idleMs: 30_000,
  },
  /** one work-report import (POST /api/work-reports, `duban import`) */
  workReport: {
    /** characters of text: a 政府工作报告 has 15,000–40,000; extraction reads ~300,000 a second */
    maxChars: 200_000,
    /** draft commitments (targets) one import may create; a report has a few hundred at most */
    maxDrafts: 1_000,
    /** recorded facts (results) one import may create */
    maxFacts: 1_000,
  },
} as const;

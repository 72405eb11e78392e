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
    /** cells written in one sheet */
    maxCells: 200_000,
  },
  /** .docx work reports (`duban extract`, `duban import`) */
  docx: {
    maxEntries: 2_000,
    /** the XML parts together, uncompressed (media are not read) */
    maxXmlBytes: 40 * 1024 * 1024,
  },
  /** one work-report import (POST /api/work-reports, `duban import`) */
  workReport: {
    /** characters of text: about twenty full 政府工作报告 */
    maxChars: 600_000,
    /** draft commitments one import may create */
    maxDrafts: 2_000,
  },
} as const;

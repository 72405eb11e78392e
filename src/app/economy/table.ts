/**
 * Reading an uploaded table (CSV or XLSX) into rows of text cells, and turning rows into typed
 * records column by column with row-level errors: spreadsheet row number, column header, reason in
 * Chinese and English.
 */
import { FileParseError, parseXlsxGrid } from '../../extract-io/parsePool.ts';
import { AppError } from '../errors.ts';

export interface Table {
  headers: string[];
  /** data rows with their spreadsheet row numbers (the header is row 1) */
  rows: { row: number; cells: string[] }[];
}

export interface RowError {
  row: number;
  column: string;
  zh: string;
  en: string;
}

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks; a UTF-8 BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field); out.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); out.push(row); }
  return out;
}

/**
 * Parses an uploaded .xlsx in a worker thread (src/extract-io/parsePool.ts): refused beyond
 * LIMITS.spreadsheet (400 `file_too_large`, before ExcelJS sees it) or when it needs more memory
 * than a worker has (400 `file_too_complex`); a file that is not a workbook answers `unreadable`.
 */
export async function parseXlsxUpload<T>(parse: Promise<T>, unreadable: AppError): Promise<T> {
  try {
    return await parse;
  } catch (e) {
    if (!(e instanceof FileParseError)) throw e;
    throw e.code === 'file_unreadable' ? unreadable : new AppError(e.code, e.zh, e.en, e.status);
  }
}

/** Reads the first sheet of an .xlsx or a .csv (by file name, else by content type); blank rows are skipped. */
export async function readTable(data: Buffer, filename: string, contentType = ''): Promise<Table> {
  let grid: { row: number; cells: string[] }[];
  if (/\.xlsx$/i.test(filename) || contentType.includes('spreadsheetml')) {
    const unreadable = new AppError('unreadable_file', '无法读取该 Excel 文件', 'cannot read this Excel file');
    grid = await parseXlsxUpload(parseXlsxGrid(data), unreadable);
  } else if (/\.csv$/i.test(filename) || contentType.includes('csv') || contentType.startsWith('text/')) {
    grid = parseCsv(data.toString('utf8')).map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) }));
  } else {
    throw new AppError('unsupported_file', '仅支持 CSV 或 XLSX 文件', 'only CSV and XLSX files are supported', 415);
  }
  grid = grid.filter((r) => r.cells.some((c) => c !== ''));
  if (!grid.length) throw new AppError('empty_file', '文件中没有数据', 'the file has no rows');
  const [head, ...rows] = grid;
  return { headers: head!.cells, rows };
}

/** How one column is found (any of its headers) and parsed; `parse` throws a [zh, en] pair on bad input. */
export interface ColumnSpec {
  key: string;
  headers: string[];
  required?: boolean;
  parse?: (raw: string) => unknown;
}

export class CellError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

/**
 * Typed records from a table: each cell parsed by its column; every bad cell and every missing
 * required value becomes a RowError. A missing required header is one error on row 1.
 */
export function parseTable(table: Table, columns: ColumnSpec[]): { records: { row: number; value: Record<string, unknown> }[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const index = new Map<string, number>();
  for (const c of columns) {
    const i = table.headers.findIndex((h) => c.headers.some((name) => name.toLowerCase() === h.toLowerCase()));
    if (i >= 0) index.set(c.key, i);
    else if (c.required) errors.push({ row: 1, column: c.headers[0]!, zh: `缺少列“${c.headers[0]}”`, en: `missing column "${c.headers[1] ?? c.headers[0]}"` });
  }
  if (errors.length) return { records: [], errors };
  const records = table.rows.map(({ row, cells }) => {
    const value: Record<string, unknown> = {};
    for (const c of columns) {
      const i = index.get(c.key);
      const raw = i === undefined ? '' : (cells[i] ?? '');
      if (raw === '') {
        if (c.required) errors.push({ row, column: table.headers[i!] ?? c.headers[0]!, zh: '不能为空', en: 'required' });
        continue;
      }
      try {
        value[c.key] = c.parse ? c.parse(raw) : raw;
      } catch (e) {
        const ce = e instanceof CellError ? e : new CellError('格式有误', (e as Error).message);
        errors.push({ row, column: table.headers[i!]!, zh: ce.zh, en: ce.en });
      }
    }
    return { row, value };
  });
  return { records, errors };
}

/** Column parsers shared by the importers. */
export const cell = {
  /** a decimal; thousands separators and a trailing 万元 are allowed */
  decimal(raw: string): string {
    const s = raw.replace(/[,，\s]/g, '').replace(/万元$/, '');
    if (!/^-?\d+(\.\d+)?$/.test(s)) throw new CellError(`“${raw}”不是数值`, `"${raw}" is not a number`);
    return s;
  },
  year(raw: string): number {
    if (!/^\d{4}$/.test(raw)) throw new CellError(`“${raw}”不是年份`, `"${raw}" is not a year`);
    return Number(raw);
  },
  percent(raw: string): number {
    const s = raw.replace(/%$/, '');
    if (!/^-?\d+(\.\d+)?$/.test(s)) throw new CellError(`“${raw}”不是百分数`, `"${raw}" is not a percentage`);
    return Number(s);
  },
  yesNo(raw: string): boolean {
    if (/^(是|y|yes|true|1|累计)$/i.test(raw)) return true;
    if (/^(否|n|no|false|0|当期)$/i.test(raw)) return false;
    throw new CellError(`“${raw}”应为“是”或“否”`, `"${raw}" should be yes or no`);
  },
};

/** The 400 answer of an import with row errors (nothing applied). */
export function importFailed(errors: RowError[]): AppError {
  const first = errors.slice(0, 3).map((e) => `第${e.row}行“${e.column}”：${e.zh}`).join('；');
  const firstEn = errors.slice(0, 3).map((e) => `row ${e.row} column "${e.column}": ${e.en}`).join('; ');
  return new AppError('import_rows_invalid', `导入失败，${errors.length}处错误，未导入任何数据。${first}`, `import failed with ${errors.length} errors; nothing was imported. ${firstEn}`, 400, { errors });
}

import type ExcelJS from 'exceljs';
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';
import { isValidText } from '../../server/input.ts';
import { decodeCsv, parseCsv } from './csv.ts';
import type { CsvDelimiter } from './csv.ts';
import { SpreadsheetError } from './errors.ts';
import { fold } from './fold.ts';
import { lightPartWanted, openLightWorkbook, SLAVE, type LightSheet } from './xlsxLight.ts';

export type CellValue = string | number | boolean | Date | null;

/**
 * A table read from a sheet. `rows[i]` has one cell per header; its sheet row number (for
 * messages such as "Dòng 12") is `rowNumbers[i]` — for CSV, the line the record starts on.
 * Dates are floating: their UTC fields are what the sheet shows (see dates.ts).
 */
export type Table = {
  sheetName: string;
  headers: string[];
  rows: CellValue[][];
  /** Always set by readTable; optional so other modules can build a Table by hand (row i is then taken as sheet row i + 2). */
  rowNumbers?: number[];
  /** 1-based row of the (first) header row. */
  headerRowNumber?: number;
  /** Every sheet of the workbook, in tab order (for a sheet picker). CSV: one name. */
  sheetNames?: string[];
};

export type ReadOptions = {
  onProgress?: (fraction: number) => void;
  /** Applied to every string cell, headers included (legacy TCVN3/VNI conversion plugs in here). */
  transformText?: (s: string) => string;
  /** Sheet to read (exact name, or the same name ignoring accents and case). Default: first visible sheet. */
  sheetName?: string;
  /** 1-based header row when automatic detection is not wanted. */
  headerRow?: number;
  /** CSV delimiter when detection is not wanted. */
  csvDelimiter?: CsvDelimiter;
  /** Zip-bomb guard: total uncompressed size of an .xlsx, declared and actual. Default MAX_UNCOMPRESSED_BYTES. */
  maxUncompressedBytes?: number;
  /** Most rows a sheet may have (header included). Default MAX_ROWS. */
  maxRows?: number;
  /**
   * How an .xlsx is read: 'auto' (default) the light reader (xlsxLight.ts), exceljs when it
   * declines the file; 'exceljs' always exceljs; 'light' the light reader or an error (tests).
   */
  xlsxReader?: 'auto' | 'light' | 'exceljs';
};

/** An .xlsx may unpack to at most this much (its XML parts, as declared and as actually inflated). */
export const MAX_UNCOMPRESSED_BYTES = 150 * 1048576;
/** Rows per sheet; a 20,000-opinion import fits with room to spare. */
export const MAX_ROWS = 100_000;

/** 1-based rows, 0-based columns, inclusive. */
type Merge = { top: number; left: number; bottom: number; right: number };

/** Raw cells before header detection; merge slaves are null. */
type Grid = {
  rows: Map<number, CellValue[]>;
  maxRow: number;
  merges: Merge[];
};

const CORRUPT_XLSX = 'Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx';
const HEADER_SCAN_ROWS = 50;

export async function readTable(data: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<Table> {
  try {
    return await readTableUnsafe(data, fileName, opts);
  } catch (cause) {
    if (cause instanceof SpreadsheetError) throw cause;
    // Whatever else went wrong (an odd file exceljs half-understands, a failing transformText),
    // users get a Vietnamese message; the original error stays in `cause` for the logs.
    throw new SpreadsheetError('READ_FAILED', `Không đọc được tệp "${fileName}". Hãy kiểm tra lại tệp hoặc lưu lại bằng Excel rồi thử lại.`, { cause });
  }
}

async function readTableUnsafe(data: Uint8Array, fileName: string, opts: ReadOptions): Promise<Table> {
  const progress = makeProgress(opts.onProgress);
  progress(0);
  if (data.length === 0) throw new SpreadsheetError('EMPTY_FILE', `Tệp "${fileName}" rỗng (0 byte).`);
  const kind = sniff(data, fileName);
  let grid: Grid;
  let sheetName: string;
  let sheetNames: string[];
  if (kind === 'xlsx') {
    ({ grid, sheetName, sheetNames } = await readXlsxGrid(data, fileName, opts, progress));
  } else {
    const text = decodeCsv(data);
    progress(0.2);
    const records = parseCsv(text, opts.csvDelimiter);
    checkRowCount(records.length, fileName, opts.maxRows);
    progress(0.6);
    grid = csvGrid(records, opts.transformText);
    sheetName = baseName(fileName);
    sheetNames = [sheetName];
  }
  progress(0.9);
  const table = buildTable(grid, sheetName, sheetNames, opts.headerRow);
  progress(1);
  return table;
}

// ---------------------------------------------------------------------------------------------
// Format detection

function sniff(data: Uint8Array, fileName: string): 'xlsx' | 'csv' {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const isZip = data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  const isOle = data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
  if (isZip) return 'xlsx';
  if (isOle) {
    throw new SpreadsheetError(
      'LEGACY_XLS',
      'Tệp là bảng tính Excel 97-2003 (.xls) hoặc tệp Excel có đặt mật khẩu, chưa được hỗ trợ. Hãy mở bằng Excel, bỏ mật khẩu (nếu có) và lưu lại dưới dạng .xlsx.',
    );
  }
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') {
    throw new SpreadsheetError('CORRUPT_XLSX', `${CORRUPT_XLSX} ("${fileName}").`);
  }
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  throw new SpreadsheetError(
    'UNSUPPORTED_FORMAT',
    `Không đọc được tệp "${fileName}": chỉ hỗ trợ bảng tính Excel (.xlsx) và tệp CSV.`,
  );
}

// ---------------------------------------------------------------------------------------------
// XLSX

function checkRowCount(rows: number, fileName: string, maxRows = MAX_ROWS): void {
  if (rows > maxRows) {
    throw new SpreadsheetError(
      'TOO_LARGE',
      `Tệp "${fileName}" có ${rows.toLocaleString('vi-VN')} dòng, quá giới hạn ${maxRows.toLocaleString('vi-VN')} dòng mỗi lần nhập. Hãy chia nhỏ tệp.`,
    );
  }
}

const tooLargeUnpacked = (fileName: string, bytes: number) =>
  new SpreadsheetError('TOO_LARGE', `Tệp "${fileName}" quá lớn để xử lý (hơn ${Math.round(bytes / 1048576)} MB sau khi giải nén). Hãy chia nhỏ tệp.`);

/**
 * Inflates every part and stops as soon as the actual total passes maxBytes: a zip may declare
 * small sizes and still inflate to gigabytes. The input is fed in small slices so no single
 * inflated chunk can be large. Returns the parts `keep` wants (the others are counted, not kept).
 */
function checkInflatedSize(data: Uint8Array, fileName: string, maxBytes: number, keep: (name: string) => boolean = () => false): Map<string, Uint8Array> {
  let total = 0;
  const over = new Error('over');
  const kept = new Map<string, Uint8Array>();
  const twice = new Set<string>();
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] | null = keep(file.name) ? [] : null;
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      total += chunk.length;
      if (total > maxBytes) throw over;
      if (chunks) {
        chunks.push(chunk);
        if (final) {
          if (kept.has(file.name)) twice.add(file.name);
          kept.set(file.name, concat(chunks));
        }
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    const SLICE = 16 * 1024;
    for (let i = 0; i < data.length; i += SLICE) unzip.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch (cause) {
    if (cause === over) throw tooLargeUnpacked(fileName, maxBytes);
    throw new SpreadsheetError('CORRUPT_XLSX', `${CORRUPT_XLSX} ("${fileName}").`, { cause });
  }
  for (const name of twice) kept.delete(name); // a name twice in one zip: left to exceljs
  return kept;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * Checks the zip's directory before anything is decompressed, then the actual unpacked size;
 * returns the parts the light reader may read.
 */
function checkXlsxContainer(data: Uint8Array, fileName: string, maxBytes: number, keep?: (name: string) => boolean): Map<string, Uint8Array> {
  const names = new Set<string>();
  let total = 0;
  try {
    unzipSync(data, {
      filter: file => {
        names.add(file.name.replace(/^\//, ''));
        total += file.originalSize;
        return false;
      },
    });
  } catch (cause) {
    throw new SpreadsheetError('CORRUPT_XLSX', `${CORRUPT_XLSX} ("${fileName}"). Tệp có thể bị cắt cụt khi tải lên hoặc sao chép.`, { cause });
  }
  if (!names.has('xl/workbook.xml')) {
    const word = names.has('word/document.xml');
    throw new SpreadsheetError(
      'CORRUPT_XLSX',
      word
        ? `Tệp "${fileName}" là văn bản Word, không phải bảng tính Excel (.xlsx).`
        : `${CORRUPT_XLSX} ("${fileName}"): không tìm thấy nội dung bảng tính trong tệp.`,
    );
  }
  if (total > maxBytes) throw tooLargeUnpacked(fileName, maxBytes);
  return checkInflatedSize(data, fileName, maxBytes, keep);
}

async function readXlsxGrid(
  data: Uint8Array,
  fileName: string,
  opts: ReadOptions,
  progress: (f: number) => void,
): Promise<{ grid: Grid; sheetName: string; sheetNames: string[] }> {
  const reader = opts.xlsxReader ?? 'auto';
  const parts = checkXlsxContainer(data, fileName, opts.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES, reader === 'exceljs' ? undefined : lightPartWanted);
  progress(0.05);
  if (reader !== 'exceljs') {
    const light = readLightGrid(parts, fileName, opts, progress);
    if (light) return light;
    if (reader === 'light') throw new Error('the light reader declined the file');
  }
  // Loaded on first need: a worker that only meets plain sheets never loads it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // The non-streaming loader decodes each XML part as a whole string; exceljs' streaming reader
    // decodes per chunk and breaks multi-byte characters at chunk boundaries. Do not switch.
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new SpreadsheetError('CORRUPT_XLSX', `${CORRUPT_XLSX} ("${fileName}").`, { cause });
  }
  progress(0.5);
  const sheets = workbook.worksheets;
  const sheetNames = sheets.map(s => s.name);
  if (sheets.length === 0) throw new SpreadsheetError('NO_DATA', 'Tệp Excel không có trang tính nào.');
  let ws: ExcelJS.Worksheet | undefined;
  if (opts.sheetName !== undefined) {
    const wanted = opts.sheetName;
    ws = sheets.find(s => s.name === wanted) ?? sheets.find(s => fold(s.name) === fold(wanted));
    if (!ws) {
      throw new SpreadsheetError(
        'SHEET_NOT_FOUND',
        `Không tìm thấy trang tính "${wanted}". Các trang tính có trong tệp: ${sheetNames.map(n => `"${n}"`).join(', ')}.`,
      );
    }
  } else {
    ws = sheets.find(s => s.state === 'visible' || s.state === undefined) ?? sheets[0]!;
  }
  checkRowCount(ws.actualRowCount, fileName, opts.maxRows);
  const grid = lightGrid(exceljsSheet(ws, ExcelJS.ValueType.Merge), opts.transformText, f => progress(0.5 + 0.4 * f));
  return { grid, sheetName: ws.name, sheetNames };
}

/**
 * The light reader's grid (xlsxLight.ts), the same as exceljs' for the files it accepts; null when
 * it declines (exceljs then reads the file). Only the chosen sheet is parsed; a sheet asked for by
 * a name the workbook lacks is left to exceljs too (its error message).
 */
function readLightGrid(
  parts: Map<string, Uint8Array>,
  fileName: string,
  opts: ReadOptions,
  progress: (f: number) => void,
): { grid: Grid; sheetName: string; sheetNames: string[] } | null {
  const wb = openLightWorkbook(parts);
  if (!wb) return null;
  const sheets = wb.sheets;
  let ws: (typeof sheets)[number] | undefined;
  if (opts.sheetName !== undefined) {
    const wanted = opts.sheetName;
    ws = sheets.find(s => s.name === wanted) ?? sheets.find(s => fold(s.name) === fold(wanted));
    if (!ws) return null;
  } else {
    ws = sheets.find(s => s.state === 'visible' || s.state === undefined) ?? sheets[0]!;
  }
  const sheet = wb.readSheet(ws.path);
  if (!sheet) return null;
  progress(0.5);
  checkRowCount(sheet.rows.length, fileName, opts.maxRows);
  const grid = lightGrid(sheet, opts.transformText, f => progress(0.5 + 0.4 * f));
  return { grid, sheetName: ws.name, sheetNames: sheets.map(s => s.name) };
}

/** The grid of a sheet's cells, by row and column; slaves and empty values left out. */
function lightGrid(sheet: LightSheet, transform: ((s: string) => string) | undefined, progress: (f: number) => void): Grid {
  const rows = new Map<number, CellValue[]>();
  let maxRow = 0;
  const total = Math.max(1, sheet.rowCount);
  for (const { number: rowNumber, cells: src } of sheet.rows) {
    const cells: CellValue[] = [];
    let any = false;
    for (let col = 1; col < src.length; col++) {
      const raw = src[col];
      if (raw === undefined || raw === SLAVE) continue;
      const v = convertCell(raw, transform);
      if (v !== null) {
        cells[col - 1] = v;
        any = true;
      }
    }
    if (any) {
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      checkRowText(cells, rowNumber);
      rows.set(rowNumber, cells);
      if (rowNumber > maxRow) maxRow = rowNumber;
    }
    if (rowNumber % 500 === 0) progress(rowNumber / total);
  }
  const merges: Merge[] = sheet.merges.map(m => ({ top: m.top, left: m.left - 1, bottom: m.bottom, right: m.right - 1 }));
  return { rows, maxRow, merges };
}

/** An exceljs worksheet as the light reader's sheet (the cells' exceljs values), for one grid builder. */
function exceljsSheet(ws: ExcelJS.Worksheet, mergeType: ExcelJS.ValueType): LightSheet {
  const rows: LightSheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: unknown[] = [];
    // A slave of a merged range: filled later from its master.
    row.eachCell({ includeEmpty: false }, (cell, col) => (cells[col] = cell.type === mergeType ? SLAVE : cell.value));
    rows.push({ number, cells });
  });
  // exceljs has no public accessor for merged ranges of a loaded sheet.
  const raw = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  const merges = Object.values(raw ?? {}).map(m => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
  return { rows, rowCount: ws.rowCount, merges };
}

type RichTextValue = { richText: { text: string }[] };

/** Maps every exceljs cell value shape to a plain value. */
function convertCell(value: unknown, transform: ((s: string) => string) | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textValue(value, transform);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return textValue((o as RichTextValue).richText.map(r => r.text ?? '').join(''), transform);
    }
    if ('formula' in o || 'sharedFormula' in o) return convertCell(o.result, transform);
    if ('hyperlink' in o || 'text' in o) return convertCell(o.text, transform);
    if (typeof o.error === 'string') return o.error; // '#N/A', '#DIV/0!'…
  }
  return null;
}

/** Refuses a row whose text has NUL, control characters (tab and line breaks excepted) or lone surrogates. */
function checkRowText(values: readonly unknown[], rowNumber: number): void {
  for (const v of values) {
    if (typeof v === 'string' && !isValidText(v)) {
      throw new SpreadsheetError(
        'INVALID_TEXT',
        `Dòng ${rowNumber}: có ký tự không hợp lệ (ký tự NUL, ký tự điều khiển hoặc ký tự Unicode hỏng). Hãy xóa ký tự đó (hoặc lưu lại tệp bằng Excel) rồi nhập lại.`,
      );
    }
  }
}

function textValue(s: string, transform: ((s: string) => string) | undefined): string | null {
  const t = transform ? transform(s) : s;
  return t.trim() === '' ? null : t;
}

// ---------------------------------------------------------------------------------------------
// CSV

function csvGrid(records: { line: number; fields: string[] }[], transform: ((s: string) => string) | undefined): Grid {
  const rows = new Map<number, CellValue[]>();
  let maxRow = 0;
  // CSV rows are numbered by record (what a spreadsheet program shows), not by physical line;
  // a record with embedded newlines is still one row.
  records.forEach((rec, i) => {
    const rowNumber = i + 1;
    checkRowText(rec.fields, rowNumber);
    const cells = rec.fields.map(f => textValue(f, transform));
    if (cells.some(c => c !== null)) {
      rows.set(rowNumber, cells);
      maxRow = rowNumber;
    }
  });
  return { rows, maxRow, merges: [] };
}

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return name.replace(/\.[^.]+$/, '') || name;
}

// ---------------------------------------------------------------------------------------------
// Header detection and table assembly

function isText(v: CellValue): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** First row whose own (non-slave) cells are mostly non-empty text. */
function detectHeaderRow(grid: Grid): number {
  const rowNums = [...grid.rows.keys()].sort((a, b) => a - b);
  if (rowNums.length === 0) return 0;
  // Table width: the widest row among the first rows (data rows dominate).
  let width = 0;
  for (const r of rowNums.slice(0, HEADER_SCAN_ROWS * 4)) {
    width = Math.max(width, grid.rows.get(r)!.filter(v => v !== null).length);
  }
  const need = Math.max(2, Math.ceil(width * 0.5));
  for (const r of rowNums.slice(0, HEADER_SCAN_ROWS)) {
    const cells = grid.rows.get(r)!.filter(v => v !== null);
    const texts = cells.filter(isText).length;
    if (texts >= need && texts >= cells.length * 0.8) return r;
  }
  return rowNums[0]!;
}

function headerDepth(grid: Grid, headerRow: number): number {
  let depth = 1;
  for (const m of grid.merges) {
    if (m.top !== headerRow) continue;
    depth = Math.max(depth, m.bottom - m.top + 1);
    // A group header spanning columns with sub-headers below it.
    if (m.right > m.left && m.bottom === m.top) {
      const below = grid.rows.get(headerRow + 1);
      if (below && below.slice(m.left, m.right + 1).some(isText)) depth = Math.max(depth, 2);
    }
  }
  return Math.min(depth, 3);
}

function colLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellToHeaderText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).replace(/\s+/g, ' ').trim().normalize('NFC');
}

function buildTable(grid: Grid, sheetName: string, sheetNames: string[], headerRowOpt: number | undefined): Table {
  if (grid.rows.size === 0) {
    throw new SpreadsheetError('NO_DATA', `Trang tính "${sheetName}" không có dữ liệu.`);
  }
  const headerRow = headerRowOpt ?? detectHeaderRow(grid);
  if (!Number.isInteger(headerRow) || headerRow < 1) {
    throw new SpreadsheetError('INVALID_SPEC', `Số dòng tiêu đề không hợp lệ: ${headerRowOpt}.`);
  }
  const depth = headerRowOpt === undefined ? headerDepth(grid, headerRow) : 1;
  const firstDataRow = headerRow + depth;

  // Master value lookup for merged cells.
  const slaveOf = new Map<string, Merge>();
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slaveOf.set(`${r}:${c}`, m);
    }
  }
  const rawAt = (r: number, c: number): CellValue => grid.rows.get(r)?.[c] ?? null;
  const valueAt = (r: number, c: number, minMasterRow: number): CellValue => {
    const own = rawAt(r, c);
    if (own !== null || slaveOf.size === 0) return own;
    const m = slaveOf.get(`${r}:${c}`);
    return m && m.top >= minMasterRow ? rawAt(m.top, m.left) : null;
  };

  let width = 0;
  for (let r = headerRow; r <= grid.maxRow; r++) width = Math.max(width, grid.rows.get(r)?.length ?? 0);
  for (const m of grid.merges) if (m.bottom >= headerRow) width = Math.max(width, m.right + 1);

  // Headers: the most specific label of each column in the header block.
  const parts: string[][] = [];
  for (let c = 0; c < width; c++) {
    const p: string[] = [];
    for (let r = headerRow; r < firstDataRow; r++) {
      const t = cellToHeaderText(valueAt(r, c, headerRow));
      if (t !== '' && !p.includes(t)) p.push(t);
    }
    parts.push(p);
  }
  let labels = parts.map(p => p[p.length - 1] ?? '');
  const count = (ls: string[]) => ls.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const firstCounts = count(labels);
  labels = labels.map((l, c) => (l !== '' && firstCounts.get(l)! > 1 && parts[c]!.length > 1 ? parts[c]!.join(' - ') : l));

  // Data rows, merged cells filled from their master, empty rows dropped.
  const dataRows: CellValue[][] = [];
  const rowNumbers: number[] = [];
  const usedCols = new Array<boolean>(width).fill(false);
  for (let r = firstDataRow; r <= grid.maxRow; r++) {
    const src = grid.rows.get(r);
    if (!src && slaveOf.size === 0) continue;
    const row: CellValue[] = new Array(width);
    let any = false;
    for (let c = 0; c < width; c++) {
      const v = valueAt(r, c, firstDataRow);
      row[c] = v;
      if (v !== null) {
        any = true;
        usedCols[c] = true;
      }
    }
    if (any) {
      dataRows.push(row);
      rowNumbers.push(r);
    }
  }

  // Drop columns empty in both header and data; name unnamed ones; make names unique.
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if (labels[c] !== '' || usedCols[c]) keep.push(c);
  const seen = new Map<string, number>();
  const headers = keep.map(c => {
    const base = labels[c] || `Cột ${colLetter(c)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
  const rows = keep.length === width ? dataRows : dataRows.map(row => keep.map(c => row[c]!));
  return { sheetName, headers, rows, rowNumbers, headerRowNumber: headerRow, sheetNames };
}

function makeProgress(cb: ((f: number) => void) | undefined): (f: number) => void {
  if (!cb) return () => {};
  let last = -1;
  return f => {
    const v = Math.min(1, Math.max(0, f));
    if (v === 1 || v === 0 || v - last >= 0.01) {
      if (v <= last) return;
      last = v;
      cb(v);
    }
  };
}

import ExcelJS from 'exceljs';
import { excelSerialToDate, formatDateTimeVi, formatDateVi, parseVietnameseDate } from './dates.ts';
import { SpreadsheetError } from './errors.ts';
import { parseNumberVi, stripXmlIllegal } from './values.ts';

export type ColumnType = 'text' | 'number' | 'date' | 'datetime' | 'percent';

export type ColumnSpec = {
  /** Vietnamese header shown in the sheet. */
  header: string;
  /** Property of each row object. */
  key: string;
  /** Width in characters; computed from the content when omitted. */
  width?: number;
  /** Inferred from the values when omitted. 'percent' expects fractions (0.25 → 25,0%). */
  type?: ColumnType;
};

export type XlsxSpec = {
  sheetName: string;
  /** Optional title above the table (merged across all columns). */
  title?: string;
  columns: ColumnSpec[];
  rows: Record<string, unknown>[];
  onProgress?: (fraction: number) => void;
  /**
   * How `Date` values (instants) become the wall-clock values written to the sheet. Default 420
   * (Vietnam, UTC+7, no daylight saving). Floating dates from `readTable`/`applyMapping` (UTC
   * midnight) keep their calendar day in 'date' columns with any offset from 0 to +23 h.
   */
  utcOffsetMinutes?: number;
};

export type CsvSpec = {
  columns: ColumnSpec[];
  rows: Record<string, unknown>[];
  /** Default ','. Use ';' for Excel on machines whose list separator is ';'. */
  delimiter?: ',' | ';' | '\t';
  utcOffsetMinutes?: number;
  /**
   * Prefix text starting with '=', '+', '@' (or '-' not followed by a space or a number) with an
   * apostrophe so spreadsheet programs do not run it as a formula (CSV injection). Default true.
   */
  escapeFormulas?: boolean;
};

const VN_OFFSET_MINUTES = 420;
const MAX_CELL_CHARS = 32_767;
const MAX_AUTO_WIDTH = 60;
const MIN_AUTO_WIDTH = 6;
const FMT_DATE = 'dd/mm/yyyy';
const FMT_DATETIME = 'dd/mm/yyyy hh:mm';
const FMT_INT = '#,##0';
const FMT_DEC = '#,##0.##';
const FMT_PERCENT = '0.0%';

type Written = { value: string | number | Date | null; numFmt?: string; display: string };

// ---------------------------------------------------------------------------------------------
// Value coercion shared by both writers

function wallClock(d: Date, offsetMinutes: number): Date {
  return new Date(d.getTime() + offsetMinutes * 60_000);
}

function toDateValue(v: unknown, offset: number, withTime: boolean): Date | null {
  let d: Date | null = null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    d = wallClock(v, offset);
  } else if (typeof v === 'string') {
    d = parseVietnameseDate(v);
  } else if (typeof v === 'number') {
    d = excelSerialToDate(v);
  }
  if (!d) return null;
  return withTime ? d : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return parseNumberVi(v);
  return null;
}

function toText(v: unknown, offset: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (v instanceof Date) {
    const w = wallClock(v, offset);
    const midnight = w.getUTCHours() === 0 && w.getUTCMinutes() === 0 && w.getUTCSeconds() === 0;
    // Floating dates (UTC midnight) print as their own day.
    if (v.getUTCHours() === 0 && v.getUTCMinutes() === 0 && v.getUTCSeconds() === 0) return formatDateVi(v);
    return midnight ? formatDateVi(w) : formatDateTimeVi(w);
  }
  if (Array.isArray(v)) return v.map(x => toText(x, offset)).join(', ');
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

function inferType(rows: Record<string, unknown>[], key: string): ColumnType {
  for (const row of rows.slice(0, 200)) {
    const v = row[key];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number' || typeof v === 'bigint') return 'number';
    if (v instanceof Date) return v.getUTCHours() === 0 && v.getUTCMinutes() === 0 && v.getUTCSeconds() === 0 ? 'date' : 'datetime';
    return 'text';
  }
  return 'text';
}

function coerce(v: unknown, type: ColumnType, offset: number): Written {
  if (v === null || v === undefined || v === '') return { value: null, display: '' };
  if (type === 'number' || type === 'percent') {
    const n = toNumber(v);
    if (n !== null) {
      if (type === 'percent') return { value: n, numFmt: FMT_PERCENT, display: `${(n * 100).toFixed(1)}%` };
      return { value: n, numFmt: Number.isInteger(n) ? FMT_INT : FMT_DEC, display: n.toLocaleString('vi-VN') };
    }
  } else if (type === 'date' || type === 'datetime') {
    const d = toDateValue(v, offset, type === 'datetime');
    if (d) {
      return type === 'date'
        ? { value: d, numFmt: FMT_DATE, display: formatDateVi(d) }
        : { value: d, numFmt: FMT_DATETIME, display: formatDateTimeVi(d) };
    }
  }
  // Text, or a value that does not fit its column's type: keep it, as text.
  let s = stripXmlIllegal(toText(v, offset));
  if (s.length > MAX_CELL_CHARS) s = s.slice(0, MAX_CELL_CHARS - 1) + '…';
  return { value: s, display: s };
}

function displayWidth(s: string): number {
  let max = 0;
  for (const line of s.split('\n')) {
    // Vietnamese precomposed letters are one column wide; count code points, not UTF-16 units.
    let n = 0;
    for (const _ of line.normalize('NFC')) n++;
    if (n > max) max = n;
  }
  return max;
}

function validateColumns(columns: ColumnSpec[]): void {
  if (columns.length === 0) throw new SpreadsheetError('INVALID_SPEC', 'Chưa khai báo cột nào để xuất.');
  const keys = new Set<string>();
  for (const c of columns) {
    if (keys.has(c.key)) throw new SpreadsheetError('INVALID_SPEC', `Cột "${c.header}" bị khai báo trùng khóa "${c.key}".`);
    keys.add(c.key);
  }
}

function safeSheetName(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31).trim();
  return s === '' ? 'Trang 1' : s;
}

// ---------------------------------------------------------------------------------------------
// XLSX

export async function writeXlsx(spec: XlsxSpec): Promise<Uint8Array> {
  validateColumns(spec.columns);
  const offset = spec.utcOffsetMinutes ?? VN_OFFSET_MINUTES;
  const report = spec.onProgress ?? (() => {});
  report(0);
  const types = spec.columns.map(c => c.type ?? inferType(spec.rows, c.key));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nghị Trường';
  workbook.created = new Date();
  const ws = workbook.addWorksheet(safeSheetName(spec.sheetName));
  const nCols = spec.columns.length;
  const widths = spec.columns.map(c => displayWidth(c.header) * 1.1 + 2);

  let headerRowNo = 1;
  if (spec.title !== undefined && spec.title.trim() !== '') {
    const titleRow = ws.getRow(1);
    const cell = titleRow.getCell(1);
    cell.value = stripXmlIllegal(spec.title);
    cell.font = { bold: true, size: 14 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    titleRow.height = 24;
    if (nCols > 1) ws.mergeCells(1, 1, 1, nCols);
    headerRowNo = 2;
  }

  const header = ws.getRow(headerRowNo);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = stripXmlIllegal(c.header);
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  const total = spec.rows.length;
  const wrapCols = new Set<number>();
  for (let r = 0; r < total; r++) {
    const src = spec.rows[r]!;
    const row = ws.getRow(headerRowNo + 1 + r);
    for (let c = 0; c < nCols; c++) {
      const col = spec.columns[c]!;
      const w = coerce(src[col.key], types[c]!, offset);
      if (w.value === null) continue;
      const cell = row.getCell(c + 1);
      cell.value = w.value;
      if (w.numFmt) cell.numFmt = w.numFmt;
      const dw = displayWidth(w.display);
      if (dw > widths[c]!) widths[c] = dw;
      if (typeof w.value === 'string' && (w.value.includes('\n') || (col.width === undefined && dw > MAX_AUTO_WIDTH) || (col.width !== undefined && dw > col.width))) {
        wrapCols.add(c);
      }
    }
    if (r % 1000 === 0) report(0.7 * (r / Math.max(1, total)));
  }

  spec.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width ?? Math.min(MAX_AUTO_WIDTH, Math.max(MIN_AUTO_WIDTH, Math.ceil(widths[i]! + 2)));
    if (wrapCols.has(i)) column.alignment = { wrapText: true, vertical: 'top' };
  });
  // Column styles only reach cells created afterwards; set wrapping on existing cells too.
  if (wrapCols.size > 0) {
    for (let r = 0; r < total; r++) {
      const row = ws.getRow(headerRowNo + 1 + r);
      for (const c of wrapCols) {
        const cell = row.getCell(c + 1);
        if (cell.value !== null) cell.alignment = { wrapText: true, vertical: 'top' };
      }
    }
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNo, topLeftCell: `A${headerRowNo + 1}`, activeCell: `A${headerRowNo + 1}` }];
  ws.autoFilter = { from: { row: headerRowNo, column: 1 }, to: { row: headerRowNo + Math.max(total, 1), column: nCols } };
  report(0.75);
  const buffer = await workbook.xlsx.writeBuffer();
  report(1);
  const b = buffer as unknown as Uint8Array;
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

// ---------------------------------------------------------------------------------------------
// CSV

const NUMERIC = /^[-+]?\d+(?:[.,]\d+)*(?:%)?$/;

function escapeFormula(s: string): string {
  const first = s[0];
  if (first === '=' || first === '+' || first === '@' || first === '\t' || first === '\r') return `'${s}`;
  if (first === '-' && s.length > 1 && s[1] !== ' ' && !NUMERIC.test(s)) return `'${s}`;
  return s;
}

/** CSV in UTF-8 with a BOM (so Excel shows Vietnamese correctly), CRLF line ends. */
export function writeCsv(spec: CsvSpec): Uint8Array {
  validateColumns(spec.columns);
  const delim = spec.delimiter ?? ',';
  const offset = spec.utcOffsetMinutes ?? VN_OFFSET_MINUTES;
  const escape = spec.escapeFormulas ?? true;
  const types = spec.columns.map(c => c.type ?? inferType(spec.rows, c.key));
  const quote = (s: string): string =>
    s.includes(delim) || s.includes('"') || s.includes('\n') || s.includes('\r') || /^\s|\s$/.test(s)
      ? `"${s.replace(/"/g, '""')}"`
      : s;
  const cellText = (v: unknown, type: ColumnType): string => {
    const w = coerce(v, type, offset);
    if (w.value === null) return '';
    if (typeof w.value === 'number') {
      return type === 'percent' ? `${Number((w.value * 100).toFixed(6))}%` : String(w.value);
    }
    if (w.value instanceof Date) return w.display;
    return escape ? escapeFormula(w.value) : w.value;
  };
  const lines: string[] = [spec.columns.map(c => quote(c.header)).join(delim)];
  for (const row of spec.rows) {
    lines.push(spec.columns.map((c, i) => quote(cellText(row[c.key], types[i]!))).join(delim));
  }
  const body = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}

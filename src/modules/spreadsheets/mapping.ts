import { z } from 'zod';
import { formatDateVi, toFloatingDate } from './dates.ts';
import { fold } from './fold.ts';
import type { CellValue, Table } from './read.ts';
import { parseBooleanVi, parseNumberVi } from './values.ts';

export type FieldSpec = {
  key: string;
  /** Vietnamese label, also matched against sheet headers. */
  label: string;
  /** Other header texts that mean this field ("Họ tên", "Tên cử tri"…). */
  aliases?: string[];
  required?: boolean;
  /**
   * Zod schema for the value. Its base type drives the conversion of the cell before validation:
   * z.date() (Vietnamese dates, Excel serials), z.number()/z.int(), z.boolean() (Có/Không, x),
   * z.string()/z.enum() (text, trimmed and NFC), z.iso.date() ('yyyy-mm-dd' from any date).
   * Without a schema the cell value is passed through (strings trimmed).
   */
  schema?: z.ZodType;
};

/** Field key → sheet header (one of `table.headers`), or null when not mapped. */
export type Mapping = Record<string, string | null>;

/** `row` is the 1-based sheet row; 0 for problems not tied to a row (a required field with no column). */
export type RowError = { row: number; column: string; message: string };

export type MappingResult = {
  /** Valid rows only, keyed by field key. */
  rows: Record<string, unknown>[];
  /** Sheet row of each entry of `rows`. */
  rowNumbers: number[];
  errors: RowError[];
};

// ---------------------------------------------------------------------------------------------
// guessMapping

/** Matches headers to fields ignoring accents, case and punctuation; each header is used at most once. */
export function guessMapping(headers: string[], fields: FieldSpec[]): Mapping {
  const folded = headers.map(h => fold(h));
  const pairs: { score: number; field: string; header: number }[] = [];
  for (const f of fields) {
    const candidates = [f.label, f.key, ...(f.aliases ?? [])].map(fold).filter(c => c !== '');
    folded.forEach((h, hi) => {
      if (h === '') return;
      let best = 0;
      for (const c of candidates) best = Math.max(best, similarity(h, c));
      if (best >= 30) pairs.push({ score: best, field: f.key, header: hi });
    });
  }
  pairs.sort((a, b) => b.score - a.score || a.header - b.header);
  const mapping: Mapping = Object.fromEntries(fields.map(f => [f.key, null]));
  const usedHeaders = new Set<number>();
  const done = new Set<string>();
  for (const p of pairs) {
    if (done.has(p.field) || usedHeaders.has(p.header)) continue;
    mapping[p.field] = headers[p.header]!;
    done.add(p.field);
    usedHeaders.add(p.header);
  }
  return mapping;
}

const STOP_WORDS = new Set(['va', 'cua', 'cac', 'so', 'the', 'hoac']);

function similarity(header: string, cand: string): number {
  if (header === cand) return 100;
  const h = ` ${header} `;
  const c = ` ${cand} `;
  if (h.includes(c)) return 60 + 30 * (cand.length / header.length);
  if (c.includes(h) && header.length >= 3) return 45 + 30 * (header.length / cand.length);
  const hw = new Set(header.split(' ').filter(w => !STOP_WORDS.has(w)));
  const cw = new Set(cand.split(' ').filter(w => !STOP_WORDS.has(w)));
  if (hw.size === 0 || cw.size === 0) return 0;
  let common = 0;
  for (const w of cw) if (hw.has(w)) common++;
  const jaccard = common / (hw.size + cw.size - common);
  return jaccard >= 0.5 ? 20 + 30 * jaccard : 0;
}

// ---------------------------------------------------------------------------------------------
// Conversion and validation

type BaseKind = 'date' | 'number' | 'boolean' | 'string' | 'isoDate' | 'isoDateTime' | 'any';

type LooseDef = { type?: string; format?: string; innerType?: z.ZodType; in?: z.ZodType };

function baseKind(schema: z.ZodType | undefined): BaseKind {
  let s: z.ZodType | undefined = schema;
  for (let depth = 0; s && depth < 20; depth++) {
    const def = (s as unknown as { _zod: { def: LooseDef } })._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        s = def.innerType;
        continue;
      case 'pipe':
        s = def.in;
        continue;
      case 'date':
        return 'date';
      case 'number':
      case 'bigint':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'string':
        if (def.format === 'date') return 'isoDate';
        if (def.format === 'datetime') return 'isoDateTime';
        return 'string';
      case 'enum':
      case 'literal':
        return 'string';
      default:
        return 'any';
    }
  }
  return 'any';
}

const NOT_A_DATE = 'không phải ngày hợp lệ';
const NOT_A_NUMBER = 'không phải số hợp lệ';
const NOT_A_BOOLEAN = 'không phải giá trị Có/Không hợp lệ';

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Cell → value of the schema's base type; a string message when it cannot be converted. */
function convert(cell: CellValue, kind: BaseKind): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (kind) {
    case 'date':
    case 'isoDate':
    case 'isoDateTime': {
      const d = toFloatingDate(cell);
      if (!d) return { ok: false, message: NOT_A_DATE };
      if (kind === 'date') return { ok: true, value: d };
      return { ok: true, value: kind === 'isoDate' ? isoDay(d) : d.toISOString() };
    }
    case 'number': {
      if (typeof cell === 'number') return { ok: true, value: cell };
      const n = typeof cell === 'string' ? parseNumberVi(cell) : null;
      return n === null ? { ok: false, message: NOT_A_NUMBER } : { ok: true, value: n };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      if (typeof cell === 'number' && (cell === 0 || cell === 1)) return { ok: true, value: cell === 1 };
      const b = typeof cell === 'string' ? parseBooleanVi(cell) : null;
      return b === null ? { ok: false, message: NOT_A_BOOLEAN } : { ok: true, value: b };
    }
    case 'string':
      return { ok: true, value: cellToString(cell) };
    default:
      return { ok: true, value: typeof cell === 'string' ? cell.trim() : cell };
  }
}

function cellToString(cell: CellValue): string {
  if (cell instanceof Date) return formatDateVi(cell);
  if (typeof cell === 'boolean') return cell ? 'Có' : 'Không';
  return String(cell).trim().normalize('NFC');
}

function isEmpty(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function describe(v: unknown): string {
  return v instanceof Date ? formatDateVi(v) : String(v);
}

/** Vietnamese messages for zod issues; messages written into a schema take precedence. */
const viErrorMap = (issue: Record<string, unknown> & { code?: string }): string | undefined => {
  const origin = issue.origin as string | undefined;
  const inclusive = issue.inclusive !== false;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected as string;
      if (expected === 'date') return NOT_A_DATE;
      if (expected === 'number' || expected === 'int' || expected === 'bigint') return NOT_A_NUMBER;
      if (expected === 'boolean') return NOT_A_BOOLEAN;
      if (expected === 'string') return 'không phải văn bản';
      return 'kiểu dữ liệu không hợp lệ';
    }
    case 'too_small': {
      const min = issue.minimum as number | bigint | Date;
      if (origin === 'string') return `cần ít nhất ${describe(min)} ký tự`;
      if (origin === 'date') return `phải ${inclusive ? 'từ' : 'sau'} ngày ${describe(new Date(Number(min)))}`;
      if (origin === 'array' || origin === 'set') return `cần ít nhất ${describe(min)} phần tử`;
      return `phải ${inclusive ? 'lớn hơn hoặc bằng' : 'lớn hơn'} ${describe(min)}`;
    }
    case 'too_big': {
      const max = issue.maximum as number | bigint | Date;
      if (origin === 'string') return `không được quá ${describe(max)} ký tự`;
      if (origin === 'date') return `phải ${inclusive ? 'đến' : 'trước'} ngày ${describe(new Date(Number(max)))}`;
      if (origin === 'array' || origin === 'set') return `không được quá ${describe(max)} phần tử`;
      return `phải ${inclusive ? 'nhỏ hơn hoặc bằng' : 'nhỏ hơn'} ${describe(max)}`;
    }
    case 'invalid_value': {
      const values = (issue.values as unknown[] | undefined) ?? [];
      return values.length === 1
        ? `phải là "${describe(values[0])}"`
        : `phải là một trong các giá trị: ${values.map(v => `"${describe(v)}"`).join(', ')}`;
    }
    case 'invalid_format': {
      const format = issue.format as string | undefined;
      if (format === 'email') return 'không phải địa chỉ email hợp lệ';
      if (format === 'url') return 'không phải đường dẫn hợp lệ';
      if (format === 'date' || format === 'datetime') return NOT_A_DATE;
      if (format === 'regex') return 'không đúng định dạng yêu cầu';
      return 'không đúng định dạng';
    }
    case 'not_multiple_of':
      return `phải là bội số của ${describe(issue.divisor)}`;
    default:
      return undefined; // zod's Vietnamese locale (configured below) or the schema's own message
  }
};

const viLocale = z.locales.vi().localeError;
const errorMap: z.core.$ZodErrorMap = issue =>
  viErrorMap(issue as unknown as Record<string, unknown> & { code?: string }) ?? viLocale(issue);

function rowNumberOf(table: Table, i: number): number {
  return table.rowNumbers?.[i] ?? (table.headerRowNumber ?? 1) + 1 + i;
}

function message(row: number, column: string, text: string): RowError {
  return { row, column, message: `Dòng ${row}, cột "${column}": ${text}` };
}

/**
 * Converts and validates every row. Rows whose mapped cells are all empty are skipped silently;
 * rows with at least one error are left out of `rows` and reported in `errors`.
 */
export function applyMapping(table: Table, mapping: Mapping, fields: FieldSpec[]): MappingResult {
  const errors: RowError[] = [];
  const headerIndex = new Map(table.headers.map((h, i) => [h, i]));
  const cols = fields.map(f => {
    const header = mapping[f.key] ?? null;
    const index = header === null ? undefined : headerIndex.get(header);
    return { field: f, header, index, kind: baseKind(f.schema) };
  });
  for (const c of cols) {
    if (c.header !== null && c.index === undefined) {
      errors.push({ row: 0, column: c.header, message: `Không tìm thấy cột "${c.header}" trong bảng (trường "${c.field.label}").` });
    } else if (c.index === undefined && c.field.required) {
      errors.push({ row: 0, column: c.field.label, message: `Chưa chọn cột cho trường bắt buộc "${c.field.label}".` });
    }
  }
  if (errors.length > 0) return { rows: [], rowNumbers: [], errors };

  const mapped = cols.filter(c => c.index !== undefined);
  const rows: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  table.rows.forEach((cells, i) => {
    if (mapped.every(c => isEmpty(cells[c.index!]))) return;
    const rowNo = rowNumberOf(table, i);
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const c of cols) {
      const cell = c.index === undefined ? null : (cells[c.index] ?? null);
      const column = c.header ?? c.field.label;
      let value: unknown;
      if (isEmpty(cell)) {
        if (c.field.required) {
          errors.push(message(rowNo, column, 'bắt buộc nhập nhưng đang để trống'));
          ok = false;
          continue;
        }
        value = undefined;
      } else {
        const conv = convert(cell, c.kind);
        if (!conv.ok) {
          errors.push(message(rowNo, column, conv.message));
          ok = false;
          continue;
        }
        value = conv.value;
      }
      // An empty optional cell is simply absent: nothing to validate.
      if (c.field.schema && value !== undefined) {
        const res = c.field.schema.safeParse(value, { error: errorMap });
        if (!res.success) {
          const first = res.error.issues[0];
          errors.push(message(rowNo, column, first?.message ?? 'giá trị không hợp lệ'));
          ok = false;
          continue;
        }
        value = res.data;
      }
      if (value !== undefined) out[c.field.key] = value;
    }
    if (ok) {
      rows.push(out);
      rowNumbers.push(rowNo);
    }
  });
  return { rows, rowNumbers, errors };
}

// ---------------------------------------------------------------------------------------------
// preview

export type PreviewRow = { row: number; values: Record<string, CellValue> };

export type Preview = {
  /** First `n` non-empty rows, raw cell values keyed by field key. */
  rows: PreviewRow[];
  /** Validation errors of those rows (only when `fields` is given). */
  errors: RowError[];
  totalRows: number;
};

export function preview(table: Table, mapping: Mapping, n = 20, fields?: FieldSpec[]): Preview {
  const headerIndex = new Map(table.headers.map((h, i) => [h, i]));
  const entries = Object.entries(mapping)
    .filter((e): e is [string, string] => e[1] !== null && headerIndex.has(e[1]))
    .map(([key, header]) => [key, headerIndex.get(header)!] as const);
  const rows: PreviewRow[] = [];
  const take: number[] = [];
  for (let i = 0; i < table.rows.length && rows.length < n; i++) {
    const cells = table.rows[i]!;
    if (entries.every(([, idx]) => isEmpty(cells[idx]))) continue;
    rows.push({ row: rowNumberOf(table, i), values: Object.fromEntries(entries.map(([k, idx]) => [k, cells[idx] ?? null])) });
    take.push(i);
  }
  let errors: RowError[] = [];
  if (fields) {
    const sub: Table = {
      ...table,
      rows: take.map(i => table.rows[i]!),
      rowNumbers: take.map(i => rowNumberOf(table, i)),
    };
    errors = applyMapping(sub, mapping, fields).errors;
  }
  return { rows, errors, totalRows: table.rows.length };
}

// The shape every server-side import shares (units, delegates, voters' opinions): read the uploaded
// sheet, map its columns to fields (the user's mapping, else a guess), turn each valid row into
// what the import will write or into per-row errors ("Dòng N: …"), and show a preview without
// writing; then `commitImport` writes a plan without errors in one transaction with one audit
// event — every row or none. What a row becomes and how it matches existing records stays with
// each import.
import type { Db, Tx } from '../../db/client.ts';
import { badRequest, invalid } from '../../server/errors.ts';
import { recordEvent, type Actor, type EventInput } from '../audit/service.ts';
import { SpreadsheetError } from './errors.ts';
import { applyMapping, guessMapping, type FieldSpec, type Mapping, type RowError } from './mapping.ts';
import { readTableInWorker } from './readInWorker.ts';

/** How many rows a preview shows. */
export const PREVIEW_ROWS = 20;

export interface ImportRow {
  /** Sheet row number, as in "Dòng N". */
  row: number;
  /** Records an error of this row ("Dòng N: " + text); returns undefined so that `return reject(…)` leaves the row out. */
  reject(column: string, text: string): undefined;
  /** The sheet header mapped to a field, else the field's label (a RowError's column). */
  column(key: string): string;
}

export interface PlanImportOptions<T, P> {
  data: Uint8Array;
  fileName: string;
  fields: FieldSpec[];
  /** The user's column mapping; guessed from the headers when absent. */
  mapping?: Mapping;
  /**
   * 'convert': every cell, headers included, goes from legacy TCVN3/VNI to Unicode while reading.
   * 'keep': cells are read as they are (the import converts them itself and keeps the originals).
   */
  legacy: 'convert' | 'keep';
  /** A row that passed the fields' checks → what the import writes; undefined leaves it out. */
  row: (values: Record<string, unknown>, at: ImportRow) => T | undefined;
  /** Checks that need every row (references within the file, existing records); runs before the preview. */
  check?: (rows: T[], reject: (row: number, column: string, text: string) => void) => Promise<void> | void;
  /** What the preview shows of a row. */
  preview: (row: T) => P;
  /** Rows checked so far, of all the sheet's rows (every CHECK_BATCH rows; pollers are served between). */
  onProgress?(done: number, total: number): void;
}

/** Rows checked between two progress reports (the event loop is let go in between). */
const CHECK_BATCH = 2000;

export interface PlannedImport<T, P> {
  headers: string[];
  mapping: Mapping;
  /** Data rows in the sheet. */
  total: number;
  rows: T[];
  /** Mapping and row errors, by row. */
  errors: RowError[];
  /** The first PREVIEW_ROWS rows. */
  preview: P[];
}

const rowError = (row: number, column: string, text: string): RowError => ({ row, column, message: `Dòng ${row}: ${text}` });

/** Reads, maps and plans an import without writing anything; an unreadable file is a 422 with the reader's message. */
export async function planImport<T, P>(opts: PlanImportOptions<T, P>): Promise<PlannedImport<T, P>> {
  let table;
  try {
    table = await readTableInWorker(opts.data, opts.fileName, { legacy: opts.legacy });
  } catch (err) {
    if (err instanceof SpreadsheetError) throw err.code === 'INVALID_TEXT' ? badRequest(err.message) : invalid(err.message);
    throw err;
  }
  const mapping = opts.mapping ?? guessMapping(table.headers, opts.fields);
  const mapped = applyMapping(table, mapping, opts.fields);
  const errors: RowError[] = [...mapped.errors];
  const column = (key: string) => mapping[key] ?? opts.fields.find((f) => f.key === key)?.label ?? key;
  const rows: T[] = [];
  for (const [i, values] of mapped.rows.entries()) {
    const row = mapped.rowNumbers[i]!;
    const reject = (col: string, text: string) => {
      errors.push(rowError(row, col, text));
      return undefined;
    };
    const out = opts.row(values, { row, reject, column });
    if (out !== undefined) rows.push(out);
    if (opts.onProgress && ((i + 1) % CHECK_BATCH === 0 || i + 1 === mapped.rows.length)) {
      opts.onProgress(i + 1, mapped.rows.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await opts.check?.(rows, (row, col, text) => errors.push(rowError(row, col, text)));
  errors.sort((a, b) => a.row - b.row);
  return { headers: table.headers, mapping, total: table.rows.length, rows, errors, preview: rows.slice(0, PREVIEW_ROWS).map(opts.preview) };
}

export interface CommitImportOptions<R> {
  /** The plan's errors: any error and nothing is written. */
  errors: RowError[];
  /** How many rows the plan would write: none is refused too. */
  count: number;
  /** Writes every row inside the transaction; returns the result and the one audit event. */
  write: (tx: Tx) => Promise<{ result: R; event: EventInput }>;
  /** Wording of the refusals: "Tệp có N lỗi; <nothingWritten>. …" and the message for a file without rows. */
  nothingWritten?: string;
  empty?: string;
}

/** Commits a plan with no errors, in one transaction with its audit event: every row or none. */
export async function commitImport<R>(db: Db, actor: Actor, opts: CommitImportOptions<R>): Promise<R> {
  const { errors, nothingWritten = 'chưa nhập dòng nào', empty = 'Tệp không có dòng dữ liệu nào.' } = opts;
  if (errors.length) throw invalid(`Tệp có ${errors.length} lỗi; ${nothingWritten}. Hãy sửa rồi nhập lại.`, errors);
  if (!opts.count) throw invalid(empty);
  return db.transaction(async (tx) => {
    const { result, event } = await opts.write(tx);
    await recordEvent(tx, actor, event);
    return result;
  });
}

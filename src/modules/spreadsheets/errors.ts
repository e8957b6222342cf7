/**
 * The one error type of the spreadsheets module. `message` is always Vietnamese and safe to show
 * to users as is; `code` is for programs; `cause` keeps the underlying library error for logs.
 */
export type SpreadsheetErrorCode =
  | 'EMPTY_FILE'
  | 'CORRUPT_XLSX'
  | 'LEGACY_XLS'
  | 'UNSUPPORTED_FORMAT'
  | 'UNSUPPORTED_ENCODING'
  | 'CSV_MALFORMED'
  | 'SHEET_NOT_FOUND'
  | 'NO_DATA'
  | 'TOO_LARGE'
  | 'INVALID_TEXT'
  | 'READ_FAILED'
  | 'INVALID_SPEC';

export class SpreadsheetError extends Error {
  readonly code: SpreadsheetErrorCode;

  constructor(code: SpreadsheetErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SpreadsheetError';
    this.code = code;
  }
}

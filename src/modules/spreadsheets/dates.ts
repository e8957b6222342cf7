/**
 * Calendar dates.
 *
 * Convention of this module: a date read from a sheet is a "floating" value — a `Date` whose UTC
 * fields are what the sheet shows (01/03/2024 → 2024-03-01T00:00:00.000Z). This is exceljs'
 * convention and it maps 1:1 onto PostgreSQL `date` columns through `toISOString()`.
 */

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system (with the 1900 leap-year bug folded in). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Serial of 31/12/9999, Excel's last date. */
const EXCEL_MAX_SERIAL = 2_958_465;

export function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL + 1) return null;
  // Round to the millisecond-free second to undo floating-point noise in stored times.
  const ms = Math.round((serial * MS_PER_DAY) / 1000) * 1000;
  return new Date(EXCEL_EPOCH_UTC + ms);
}

function makeUtc(y: number, m: number, d: number, hh = 0, mi = 0, ss = 0): Date | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mi > 59 || ss > 59) return null;
  const date = new Date(Date.UTC(y, m - 1, d, hh, mi, ss));
  // Date.UTC treats 0-99 as 1900-1999; set the full year explicitly.
  date.setUTCFullYear(y, m - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null; // 31/02, 29/02 in a common year…
  }
  return date;
}

function expandYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  // Two-digit years: 00-49 → 2000s, 50-99 → 1900s (the same pivot as Excel uses is 29; petitions
  // and birth years both fit better with 50).
  return n < 50 ? 2000 + n : 1900 + n;
}

const TIME = String.raw`(?:[ T,]+(\d{1,2})[:hg](\d{1,2})(?::(\d{1,2}))?(?:\s*(?:phút|p))?)?`;
const DMY = new RegExp(String.raw`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})` + TIME + '$');
const YMD = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})` + TIME + String.raw`(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$`);
const VN_LONG = /^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|,)?\s*(\d{4})$/u;

/**
 * Parses a date written the Vietnamese way: dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, optionally
 * followed by a time (hh:mm[:ss] or 8h30); "ngày 5 tháng 3 năm 2024"; ISO yyyy-mm-dd. Never
 * mm/dd/yyyy. Returns a floating date (see the module note) or null.
 */
export function parseVietnameseDate(input: string): Date | null {
  const s = input.normalize('NFC').trim().toLowerCase();
  if (s === '') return null;
  let m = DMY.exec(s);
  if (m) {
    return makeUtc(expandYear(m[3]!), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  m = YMD.exec(s);
  if (m) {
    return makeUtc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  m = VN_LONG.exec(s);
  if (m) return makeUtc(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** Converts any cell value to a floating date, or null when it is not a date. */
export function toFloatingDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return excelSerialToDate(value);
  if (typeof value === 'string') {
    const t = value.trim();
    // A bare integer in a text cell (CSV saved from a "General" column) is an Excel serial.
    if (/^\d{5}(?:\.\d+)?$/.test(t)) return excelSerialToDate(Number(t));
    return parseVietnameseDate(t);
  }
  return null;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** dd/mm/yyyy from the UTC fields of a date. */
export function formatDateVi(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear(), 4)}`;
}

/** dd/mm/yyyy hh:mm from the UTC fields of a date. */
export function formatDateTimeVi(d: Date): string {
  return `${formatDateVi(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

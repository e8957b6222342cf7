/**
 * Pure formatting rules of Vietnamese administrative documents
 * (Nghị định 30/2020/NĐ-CP, "công tác văn thư").
 *
 * Everything here is deterministic and free of I/O so that both the Word
 * renderer and the web UI can share the same wording.
 */

/** Kinds of administrative document the product issues. */
export type DocumentKind =
  | 'nghi_quyet'
  | 'quyet_dinh'
  | 'thong_bao'
  | 'ke_hoach'
  | 'bao_cao'
  | 'to_trinh'
  | 'bien_ban'
  | 'giay_moi'
  | 'giay_trieu_tap'
  | 'chuong_trinh'
  | 'giay_chung_nhan'
  | 'cong_van';

export interface DocumentKindInfo {
  readonly kind: DocumentKind;
  /** Type abbreviation used in the document symbol; null for a công văn. */
  readonly typeCode: string | null;
  /** Title printed above the subject, in capitals; null for a công văn (it has none). */
  readonly title: string | null;
  /** Name in running text ("Thông báo số 12/TB-HĐND"). */
  readonly name: string;
}

export const DOCUMENT_KINDS: Readonly<Record<DocumentKind, DocumentKindInfo>> = Object.freeze({
  nghi_quyet: { kind: 'nghi_quyet', typeCode: 'NQ', title: 'NGHỊ QUYẾT', name: 'Nghị quyết' },
  quyet_dinh: { kind: 'quyet_dinh', typeCode: 'QĐ', title: 'QUYẾT ĐỊNH', name: 'Quyết định' },
  thong_bao: { kind: 'thong_bao', typeCode: 'TB', title: 'THÔNG BÁO', name: 'Thông báo' },
  ke_hoach: { kind: 'ke_hoach', typeCode: 'KH', title: 'KẾ HOẠCH', name: 'Kế hoạch' },
  bao_cao: { kind: 'bao_cao', typeCode: 'BC', title: 'BÁO CÁO', name: 'Báo cáo' },
  to_trinh: { kind: 'to_trinh', typeCode: 'TTr', title: 'TỜ TRÌNH', name: 'Tờ trình' },
  bien_ban: { kind: 'bien_ban', typeCode: 'BB', title: 'BIÊN BẢN', name: 'Biên bản' },
  giay_moi: { kind: 'giay_moi', typeCode: 'GM', title: 'GIẤY MỜI', name: 'Giấy mời' },
  giay_trieu_tap: { kind: 'giay_trieu_tap', typeCode: 'GTT', title: 'GIẤY TRIỆU TẬP', name: 'Giấy triệu tập' },
  chuong_trinh: { kind: 'chuong_trinh', typeCode: 'CTr', title: 'CHƯƠNG TRÌNH', name: 'Chương trình' },
  giay_chung_nhan: { kind: 'giay_chung_nhan', typeCode: 'GCN', title: 'GIẤY CHỨNG NHẬN', name: 'Giấy chứng nhận' },
  cong_van: { kind: 'cong_van', typeCode: null, title: null, name: 'Công văn' },
});

/** Register states of an issued document. */
export const DOCUMENT_STATUS_LABELS: Readonly<Record<string, string>> = { issued: 'Đã ban hành', cancelled: 'Đã hủy' };

export function documentKindInfo(kind: DocumentKind): DocumentKindInfo {
  const info = DOCUMENT_KINDS[kind];
  if (!info) throw new Error(`Unknown document kind: ${String(kind)}`);
  return info;
}

// ---------------------------------------------------------------------------
// Numbers

/** Small counts in prose take two digits: 7 → "07" ("07 ý kiến"). Larger numbers use `formatViNumber`. */
export function twoDigits(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`twoDigits expects a non-negative integer, got ${n}`);
  return n < 10 ? `0${n}` : formatViNumber(n);
}

/**
 * Vietnamese number notation: "." groups thousands, "," marks decimals.
 * `decimals` fixes the number of decimals; without it the value is rounded to at
 * most 2 decimals and trailing zeros are dropped (13124 → "13.124", 99.385 → "99,39").
 */
export function formatViNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value}`);
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)) {
    throw new RangeError(`Invalid decimals: ${decimals}`);
  }
  let fixed = roundHalfAwayFromZero(Math.abs(value), decimals ?? 2).toFixed(decimals ?? 2);
  if (decimals === undefined) fixed = fixed.replace(/\.?0+$/, '');
  const [intPart = '0', fracPart] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const negative = value < 0 && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${grouped}${fracPart ? `,${fracPart}` : ''}`;
}

/** 99.38 → "99,38%". */
export function formatViPercent(value: number, decimals?: number): string {
  return `${formatViNumber(value, decimals)}%`;
}

function roundHalfAwayFromZero(value: number, decimals: number): number {
  // Shift through the exponent to avoid binary artefacts (1.005 → 1.01).
  const shifted = Number(`${value}e${decimals}`);
  return Number(`${Math.round(shifted)}e-${decimals}`);
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 4 → "IV", 14 → "XIV" (parts and chapters). */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`Roman numerals cover 1..3999, got ${n}`);
  let rest = n;
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/**
 * Letters of points (điểm) in Vietnamese legal drafting: a, b, c, d, đ, e, g, h, …
 * (the Vietnamese alphabet: no f, j, w, z; "đ" follows "d").
 */
export const POINT_LETTERS: readonly string[] = Object.freeze([
  'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y',
]);

/** 0 → "a)", 4 → "đ)", 23 → "aa)". */
export function pointLabel(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Invalid point index: ${index}`);
  const n = POINT_LETTERS.length;
  const letter = index < n ? POINT_LETTERS[index] : `${POINT_LETTERS[Math.floor(index / n) - 1]}${POINT_LETTERS[index % n]}`;
  return `${letter})`;
}

export type HeadingLevel = 1 | 2 | 3;

/**
 * Numbers headings the ND30 way: level 1 "I.", "II."; level 2 "1.", "2." (restarting
 * under each level 1); level 3 "1.1.", "1.2.". Returns a stateful labeller.
 */
export function createHeadingNumberer(): (level: HeadingLevel) => string {
  const counters = [0, 0, 0];
  return (level) => {
    if (level !== 1 && level !== 2 && level !== 3) throw new RangeError(`Invalid heading level: ${String(level)}`);
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    for (let i = level; i < counters.length; i++) counters[i] = 0;
    const [c1 = 0, c2 = 0, c3 = 0] = counters;
    if (level === 1) return `${toRoman(c1)}.`;
    if (level === 2) return `${c2}.`;
    return `${Math.max(c2, 1)}.${c3}.`;
  };
}

// ---------------------------------------------------------------------------
// Dates

function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: "${isoDate}"`);
  }
  return { year, month, day };
}

/** "2026-01-05" → "ngày 05 tháng 01 năm 2026" (leading zero for days < 10 and for months 1, 2 only). */
export function formatViDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** ("Đức Phổ", "2026-01-05") → "Đức Phổ, ngày 05 tháng 01 năm 2026". */
export function formatPlaceDate(place: string, isoDate: string): string {
  const name = place.trim();
  if (!name) throw new RangeError('The place name (địa danh) is required');
  return `${name}, ${formatViDate(isoDate)}`;
}

/** "2021-11-25" → "25/11/2021", as dates are written in running text. */
export function formatShortDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

// ---------------------------------------------------------------------------
// Number and symbol ("Số, ký hiệu")

export interface DocumentNumberInput {
  /** Sequence number within the issuing body and year; absent for a draft (left blank to fill in on issue). */
  readonly number?: number | null;
  /** Year, only for legal normative documents: "05/2025/NQ-HĐND". */
  readonly year?: number;
  /** Type abbreviation (NQ, TB, …); absent for a công văn. */
  readonly typeCode?: string | null;
  /** Issuing body code, possibly with the drafting unit: "HĐND", "HĐND-VP". */
  readonly bodyCode: string;
}

/** "12/TB-HĐND", "05/2025/NQ-HĐND", "123/HĐND-VP"; a draft without a number gives "     /TB-HĐND". */
export function formatDocumentSymbol(input: DocumentNumberInput): string {
  const { number, year, typeCode, bodyCode } = input;
  if (!bodyCode.trim()) throw new RangeError('bodyCode is required');
  let n: string;
  if (number === undefined || number === null) {
    n = '     ';
  } else {
    if (!Number.isInteger(number) || number < 1) throw new RangeError(`Invalid document number: ${number}`);
    n = number < 10 ? `0${number}` : String(number);
  }
  if (year !== undefined && (!Number.isInteger(year) || year < 1000 || year > 9999)) {
    throw new RangeError(`Invalid year: ${year}`);
  }
  const symbol = typeCode ? `${typeCode}-${bodyCode.trim()}` : bodyCode.trim();
  return year !== undefined ? `${n}/${year}/${symbol}` : `${n}/${symbol}`;
}

export interface ParsedSymbol {
  readonly number: number;
  readonly year: number | null;
  readonly typeCode: string | null;
  /** The issuing body's code: "HĐND" in "35/HĐND-VP" and in "12/TB-HĐND". */
  readonly issuerCode: string;
  /** What follows the issuer's code (the drafting unit): "VP" in "35/HĐND-VP". */
  readonly rest: string[];
}

const TYPE_CODES = new Set(Object.values(DOCUMENT_KINDS).map((k) => k.typeCode).filter((c): c is string => !!c));

/**
 * Reads a typed number and symbol ("35/HĐND-VP", "05/2025/NQ-HĐND", "12/TB-HĐND", "Số: 7/HĐND")
 * back into its parts; null when it is not of that shape. Inverse of `formatDocumentSymbol`.
 */
export function parseDocumentSymbol(input: string): ParsedSymbol | null {
  const m = /^\s*(?:số\s*:?\s*)?(\d{1,6})\s*\/\s*(?:(\d{4})\s*\/\s*)?([^\s/]+(?:\s*-\s*[^\s/-]+)*)\s*$/iu.exec(input.normalize('NFC'));
  if (!m) return null;
  const number = Number(m[1]);
  if (number < 1) return null;
  const parts = m[3]!.split(/\s*-\s*/).filter(Boolean);
  const typeCode = parts.length > 1 && TYPE_CODES.has(parts[0]!) ? parts[0]! : null;
  const [issuerCode, ...rest] = typeCode ? parts.slice(1) : parts;
  if (!issuerCode) return null;
  return { number, year: m[2] ? Number(m[2]) : null, typeCode, issuerCode, rest };
}

/** The header line "Số: 12/TB-HĐND". */
export function formatDocumentNumber(input: DocumentNumberInput): string {
  return `Số: ${formatDocumentSymbol(input)}`;
}

// ---------------------------------------------------------------------------
// Signature authority ("thẩm quyền ký")

export type AuthorityPrefix = 'TM' | 'KT' | 'TL' | 'Q' | 'TUQ';

export const AUTHORITY_PREFIXES: Readonly<Record<AuthorityPrefix, { readonly prefix: string; readonly meaning: string }>> =
  Object.freeze({
    TM: { prefix: 'TM.', meaning: 'Thay mặt tập thể' },
    KT: { prefix: 'KT.', meaning: 'Ký thay người đứng đầu' },
    TL: { prefix: 'TL.', meaning: 'Thừa lệnh' },
    Q: { prefix: 'Q.', meaning: 'Quyền' },
    TUQ: { prefix: 'TUQ.', meaning: 'Thừa ủy quyền' },
  });

/** ("TM", "Thường trực HĐND") → "TM. THƯỜNG TRỰC HĐND". */
export function formatAuthority(prefix: AuthorityPrefix, title: string): string {
  const info = AUTHORITY_PREFIXES[prefix];
  if (!info) throw new RangeError(`Unknown authority prefix: ${String(prefix)}`);
  return `${info.prefix} ${upperVi(title.trim())}`;
}

/** Capitals as printed in headers and signature blocks ("đ" → "Đ"). */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

// ---------------------------------------------------------------------------
// Lists of lines

/**
 * "Căn cứ …" lines: each ends with ";" and the last with "." (any trailing
 * punctuation given is replaced).
 */
export function formatBasisLines(lines: readonly string[]): string[] {
  const clean = lines.map((l) => l.trim().replace(/[;.,:]+$/u, '').trimEnd()).filter((l) => l.length > 0);
  return clean.map((l, i) => `${l}${i === clean.length - 1 ? '.' : ';'}`);
}

export interface RecipientOptions {
  /** Prepend "Như trên" (letters with a "Kính gửi:" block). */
  readonly nhuTren?: boolean;
  /** Units added to the archive line: "Lưu: VT, <archive>." */
  readonly archive?: string;
}

/**
 * The "Nơi nhận:" list: "- X;" per recipient, last line "- Lưu: VT, ….". A last
 * recipient beginning with "Lưu" is taken as the archive line; otherwise
 * "Lưu: VT" is added.
 */
export function formatRecipientLines(recipients: readonly string[], options: RecipientOptions = {}): string[] {
  const clean = recipients
    .map((r) => r.trim().replace(/^[-–+]\s*/u, '').replace(/[;.,]+$/u, '').trimEnd())
    .filter((r) => r.length > 0);
  let archiveLine: string;
  const last = clean[clean.length - 1];
  if (last !== undefined && /^lưu\b/iu.test(last)) {
    clean.pop();
    archiveLine = last;
  } else {
    archiveLine = options.archive ? `Lưu: VT, ${options.archive.trim()}` : 'Lưu: VT';
  }
  if (options.nhuTren && !(clean[0] !== undefined && /^như trên$/iu.test(clean[0]))) clean.unshift('Như trên');
  return [...clean.map((r) => `- ${r};`), `- ${archiveLine}.`];
}

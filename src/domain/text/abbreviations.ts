/**
 * Abbreviations common in council and petition texts, expanded for search and matching only
 * (the stored text is never rewritten). The default dictionary is data: an administrator can
 * extend it, and every function takes the dictionary as a parameter.
 */
import { fold } from './normalize.ts';

export interface AbbreviationEntry {
  /** As usually written: 'UBND', 'HĐND', 'QL'. Lookup ignores case, diacritics (Đ = D) and '&'. */
  abbr: string;
  /** Lowercase Vietnamese expansion: 'ủy ban nhân dân'. */
  expansion: string;
  /**
   * A prefix glued to a number: 'QL1A', 'QL.1A', 'QL 1A' → 'quốc lộ 1A'. Numbered entries only
   * expand before a number.
   */
  numbered?: boolean;
  /**
   * Expand only when written in capitals. Default: true for abbreviations of one or two letters
   * ('CA' công an vs 'ca' a shift; 'DT' đường tỉnh vs 'dt' diện tích), false otherwise.
   */
  caseSensitive?: boolean;
}

export type AbbreviationDictionary = readonly AbbreviationEntry[];

export const DEFAULT_ABBREVIATIONS: AbbreviationDictionary = [
  // bodies and offices
  { abbr: 'UBND', expansion: 'ủy ban nhân dân' },
  { abbr: 'HĐND', expansion: 'hội đồng nhân dân' },
  { abbr: 'UBMTTQVN', expansion: 'ủy ban mặt trận tổ quốc việt nam' },
  { abbr: 'UBMTTQ', expansion: 'ủy ban mặt trận tổ quốc' },
  { abbr: 'MTTQVN', expansion: 'mặt trận tổ quốc việt nam' },
  { abbr: 'MTTQ', expansion: 'mặt trận tổ quốc' },
  { abbr: 'ĐBQH', expansion: 'đại biểu quốc hội' },
  { abbr: 'ĐBHĐND', expansion: 'đại biểu hội đồng nhân dân' },
  { abbr: 'UBTVQH', expansion: 'ủy ban thường vụ quốc hội' },
  { abbr: 'QH', expansion: 'quốc hội' },
  { abbr: 'CP', expansion: 'chính phủ' },
  { abbr: 'TTg', expansion: 'thủ tướng', caseSensitive: false },
  { abbr: 'TW', expansion: 'trung ương' },
  { abbr: 'TƯ', expansion: 'trung ương' },
  { abbr: 'UB', expansion: 'ủy ban' },
  { abbr: 'BTV', expansion: 'ban thường vụ' },
  { abbr: 'BCH', expansion: 'ban chấp hành' },
  { abbr: 'TXCT', expansion: 'tiếp xúc cử tri' },
  { abbr: 'HTX', expansion: 'hợp tác xã' },
  { abbr: 'CA', expansion: 'công an' },
  { abbr: 'DN', expansion: 'doanh nghiệp' },
  { abbr: 'ĐVHC', expansion: 'đơn vị hành chính' },
  // departments
  { abbr: 'LĐTBXH', expansion: 'lao động thương binh và xã hội' },
  { abbr: 'LĐ-TB&XH', expansion: 'lao động thương binh và xã hội' },
  { abbr: 'TNMT', expansion: 'tài nguyên và môi trường' },
  { abbr: 'TN&MT', expansion: 'tài nguyên và môi trường' },
  { abbr: 'GTVT', expansion: 'giao thông vận tải' },
  { abbr: 'NNPTNT', expansion: 'nông nghiệp và phát triển nông thôn' },
  { abbr: 'NN&PTNT', expansion: 'nông nghiệp và phát triển nông thôn' },
  { abbr: 'GDĐT', expansion: 'giáo dục và đào tạo' },
  { abbr: 'GD&ĐT', expansion: 'giáo dục và đào tạo' },
  { abbr: 'VHTTDL', expansion: 'văn hóa thể thao và du lịch' },
  { abbr: 'VH-TT', expansion: 'văn hóa thông tin' },
  { abbr: 'TTTT', expansion: 'thông tin và truyền thông' },
  { abbr: 'TT&TT', expansion: 'thông tin và truyền thông' },
  { abbr: 'KHĐT', expansion: 'kế hoạch và đầu tư' },
  { abbr: 'KH&ĐT', expansion: 'kế hoạch và đầu tư' },
  { abbr: 'TCKH', expansion: 'tài chính kế hoạch' },
  { abbr: 'TC-KH', expansion: 'tài chính kế hoạch' },
  { abbr: 'QLĐT', expansion: 'quản lý đô thị' },
  { abbr: 'KT-HT', expansion: 'kinh tế hạ tầng' },
  // places
  { abbr: 'TDP', expansion: 'tổ dân phố' },
  { abbr: 'KDC', expansion: 'khu dân cư' },
  { abbr: 'TX', expansion: 'thị xã' },
  { abbr: 'TP', expansion: 'thành phố' },
  { abbr: 'KCN', expansion: 'khu công nghiệp' },
  { abbr: 'CCN', expansion: 'cụm công nghiệp' },
  { abbr: 'TĐC', expansion: 'tái định cư' },
  { abbr: 'KTĐC', expansion: 'khu tái định cư' },
  // papers and policies
  { abbr: 'CCCD', expansion: 'căn cước công dân' },
  { abbr: 'CMND', expansion: 'chứng minh nhân dân' },
  { abbr: 'GCNQSDĐ', expansion: 'giấy chứng nhận quyền sử dụng đất' },
  { abbr: 'GCNQSD', expansion: 'giấy chứng nhận quyền sử dụng' },
  { abbr: 'QSDĐ', expansion: 'quyền sử dụng đất' },
  { abbr: 'GCN', expansion: 'giấy chứng nhận' },
  { abbr: 'SĐ', expansion: 'sổ đỏ' },
  { abbr: 'BHYT', expansion: 'bảo hiểm y tế' },
  { abbr: 'BHXH', expansion: 'bảo hiểm xã hội' },
  { abbr: 'BHTN', expansion: 'bảo hiểm thất nghiệp' },
  { abbr: 'NCC', expansion: 'người có công' },
  { abbr: 'HGĐ', expansion: 'hộ gia đình' },
  { abbr: 'CSXH', expansion: 'chính sách xã hội' },
  { abbr: 'NHCSXH', expansion: 'ngân hàng chính sách xã hội' },
  { abbr: 'BTXH', expansion: 'bảo trợ xã hội' },
  { abbr: 'NTM', expansion: 'nông thôn mới' },
  { abbr: 'CTMTQG', expansion: 'chương trình mục tiêu quốc gia' },
  { abbr: 'GPMB', expansion: 'giải phóng mặt bằng' },
  { abbr: 'BT-GPMB', expansion: 'bồi thường giải phóng mặt bằng' },
  { abbr: 'XDCB', expansion: 'xây dựng cơ bản' },
  { abbr: 'NSNN', expansion: 'ngân sách nhà nước' },
  { abbr: 'ATGT', expansion: 'an toàn giao thông' },
  { abbr: 'HLATGT', expansion: 'hành lang an toàn giao thông' },
  { abbr: 'HLAT', expansion: 'hành lang an toàn' },
  { abbr: 'ANTT', expansion: 'an ninh trật tự' },
  { abbr: 'TTATXH', expansion: 'trật tự an toàn xã hội' },
  { abbr: 'VSMT', expansion: 'vệ sinh môi trường' },
  { abbr: 'ÔNMT', expansion: 'ô nhiễm môi trường' },
  { abbr: 'PCCC', expansion: 'phòng cháy chữa cháy' },
  { abbr: 'VSATTP', expansion: 'vệ sinh an toàn thực phẩm' },
  { abbr: 'ATVSTP', expansion: 'an toàn vệ sinh thực phẩm' },
  { abbr: 'CNTT', expansion: 'công nghệ thông tin' },
  { abbr: 'BTXM', expansion: 'bê tông xi măng' },
  { abbr: 'TBA', expansion: 'trạm biến áp' },
  { abbr: 'ĐZ', expansion: 'đường dây' },
  // schools and health
  { abbr: 'THCS', expansion: 'trung học cơ sở' },
  { abbr: 'THPT', expansion: 'trung học phổ thông' },
  { abbr: 'TH', expansion: 'tiểu học' },
  { abbr: 'MN', expansion: 'mầm non' },
  { abbr: 'MG', expansion: 'mẫu giáo' },
  { abbr: 'TYT', expansion: 'trạm y tế' },
  { abbr: 'TTYT', expansion: 'trung tâm y tế' },
  { abbr: 'BV', expansion: 'bệnh viện' },
  { abbr: 'BVĐK', expansion: 'bệnh viện đa khoa' },
  // documents (when standing alone; inside a document number like 1766/QĐ-TTg they are kept)
  { abbr: 'QĐ', expansion: 'quyết định' },
  { abbr: 'NĐ', expansion: 'nghị định' },
  { abbr: 'NQ', expansion: 'nghị quyết' },
  { abbr: 'CV', expansion: 'công văn' },
  // roads: only before a number
  { abbr: 'QL', expansion: 'quốc lộ', numbered: true, caseSensitive: false },
  { abbr: 'ĐT', expansion: 'đường tỉnh', numbered: true },
  { abbr: 'TL', expansion: 'tỉnh lộ', numbered: true },
  { abbr: 'ĐH', expansion: 'đường huyện', numbered: true },
  { abbr: 'HL', expansion: 'hương lộ', numbered: true },
  { abbr: 'ĐX', expansion: 'đường xã', numbered: true },
  { abbr: 'ĐĐT', expansion: 'đường đô thị', numbered: true },
];

/** Returns `base` with `extra` added; an entry in `extra` replaces a base entry with the same key. */
export function mergeAbbreviations(base: AbbreviationDictionary, extra: AbbreviationDictionary): AbbreviationEntry[] {
  const byKey = new Map<string, AbbreviationEntry>();
  for (const e of [...base, ...extra]) byKey.set(keyOf(e.abbr) + (e.numbered ? '#' : ''), e);
  return [...byKey.values()];
}

const keyCache = new Map<string, string>();
function keyOf(abbr: string): string {
  let k = keyCache.get(abbr);
  if (k === undefined) {
    k = fold(abbr).replace(/[&.\-\s]/g, '');
    if (keyCache.size > 100_000) keyCache.clear();
    keyCache.set(abbr, k);
  }
  return k;
}

interface Compiled {
  plain: Map<string, AbbreviationEntry>;
  numbered: Map<string, AbbreviationEntry>;
}

const compiledCache = new WeakMap<AbbreviationDictionary, Compiled>();

function compile(dict: AbbreviationDictionary): Compiled {
  const hit = compiledCache.get(dict);
  if (hit) return hit;
  const plain = new Map<string, AbbreviationEntry>();
  const numbered = new Map<string, AbbreviationEntry>();
  for (const e of dict) (e.numbered ? numbered : plain).set(keyOf(e.abbr), e);
  const c = { plain, numbered };
  compiledCache.set(dict, c);
  return c;
}

/** True when `letters` is the prefix of a numbered entry ("QL" of "QL1A"), whatever its case. */
export function isNumberedPrefix(letters: string, dict: AbbreviationDictionary = DEFAULT_ABBREVIATIONS): boolean {
  return compile(dict).numbered.has(keyOf(letters));
}

function isCaseSensitive(e: AbbreviationEntry): boolean {
  return e.caseSensitive ?? keyOf(e.abbr).length <= 2;
}

/** The written token is in capitals where the abbreviation is (TTg: T and Tg both fine). */
function writtenInCaps(token: string, e: AbbreviationEntry): boolean {
  const letters = token.replace(/[^\p{L}]/gu, '');
  if (letters === '') return false;
  const first = letters[0]!;
  if (first !== first.toUpperCase()) return false;
  const abbrLetters = e.abbr.replace(/[^\p{L}]/gu, '');
  // Require the same capitals as the dictionary form (ignoring Đ/D), e.g. 'UBND', 'TTg'.
  const a = fold(abbrLetters);
  const t = fold(letters);
  if (a.length !== t.length) return letters === letters.toUpperCase();
  for (let i = 0; i < a.length; i++) {
    const ac = abbrLetters[i]!;
    const tc = letters[i]!;
    if (ac === ac.toUpperCase() && tc !== tc.toUpperCase()) return false;
  }
  return true;
}

// A token: letters/digits, optionally joined by '&' or '-' inside (TN&MT, LĐ-TB&XH). Not part of a
// document number (preceded by '/' or followed by '/').
const TOKEN = /(?<![\p{L}\p{N}/\-])[\p{L}\p{N}]+(?:[&-][\p{L}\p{N}]+)*(?![\p{L}\p{N}/])/gu;
// A numbered road/route: prefix, optional dot or space, number with optional letter (1A, 24, 624B).
const NUMBERED = /(?<![\p{L}\p{N}/])([\p{L}]{1,4})(\.?\s?)(\d{1,4}[A-Za-z]?)(?![\p{L}\p{N}/])/gu;

export interface AbbreviationMatch {
  start: number;
  end: number;
  text: string;
  expansion: string;
}

/** Finds abbreviations (including numbered road prefixes) in `text`. */
export function findAbbreviations(text: string, dict: AbbreviationDictionary = DEFAULT_ABBREVIATIONS): AbbreviationMatch[] {
  const c = compile(dict);
  const src = text.normalize('NFC');
  const out: AbbreviationMatch[] = [];
  const taken: Array<[number, number]> = [];
  if (c.numbered.size > 0) {
    for (const m of src.matchAll(NUMBERED)) {
      const e = c.numbered.get(keyOf(m[1]!));
      if (!e) continue;
      if (isCaseSensitive(e) && !writtenInCaps(m[1]!, e)) continue;
      const start = m.index;
      const end = start + m[0].length;
      out.push({ start, end, text: m[0], expansion: `${e.expansion} ${m[3]!.toUpperCase()}` });
      taken.push([start, end]);
    }
  }
  for (const m of src.matchAll(TOKEN)) {
    const start = m.index;
    if (taken.some(([s, e]) => start >= s && start < e)) continue;
    const tok = m[0];
    const whole = c.plain.get(keyOf(tok));
    if (whole && (!isCaseSensitive(whole) || writtenInCaps(tok, whole))) {
      out.push({ start, end: start + tok.length, text: tok, expansion: whole.expansion });
      continue;
    }
    if (!tok.includes('-')) continue;
    let offset = 0;
    for (const part of tok.split('-')) {
      const e = c.plain.get(keyOf(part));
      if (e && (!isCaseSensitive(e) || writtenInCaps(part, e))) {
        out.push({ start: start + offset, end: start + offset + part.length, text: part, expansion: e.expansion });
      }
      offset += part.length + 1;
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * Returns `text` with abbreviations replaced by their expansions ('QL1A' → 'quốc lộ 1A',
 * 'UBND xã' → 'ủy ban nhân dân xã'). For search and matching keys, not for display.
 */
export function expandAbbreviations(text: string, dict: AbbreviationDictionary = DEFAULT_ABBREVIATIONS): string {
  const src = text.normalize('NFC');
  const matches = findAbbreviations(src, dict);
  if (matches.length === 0) return src;
  let out = '';
  let pos = 0;
  for (const m of matches) {
    if (m.start < pos) continue;
    out += src.slice(pos, m.start) + m.expansion;
    pos = m.end;
  }
  return out + src.slice(pos);
}

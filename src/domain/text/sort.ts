/**
 * Vietnamese sort order as an ASCII key.
 *
 * Letters: a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z) — the foreign
 * letters f j w z in their Latin places.
 *
 * Tones: the Vietnamese dictionary convention (Hoàng Phê, Từ điển tiếng Việt, Viện Ngôn ngữ học;
 * also the CLDR `vi` collation) orders a syllable first by its letters, then by tone:
 * ngang, huyền, hỏi, ngã, sắc, nặng — so ma < mà < mả < mã < má < mạ < mác < mạc < mai.
 * Multi-syllable strings compare syllable by syllable (the whole first syllable, tone included,
 * before the next), as dictionary headwords do.
 *
 * Numbers compare by value (Thôn 2 < Thôn 10) and before letters. Case, punctuation and tone-mark
 * placement (hoà/hòa) are ignored; `compareVi` breaks remaining ties by code point so sorting is
 * deterministic.
 *
 * The key is printable ASCII only, so JavaScript `<` on keys and PostgreSQL `ORDER BY key COLLATE
 * "C"` (byte order) agree.
 */
import { splitTone } from './syllable.ts';

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const CODES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg'; // increasing ASCII, one per letter
const LETTER_CODE = new Map<string, string>();
Array.from(ALPHABET).forEach((ch, i) => LETTER_CODE.set(ch, CODES[i]!));

const TOKEN = /[\p{L}\p{M}]+|\p{Nd}+/gu;

function letterCode(base: string): string {
  const code = LETTER_CODE.get(base);
  if (code !== undefined) return code;
  // Other Latin letters with marks (ç, ñ, ö …) sort as their base letter.
  const stripped = base.normalize('NFD').replace(/\p{M}+/gu, '');
  const c2 = LETTER_CODE.get(stripped);
  if (c2 !== undefined) return c2;
  if (stripped === 'ß') return LETTER_CODE.get('s')! + LETTER_CODE.get('s')!;
  // Anything else (other scripts) after z, by code point, still ASCII.
  let out = '';
  for (const c of stripped) out += '~' + c.codePointAt(0)!.toString(36).padStart(4, '0');
  return out;
}

function wordKey(token: string): string {
  if (/^\p{Nd}+$/u.test(token)) {
    // Normalise any decimal digits to ASCII, drop leading zeros, prefix by length: numeric order.
    let digits = '';
    for (const c of token) digits += String(digitValue(c));
    digits = digits.replace(/^0+(?=\d)/, '');
    const len = digits.length;
    return (len <= 9 ? String(len) : ':' + String(len).padStart(3, '0')) + digits;
  }
  let letters = '';
  let tone = 0;
  for (const ch of token) {
    const info = splitTone(ch);
    if (!info) {
      letters += letterCode(ch.normalize('NFD').replace(/\p{M}+/gu, ''));
      continue;
    }
    if (info.tone !== 0 && tone === 0) tone = info.tone;
    if (info.base === '') continue;
    letters += letterCode(info.base);
  }
  return letters + String(tone);
}

function digitValue(c: string): number {
  // Non-ASCII decimal digits (e.g. fullwidth) — NFKC maps most to ASCII.
  const n = Number.parseInt(c.normalize('NFKC'), 10);
  return Number.isNaN(n) ? 0 : n;
}

function tokensOf(text: string): string[] {
  const t = text.normalize('NFC').replace(/\u00D0/g, 'Đ').toLowerCase();
  return t.match(TOKEN) ?? [];
}

/** ASCII sort key in Vietnamese dictionary order (see module doc). */
export function sortKey(text: string): string {
  return tokensOf(text).map(wordKey).join(' ');
}

/**
 * Sort key for a Vietnamese personal name: by given name (the last word), then family name and
 * middle names in their written order — how voter lists and class lists are sorted.
 */
export function personSortKey(fullName: string): string {
  const words = tokensOf(fullName);
  if (words.length <= 1) return words.map(wordKey).join(' ');
  const given = words[words.length - 1]!;
  return [given, ...words.slice(0, -1)].map(wordKey).join(' ');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Comparator for `Array.prototype.sort` in Vietnamese order. */
export function compareVi(a: string, b: string): number {
  return cmp(sortKey(a), sortKey(b)) || cmp(a.normalize('NFC'), b.normalize('NFC'));
}

/** Comparator for personal names (given name first). */
export function comparePersonVi(a: string, b: string): number {
  return cmp(personSortKey(a), personSortKey(b)) || cmp(a.normalize('NFC'), b.normalize('NFC'));
}

/** Sorts a copy of `items` by a Vietnamese key computed once per item. */
export function sortVi<T>(items: readonly T[], text: (item: T) => string = String, person = false): T[] {
  const keyed = items.map((item) => {
    const s = text(item);
    return { item, s, key: person ? personSortKey(s) : sortKey(s) };
  });
  keyed.sort((x, y) => cmp(x.key, y.key) || cmp(x.s, y.s));
  return keyed.map((k) => k.item);
}

/**
 * Vietnamese syllable structure: initial consonant + vowel nucleus (with glides) + final consonant,
 * plus one of six tones. Used to place tone marks canonically, to judge whether a decoded legacy
 * word is plausible Vietnamese, and to build sort keys.
 *
 * Tone indices follow the Vietnamese dictionary order (Hoàng Phê, Từ điển tiếng Việt; also the
 * CLDR `vi` collation): 0 ngang (none), 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng.
 */

/** Combining tone marks by tone index (index 0 = no mark). */
export const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;
export const TONE_NAMES = ['ngang', 'huyền', 'hỏi', 'ngã', 'sắc', 'nặng'] as const;

const TONE_BY_MARK = new Map<string, number>([
  ['\u0300', 1],
  ['\u0340', 1],
  ['\u0309', 2],
  ['\u0303', 3],
  ['\u0301', 4],
  ['\u0341', 4],
  ['\u0323', 5],
]);

export const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const MARKED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);

/** Initial consonants, longest first so that greedy matching works. */
const INITIALS = [
  'ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x',
];
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

/** Vowel nuclei (with on- and off-glides) that occur in standard orthography, tone removed. */
const NUCLEI_OPEN = new Set([
  // may stand without a final consonant
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oa', 'oe', 'oi', 'ôi', 'ơi',
  'ua', 'uê', 'ui', 'uơ', 'ưa', 'ưi', 'ưu', 'uy', 'ya',
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu', 'uay',
]);
const NUCLEI_CLOSED = new Set([
  // must be followed by a final consonant (ă, â alone also need one)
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'iê', 'yê', 'oa', 'oă', 'oe', 'oo', 'ôô', 'uâ', 'uê', 'uô', 'ươ', 'uy', 'uyê', 'uơ',
]);

export interface Syllable {
  initial: string;
  /** Nucleus without tone, lowercase, e.g. 'uyê'. */
  nucleus: string;
  final: string;
  /** 0..5 in dictionary order (see module doc). */
  tone: number;
  /** Index (in code points of the lowercase toneless word) of the first nucleus vowel. */
  nucleusStart: number;
}

const charInfoCache = new Map<string, { base: string; tone: number } | null>();

/**
 * Splits one precomposed (NFC) character into its toneless base (keeping ă â ê ô ơ ư đ, lowercase
 * preserved as is) and tone index. Returns null when the character carries more than one tone mark.
 */
export function splitTone(ch: string): { base: string; tone: number } | null {
  const hit = charInfoCache.get(ch);
  if (hit !== undefined) return hit;
  let tone = 0;
  let ok = true;
  let rest = '';
  for (const c of ch.normalize('NFD')) {
    const t = TONE_BY_MARK.get(c);
    if (t !== undefined) {
      if (tone !== 0) ok = false;
      tone = t;
    } else rest += c;
  }
  const info = ok ? { base: rest.normalize('NFC'), tone } : null;
  if (charInfoCache.size < 10_000) charInfoCache.set(ch, info);
  return info;
}

/** Puts tone `tone` on a toneless base character (NFC result). */
export function applyTone(base: string, tone: number): string {
  if (tone === 0) return base;
  return (base.normalize('NFD') + TONE_MARKS[tone]).normalize('NFC');
}

/**
 * Parses a single word as a Vietnamese syllable. Returns null when it is not one (foreign word,
 * abbreviation, two tone marks, impossible vowel cluster …). Case-insensitive.
 */
export function parseSyllable(word: string): Syllable | null {
  const hit = syllableCache.get(word);
  if (hit !== undefined) return hit;
  const r = parseSyllableUncached(word);
  if (syllableCache.size > 200_000) syllableCache.clear();
  syllableCache.set(word, r);
  return r;
}

const syllableCache = new Map<string, Syllable | null>();
const canonicalCache = new Map<string, string>();

function parseSyllableUncached(word: string): Syllable | null {
  const chars = Array.from(word.normalize('NFC').toLowerCase());
  if (chars.length === 0 || chars.length > 8) return null;
  let tone = 0;
  const bases: string[] = [];
  for (const ch of chars) {
    const info = splitTone(ch);
    if (!info) return null;
    if (info.tone !== 0) {
      if (tone !== 0) return null;
      tone = info.tone;
    }
    bases.push(info.base);
  }
  const s = bases.join('');
  if (!/^[a-zăâđêôơư]+$/u.test(s)) return null;
  let initial = '';
  for (const ini of INITIALS) {
    if (s.startsWith(ini)) {
      initial = ini;
      break;
    }
  }
  let pos = initial.length;
  // 'gi' before no other vowel: the i is the nucleus (gì, gìn); 'qu' always keeps its u.
  if (initial === 'gi' && (pos >= bases.length || !VOWELS.has(bases[pos]!))) {
    initial = 'g';
    pos = 1;
  }
  const nucleusStart = pos;
  while (pos < bases.length && VOWELS.has(bases[pos]!)) pos++;
  const nucleus = bases.slice(nucleusStart, pos).join('');
  const final = bases.slice(pos).join('');
  if (nucleus.length === 0 || !FINALS.has(final)) return null;
  if (final === '') {
    if (!NUCLEI_OPEN.has(nucleus) || nucleus === 'ă' || nucleus === 'â') return null;
  } else if (!NUCLEI_CLOSED.has(nucleus)) return null;
  // Stop finals (c, ch, p, t) only carry sắc or nặng.
  if ((final === 'c' || final === 'ch' || final === 'p' || final === 't') && tone !== 0 && tone !== 4 && tone !== 5) {
    return null;
  }
  if (initial === 'qu' && nucleus.startsWith('u')) return null;
  return { initial, nucleus, final, tone, nucleusStart };
}

export function isVietnameseSyllable(word: string): boolean {
  return parseSyllable(word) !== null;
}

export type TonePlacement = 'traditional' | 'modern';

/**
 * Index within the nucleus where the tone mark goes.
 *
 * - A vowel with its own mark (ă â ê ô ơ ư) takes the tone (the last one in ươ: người, thuở).
 * - With a final consonant the tone goes on the last vowel (hoàn, toán, huỳnh).
 * - Open syllables: 'traditional' puts it on the first of two vowels (hòa, khỏe, thủy, mùa, tài) and
 *   the middle of three (ngoài, khuỷu); 'modern' differs only for oa, oe, uy (hoà, khoẻ, thuỷ).
 * - 'qu' and 'gi' are consonant clusters, so quý, quả, già, giữ are single-vowel cases.
 */
export function toneIndexInNucleus(nucleus: string, final: string, placement: TonePlacement): number {
  const v = Array.from(nucleus);
  let marked = -1;
  for (let i = 0; i < v.length; i++) if (MARKED_VOWELS.has(v[i]!)) marked = i;
  if (marked >= 0) return marked;
  if (final !== '') return v.length - 1;
  if (v.length === 1) return 0;
  if (v.length === 2) {
    if (placement === 'modern' && (nucleus === 'oa' || nucleus === 'oe' || nucleus === 'uy')) return 1;
    return 0;
  }
  return 1;
}

/**
 * Rewrites a single word with its tone mark at the canonical position, keeping the case of every
 * letter. Words that are not Vietnamese syllables are returned unchanged.
 */
export function canonicalSyllable(word: string, placement: TonePlacement = 'traditional'): string {
  const cacheKey = placement === 'traditional' ? word : '\u0001' + word;
  const hit = canonicalCache.get(cacheKey);
  if (hit !== undefined) return hit;
  const r = canonicalSyllableUncached(word, placement);
  if (canonicalCache.size > 200_000) canonicalCache.clear();
  canonicalCache.set(cacheKey, r);
  return r;
}

function canonicalSyllableUncached(word: string, placement: TonePlacement): string {
  const nfc = word.normalize('NFC');
  const syl = parseSyllable(nfc);
  if (!syl || syl.tone === 0) return nfc;
  const chars = Array.from(nfc);
  const target = syl.nucleusStart + toneIndexInNucleus(syl.nucleus, syl.final, placement);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const info = splitTone(ch)!;
    out += i === target ? applyTone(info.base, syl.tone) : info.base;
  }
  return out;
}

/**
 * Legacy Vietnamese encodings read as Windows-1252/Latin-1.
 *
 * Before Unicode, Vietnamese Word and Excel files were typed with 8-bit fonts:
 * - TCVN3 (TCVN 5712:1993 "VN3", the ABC input method, fonts .VnTime, .VnArial …): one byte per
 *   letter; lowercase toned vowels have codes, but uppercase toned vowels do not (the separate
 *   uppercase fonts .VnTimeH … draw the lowercase codes as capitals). Only Ă Â Ê Ô Ơ Ư Đ have
 *   uppercase codes.
 * - VNI-Windows (VNI-Times …): a base letter followed by a mark byte ('aù' = á, 'ö' = ư, 'ñ' = đ).
 * When such a file is opened as Unicode, each byte becomes the Latin-1 character with the same
 * code, e.g. 'Nh©n d©n' (TCVN3) or 'Nhaân daân' (VNI) for 'Nhân dân'.
 *
 * Detection works per paragraph or cell: decode with each candidate and count the words that turn
 * from non-Vietnamese into valid Vietnamese syllables (and the other way round). Text that is
 * already Unicode Vietnamese, English or numbers gains nothing and is left alone.
 */
import { isVietnameseSyllable } from './syllable.ts';

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni';

export interface ConversionResult {
  text: string;
  encoding: TextEncoding;
  /** 0..1: how sure the detector is of `encoding`. */
  confidence: number;
  /** True when `text` differs from the input (other than NFC). */
  changed: boolean;
}

export interface DetectionResult {
  encoding: TextEncoding;
  confidence: number;
  /** Net number of words that became valid Vietnamese, per candidate legacy encoding. */
  evidence: { tcvn3: number; vni: number };
}

// Bases in tone order: ngang, huyền, hỏi, ngã, sắc, nặng (see syllable.ts).
const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

function withTone(base: string, tone: number): string {
  return (base.normalize('NFD') + TONE_MARKS[tone]).normalize('NFC');
}

// ---------------------------------------------------------------- TCVN3 (ABC)
const TCVN3_CODES: Record<(typeof BASES)[number], number[]> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
const TCVN3_UPPER: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7, đ: 0xae };

const TCVN3_DECODE = new Map<string, string>();
const TCVN3_ENCODE = new Map<string, string>();
/** Decoded characters that TCVN3 cannot write in uppercase (case lost in the legacy file). */
const TCVN3_CASELESS = new Set<string>();
for (const base of BASES) {
  TCVN3_CODES[base].forEach((code, tone) => {
    const uni = withTone(base, tone);
    const legacy = String.fromCharCode(code);
    if (code >= 0x80) {
      TCVN3_DECODE.set(legacy, uni);
      if (tone > 0) TCVN3_CASELESS.add(uni);
    }
    TCVN3_ENCODE.set(uni, legacy);
    const upper = uni.toUpperCase();
    // Uppercase toned vowels have no code: write the lowercase code (as the uppercase fonts do).
    if (!TCVN3_ENCODE.has(upper)) TCVN3_ENCODE.set(upper, tone === 0 && code < 0x80 ? upper : legacy);
  });
}
for (const [uni, code] of Object.entries(TCVN3_UPPER)) {
  TCVN3_DECODE.set(String.fromCharCode(code), uni);
  TCVN3_ENCODE.set(uni, String.fromCharCode(code));
}

// ---------------------------------------------------------------- VNI-Windows
const VNI_PLAIN_MARKS = ['', '\u00f8', '\u00fb', '\u00f5', '\u00f9', '\u00ef']; // ø û õ ù ï
const VNI_CIRC_MARKS = ['\u00e2', '\u00e0', '\u00e5', '\u00e3', '\u00e1', '\u00e4']; // â à å ã á ä
const VNI_BREVE_MARKS = ['\u00ea', '\u00e8', '\u00fa', '\u00fc', '\u00e9', '\u00eb']; // ê è ú ü é ë
const VNI_I = ['i', '\u00ec', '\u00e6', '\u00f3', '\u00ed', '\u00f2']; // i ì æ ó í ò

function vniSequence(base: (typeof BASES)[number], tone: number): string {
  switch (base) {
    case 'a':
    case 'e':
    case 'o':
    case 'u':
      return base + VNI_PLAIN_MARKS[tone];
    case 'y':
      return tone === 5 ? '\u00ee' : 'y' + VNI_PLAIN_MARKS[tone]; // ỵ = î
    case 'ơ':
      return '\u00f4' + VNI_PLAIN_MARKS[tone]; // ô
    case 'ư':
      return '\u00f6' + VNI_PLAIN_MARKS[tone]; // ö
    case 'â':
      return 'a' + VNI_CIRC_MARKS[tone];
    case 'ê':
      return 'e' + VNI_CIRC_MARKS[tone];
    case 'ô':
      return 'o' + VNI_CIRC_MARKS[tone];
    case 'ă':
      return 'a' + VNI_BREVE_MARKS[tone];
    case 'i':
      return VNI_I[tone]!;
  }
}

const VNI_ENCODE = new Map<string, string>();
const VNI_DECODE = new Map<string, string>();
for (const base of BASES) {
  for (let tone = 0; tone < 6; tone++) {
    const uni = withTone(base, tone);
    const seq = vniSequence(base, tone);
    VNI_ENCODE.set(uni, seq);
    VNI_ENCODE.set(uni.toUpperCase(), seq.toUpperCase());
    if (seq !== uni) {
      VNI_DECODE.set(seq, uni);
      VNI_DECODE.set(seq.toUpperCase(), uni.toUpperCase());
      // Capital base with a lowercase mark byte (typed with Shift on the letter only).
      if (seq.length === 2) VNI_DECODE.set(seq[0]!.toUpperCase() + seq[1], uni.toUpperCase());
    }
  }
}
VNI_ENCODE.set('đ', '\u00f1');
VNI_ENCODE.set('Đ', '\u00d1');
VNI_DECODE.set('\u00f1', 'đ');
VNI_DECODE.set('\u00d1', 'Đ');

// ---------------------------------------------------------------- encoders (for tests, bench)

function encodeWith(map: Map<string, string>, text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += map.get(ch) ?? ch;
  return out;
}

/**
 * Unicode → TCVN3 bytes as read by Windows-1252 (the garbled form an old .VnTime document shows).
 * Uppercase toned vowels become the lowercase codes, as in the .VnTimeH uppercase fonts.
 */
export function toTcvn3(unicode: string): string {
  return encodeWith(TCVN3_ENCODE, unicode);
}

/** Unicode → VNI-Windows bytes as read by Windows-1252 ('Nhân dân' → 'Nhaân daân'). */
export function toVni(unicode: string): string {
  return encodeWith(VNI_ENCODE, unicode);
}

// ---------------------------------------------------------------- decoders

const LETTERISH = /[\p{L}]/u;

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Decodes TCVN3-as-Latin-1 text. Characters outside the TCVN3 table are kept. */
export function decodeTcvn3(text: string): string {
  const parts = text.split(/(\s+)/);
  // Letters whose case the legacy bytes do carry: if (nearly) all are capitals the paragraph was
  // typed in an uppercase font and caseless letters are capitals too.
  let upper = 0;
  let cased = 0;
  for (const ch of text) {
    if (TCVN3_DECODE.has(ch)) {
      const d = TCVN3_DECODE.get(ch)!;
      if (TCVN3_CASELESS.has(d) || d === 'đ') continue;
      cased++;
      if (isUpper(d)) upper++;
    } else if (LETTERISH.test(ch)) {
      cased++;
      if (isUpper(ch)) upper++;
    }
  }
  const allCaps = cased >= 4 && upper / cased >= 0.8;
  const out: string[] = [];
  let sentenceStart = true;
  for (const part of parts) {
    if (part === '' || /^\s+$/.test(part)) {
      out.push(part);
      continue;
    }
    let word = '';
    const caseless: boolean[] = [];
    for (const ch of part) {
      const d = TCVN3_DECODE.get(ch);
      word += d ?? ch;
      caseless.push(d !== undefined && TCVN3_CASELESS.has(d));
    }
    const chars = Array.from(word);
    const others = chars.filter((c, i) => !caseless[i] && LETTERISH.test(c));
    if (caseless.some(Boolean) && (allCaps || (others.length >= 2 && others.every(isUpper)))) {
      word = word.toUpperCase();
    } else if (sentenceStart && caseless[0]) {
      word = word[0]!.toUpperCase() + word.slice(1);
    }
    out.push(word);
    sentenceStart = /[.!?:;]["”')]*$/.test(part);
  }
  return out.join('');
}

/** Decodes VNI-Windows-as-Latin-1 text (greedy: two-character sequences first). */
export function decodeVni(text: string): string {
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const two = i + 1 < chars.length ? chars[i]! + chars[i + 1]! : '';
    const d2 = two ? VNI_DECODE.get(two) : undefined;
    if (d2 !== undefined) {
      out += d2;
      i++;
      continue;
    }
    out += VNI_DECODE.get(chars[i]!) ?? chars[i]!;
  }
  return out;
}

// ---------------------------------------------------------------- detection

/** Characters only Unicode Vietnamese has (not in Latin-1): evidence the text is already Unicode. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/gu;
const UNICODE_VIETNAMESE_TEST = new RegExp(UNICODE_VIETNAMESE.source, 'u');
const LATIN1_HIGH = /[\u00a0-\u00ff]/;
const NON_VIETNAMESE_LATIN1 = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/;
const WORD_SPLIT = /[\s!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~\u2013\u2014\u2018\u2019\u201c\u201d\u2026]+/u;

function trimNonLetters(w: string): string {
  return w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

function legacyWords(text: string): string[] {
  return text.split(WORD_SPLIT).filter((w) => w !== '' && LATIN1_HIGH.test(w));
}

function wordEvidence(words: string[], decode: (w: string) => string): { gain: number; loss: number; valid: number } {
  let gain = 0;
  let loss = 0;
  let valid = 0;
  for (const w of words) {
    const before = isVietnameseSyllable(trimNonLetters(w));
    const decoded = decode(w);
    const after = decoded !== w && /^\p{L}+$/u.test(decoded) && isVietnameseSyllable(decoded);
    if (after) valid++;
    if (after && !before) gain++;
    else if (before && !after && decoded !== w) loss++;
  }
  return { gain, loss, valid };
}

/**
 * Guesses the encoding of one paragraph or cell. Text that does not improve under either legacy
 * decoding (English, numbers, correct Unicode) is 'unicode'.
 */
export function detectEncoding(text: string): DetectionResult {
  // Fast path: only Latin-1 letters that Unicode Vietnamese itself uses (à á â ã è é ê ì í ò ó ô
  // õ ù ú ý): no legacy mark bytes (ø ù-as-mark û ï, © ¸ µ …) to decode. Only whether the text has
  // a Unicode-only letter matters there, not how many (counting them is the slow path's).
  if (!NON_VIETNAMESE_LATIN1.test(text)) {
    const anyUnicode = UNICODE_VIETNAMESE_TEST.test(text);
    if (anyUnicode || !/[\u00e2\u00ca\u00ea\u00c2\u00f4\u00d4]/.test(text)) {
      return { encoding: 'unicode', confidence: anyUnicode ? 1 : 0.9, evidence: { tcvn3: 0, vni: 0 } };
    }
  }
  const unicodeChars = (text.match(UNICODE_VIETNAMESE) ?? []).length;
  const words = legacyWords(text);
  if (words.length === 0) {
    return { encoding: 'unicode', confidence: unicodeChars > 0 ? 1 : 0.9, evidence: { tcvn3: 0, vni: 0 } };
  }
  const t = wordEvidence(words, decodeTcvn3);
  const v = wordEvidence(words, decodeVni);
  const tNet = t.gain - t.loss;
  const vNet = v.gain - v.loss;
  const best = tNet >= vNet ? { enc: 'tcvn3' as const, net: tNet, ev: t } : { enc: 'vni' as const, net: vNet, ev: v };
  const other = best.enc === 'tcvn3' ? vNet : tNet;
  // Unicode-only characters count against a legacy reading (mixed text in one cell is rare).
  const net = best.net - unicodeChars;
  if (net < 1) {
    const conf = unicodeChars > 0 || best.net <= 0 ? 0.95 : 0.6;
    return { encoding: 'unicode', confidence: conf, evidence: { tcvn3: tNet, vni: vNet } };
  }
  const ratio = best.ev.valid / words.length;
  const margin = net - Math.max(0, other);
  let confidence = ratio * (1 - Math.pow(0.5, net));
  if (margin <= 0) confidence *= 0.5; // both readings equally good: unsure which legacy encoding
  return { encoding: best.enc, confidence: round3(confidence), evidence: { tcvn3: tNet, vni: vNet } };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface ConvertOptions {
  /** Minimum confidence to rewrite the text (default 0.5). */
  minConfidence?: number;
}

/**
 * Converts one paragraph or cell from a legacy encoding to Unicode (NFC) when detected with enough
 * confidence; otherwise returns the NFC text unchanged with encoding 'unicode'.
 */
export function convertLegacy(text: string, options: ConvertOptions = {}): ConversionResult {
  const minConfidence = options.minConfidence ?? 0.5;
  const det = detectEncoding(text);
  if (det.encoding === 'unicode' || det.confidence < minConfidence) {
    const nfc = text.normalize('NFC');
    return {
      text: nfc,
      encoding: 'unicode',
      confidence: det.encoding === 'unicode' ? det.confidence : round3(1 - det.confidence),
      changed: false,
    };
  }
  const decoded = (det.encoding === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text)).normalize('NFC');
  return { text: decoded, encoding: det.encoding, confidence: det.confidence, changed: decoded !== text };
}

/**
 * Converts a multi-paragraph document paragraph by paragraph (a document may mix a pasted TCVN3
 * paragraph with Unicode ones). Line breaks are kept.
 */
export function convertLegacyDocument(
  text: string,
  options: ConvertOptions = {},
): { text: string; paragraphs: ConversionResult[] } {
  const pieces = text.split(/(\r\n|\n|\r)/);
  const paragraphs: ConversionResult[] = [];
  let out = '';
  for (const piece of pieces) {
    if (piece === '\n' || piece === '\r\n' || piece === '\r') {
      out += piece;
      continue;
    }
    const r = convertLegacy(piece, options);
    paragraphs.push(r);
    out += r.text;
  }
  return { text: out, paragraphs };
}

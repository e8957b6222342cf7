/**
 * Unicode normalisation and matching keys for Vietnamese text.
 *
 * The stored original is never rewritten by these functions' callers; they produce *keys*:
 * - `matchKey`: lowercase, NFC, one canonical tone placement, collapsed whitespace. Keeps
 *   diacritics, so 'hoà' and 'hòa' match but 'hoa' does not.
 * - `fold`: `matchKey` without any diacritics, đ → d. Accent-insensitive matching.
 *
 * Tone placement naming: in Vietnamese orthography 'hòa, thủy, khỏe, ủy' (tone on the first vowel
 * of an open oa/oe/uy) is the *traditional* style ("kiểu cũ"), and 'hoà, thuỷ, khoẻ, uỷ' the
 * *modern* style ("kiểu mới", tone on the main vowel). Both occur in council documents (the founding
 * notice has both 'Thị uỷ' and 'Ủy ban'). Keys use the traditional style because administrative
 * documents and the default setting of common input methods produce it ('Ủy ban nhân dân').
 */
import { canonicalSyllable, type TonePlacement } from './syllable.ts';

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const WHITESPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const WORD = /[\p{L}\p{M}]+/gu;

/** Unicode NFC (composed). Also turns the deprecated tone marks U+0340/U+0341 into U+0300/U+0301. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Collapses runs of any whitespace (including NBSP and ideographic space) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(WHITESPACE, ' ').trim();
}

/**
 * Rewrites every Vietnamese syllable with its tone mark at the canonical position, keeping case and
 * everything else (punctuation, foreign words, numbers) as is. Result is NFC.
 */
export function canonicalTones(text: string, placement: TonePlacement = 'traditional'): string {
  return text.normalize('NFC').replace(WORD, (w) => canonicalSyllable(w, placement));
}

/**
 * Characters that are visually Vietnamese letters but the wrong code point: Icelandic eth Ð/ð
 * (U+00D0/U+00F0) is typed for Đ, e.g. by Windows-1258 text read as Windows-1252.
 */
function fixLookalikes(text: string): string {
  return text.replace(/\u00D0/g, 'Đ').replace(/\u0189/g, 'Đ');
}

/** Lowercase + canonical tone placement + collapsed whitespace; diacritics kept. NFKC-based. */
export function matchKey(text: string): string {
  return collapseWhitespace(canonicalTones(fixLookalikes(text.normalize('NFKC')).toLowerCase()));
}

/** Removes all combining marks (tones and vowel marks) and maps đ/Đ to d/D. Case kept. */
export function stripDiacritics(text: string): string {
  return fixLookalikes(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/ð/g, 'd')
    .normalize('NFC');
}

/** Accent-insensitive key: no diacritics, đ → d, lowercase, collapsed whitespace. */
export function fold(text: string): string {
  return collapseWhitespace(stripDiacritics(text.normalize('NFKC')).toLowerCase());
}

const foldWordCache = new Map<string, string>();
/** `fold` for a single word, memoised (hot path of tokenisers). */
export function foldWord(word: string): string {
  let f = foldWordCache.get(word);
  if (f === undefined) {
    f = fold(word);
    if (foldWordCache.size > 200_000) foldWordCache.clear();
    foldWordCache.set(word, f);
  }
  return f;
}

/** True when the text has any Vietnamese diacritic (tone mark, vowel mark or đ). */
export function hasDiacritics(text: string): boolean {
  return stripDiacritics(text.normalize('NFC')) !== text.normalize('NFC');
}

export type { TonePlacement };

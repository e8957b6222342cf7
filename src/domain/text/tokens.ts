/**
 * Tokens for matching: legacy-encoding repair, abbreviation expansion, accent folding, stopwords.
 * Tokens are folded (no diacritics) so that text typed without accents still matches.
 */
import { DEFAULT_ABBREVIATIONS, expandAbbreviations, type AbbreviationDictionary } from './abbreviations.ts';
import { convertLegacy } from './legacy.ts';
import { fold, foldWord, matchKey } from './normalize.ts';

/**
 * Words that carry no topic: function words and the boilerplate of petition minutes ("cử tri phản
 * ánh, đề nghị các cấp có thẩm quyền quan tâm xem xét"). Written with diacritics: folding is
 * ambiguous (chợ/cho, đê/đề, rác/rất, cầu/cầu), so a word is dropped only when its accented form is
 * listed — or, in text typed without any accent, when its folded form is.
 */
export const DEFAULT_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'và với của là cho để được không những nhiều một này nay đó tại trên trong về thì mà sẽ đã đang cần ' +
    'sớm hiện nên rất cũng hoặc các như vì theo từ đến sau trước khi còn nếu bởi ra vào lên xuống ' +
    'cử tri kiến nghị đề phản ánh xem xét quan tâm có thẩm quyền giải quyết chỉ đạo ' +
    'người địa phương ngành chức năng bàn hiện nay tình trạng ' +
    'ông bà anh chị em tôi chúng hơn gì nào ai đây kia ấy thế nhất luôn vẫn mỗi mọi hay ' +
    'thời gian tạo điều kiện ý yêu mong muốn đồng thời đối với nhằm bị do gây'
  ).split(/\s+/),
);

const foldedStopwordCache = new WeakMap<ReadonlySet<string>, Set<string>>();
function foldedStopwords(stopwords: ReadonlySet<string>): Set<string> {
  let f = foldedStopwordCache.get(stopwords);
  if (!f) {
    f = new Set([...stopwords].map((w) => fold(w)));
    foldedStopwordCache.set(stopwords, f);
  }
  return f;
}

export interface TokenOptions {
  abbreviations?: AbbreviationDictionary;
  stopwords?: ReadonlySet<string>;
  /** Repair TCVN3/VNI text first (default true). */
  convertLegacy?: boolean;
}

/** Unicode, abbreviation-expanded form of a text (the basis for keys, tokens and anchors). */
export function preprocess(text: string, options: TokenOptions = {}): string {
  const unicode = options.convertLegacy === false ? text.normalize('NFC') : convertLegacy(text).text;
  return expandAbbreviations(unicode, options.abbreviations ?? DEFAULT_ABBREVIATIONS);
}

/** All folded word tokens (letters and digits), in order. */
export function words(text: string): string[] {
  return fold(text).match(/[a-z0-9]+/g) ?? [];
}

/** Folded content tokens of an already preprocessed text, stopwords removed. */
export function contentWords(preprocessed: string, stopwords: ReadonlySet<string> = DEFAULT_STOPWORDS): string[] {
  const key = matchKey(preprocessed);
  const accented = /[^\x00-\x7f]/.test(key);
  const folded = foldedStopwords(stopwords);
  const out: string[] = [];
  for (const m of key.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const w = m[0];
    const f = foldWord(w);
    if (!/^[a-z0-9]+$/.test(f)) {
      for (const part of f.match(/[a-z0-9]+/g) ?? []) out.push(part);
      continue;
    }
    if (f.length === 1 && !/\d/.test(f)) continue;
    if (stopwords.has(w)) continue;
    if (!accented && folded.has(f)) continue;
    out.push(f);
  }
  return out;
}

/** Unigrams plus adjacent bigrams ('a_b') of content words. */
export function ngramFeatures(tokens: readonly string[]): string[] {
  const out: string[] = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(tokens[i] + '_' + tokens[i + 1]);
  return out;
}

/** Convenience: raw text → content tokens (legacy repair, abbreviations, folding, stopwords). */
export function tokenize(text: string, options: TokenOptions = {}): string[] {
  return contentWords(preprocess(text, options), options.stopwords ?? DEFAULT_STOPWORDS);
}

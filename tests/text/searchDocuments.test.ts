// The search documents are built a whitespace-separated chunk at a time with memoised words
// (src/domain/text/searchQuery.ts, the import of 20,000 opinions); they must be exactly what the
// whole-text definitions give: over the development set, the forms an import writes, texts with
// abbreviations split across a space ("QL 1A"), and a seeded fuzz of the characters where a
// chunk-local shortcut could differ (combining marks after spaces, invisible joiners, compatibility
// characters that normalise to a space, final sigma, every kind of space).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exactDocument, searchDocument, searchDocuments, wholeText } from '../../src/domain/text/searchQuery.ts';
import { DEFAULT_ABBREVIATIONS, mergeAbbreviations, type AbbreviationDictionary } from '../../src/domain/text/abbreviations.ts';
import { searchVectorOf } from '../../src/domain/text/searchVector.ts';

const DEV_SET = readFileSync(new URL('../../bench/data/opinions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

/** An administrator's dictionary: a new numbered prefix, a lowercase-only entry, one replaced default. */
const CUSTOM: AbbreviationDictionary = mergeAbbreviations(DEFAULT_ABBREVIATIONS, [
  { abbr: 'KP', expansion: 'khu phố', numbered: true },
  { abbr: 'tdp', expansion: 'tổ dân phố', caseSensitive: false },
  { abbr: 'UBND', expansion: 'ủy ban nhân dân (cấp xã)' },
]);

const EDGE = [
  '', ' ', '   \u00a0 ', 'QL1A', 'QL 1A', 'QL.1A', 'QL. 1A', 'ql 1a', 'Ql  1A', 'QL\u00a01A', 'QL\u30001A', 'QL\ufeff1A', 'QL\u200b1A',
  'đường ĐT 624 và ĐT624B', 'KP 3, KP.4 và kp5', 'UBND xã, UBND-xã, UBND/xã', '1766/QĐ-TTg của TTg', 'LĐ-TB&XH, TN&MT, TN & MT',
  'tdp Long Thạnh, TDP 2, Tdp', 'CA xã, ca trực, Ca', 'số CCCD 051234567890', 'Q L 1 A', 'xã\u0301 e \u0301 a\u0300', 'ΑΣ ΑΣ.Β Σ',
  'İstanbul ǅemal', 'a\u00b4b c\u00a8d \u02dc e', 'ﬁ ﬂ ① ⑴ ½ Ⅻ ＡＢＣ', 'hoà hòa HOÀ Hoà thuỷ thủy', 'Ðường ðất Đường', 'x\u00adx y\u2060y z\ufeffz',
  'tab\tnew\nline\r\nvtab\u000bff\u000c end', 'em\u2003space thin\u2009space nnbsp\u202fa mmsp\u205fb ogham\u1680c ls\u2028d ps\u2029e',
  'Cử tri Trần Văn Bảy (thôn Thạnh Đức 1): Đề nghị sửa QL1A đoạn qua phường Sa Huỳnh. (12)',
];

/** The import bench's rows: every fifth names its speaker, the others carry a row number. */
function importForms(texts: string[]): string[] {
  return texts.flatMap((t, i) => [`${t} (${i + 1})`, `Cử tri Trần Văn Bảy (thôn Châu Me): ${t}`, t.toUpperCase(), t.normalize('NFD'), t.replace(/ /g, '  ')]);
}

/** Deterministic texts from the characters where chunking could go wrong. */
function fuzz(count: number, seed: number): string[] {
  const alphabet = [
    'a', 'Đ', 'đ', 'ư', 'ờ', 'Ủy', 'hoà', 'QL', 'ĐT', 'KP', 'UBND', 'TN', '&', 'MT', '-', '/', '.', ',', '(', ')', '1', '24', '1A', '624B',
    ' ', '  ', '\u00a0', '\u3000', '\u2003', '\t', '\n', '\ufeff', '\u200b', '\u00ad', '\u0301', '\u0300', '\u0323', '\u00b4', '\u00a8',
    'Σ', 'ς', 'İ', 'ﬁ', '①', 'Ⅻ', 'Ａ', 'Ð', 'ð', 'x', 'tdp', 'TTg', 'QĐ',
  ];
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join(''));
}

function mismatches(texts: string[], dict?: AbbreviationDictionary) {
  const bad: { text: string; kind: string; got: string; want: string }[] = [];
  // Twice: the second pass reads every chunk from the caches the first filled.
  for (let pass = 0; pass < 2; pass++) {
    for (const text of texts) {
      const s = searchDocument(text, dict);
      const ws = wholeText.searchDocument(text, dict);
      if (s !== ws) bad.push({ text, kind: 'search', got: s, want: ws });
      const e = exactDocument(text);
      const we = wholeText.exactDocument(text);
      if (e !== we) bad.push({ text, kind: 'exact', got: e, want: we });
      const both = searchDocuments(text, dict);
      if (both.search !== ws || both.exact !== we) bad.push({ text, kind: 'both', got: `${both.search}|${both.exact}`, want: `${ws}|${we}` });
    }
  }
  return bad;
}

describe('search documents built by chunks equal the whole-text definitions', () => {
  it('over the development set and the forms an import writes, with the default and an administrator dictionary', () => {
    const texts = [...DEV_SET, ...importForms(DEV_SET)];
    expect(texts.length).toBeGreaterThan(2000);
    expect(mismatches(texts)).toEqual([]);
    expect(mismatches(texts, CUSTOM)).toEqual([]);
  });

  it('on the edge cases: abbreviations across a space, invisible characters, compatibility forms, final sigma', () => {
    expect(mismatches(EDGE)).toEqual([]);
    expect(mismatches(EDGE, CUSTOM)).toEqual([]);
    // What a user notices: the expansion is found when the number follows the prefix after a space,
    // and the original abbreviation stays searchable.
    expect(searchDocument('Sửa QL 1A')).toBe(' sua ql 1a sua quoc lo 1a ');
    expect(searchDocument('KP 3', CUSTOM)).toBe(' kp 3 khu pho 3 ');
    expect(searchDocument('KP 3')).toBe(' kp 3 ');
  });

  it('on 10,000 fuzzed texts', () => {
    const texts = fuzz(10_000, 20261203);
    expect(mismatches(texts)).toEqual([]);
    expect(mismatches(texts.slice(0, 3000), CUSTOM)).toEqual([]);
  });
});

/** searchVectorOf as it was first written (split the documents, then a literal per word). */
function vectorByWords(searchDoc: string, exactDoc: string): string | null {
  const out: string[] = [];
  for (const doc of [searchDoc, exactDoc]) {
    const words = doc.replace(/^ +| +$/g, '').split(' ');
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!w) continue;
      if (w.includes("'") || w.includes('\\')) return null;
      out.push(`'${w}':${Math.min(i + 1, 16383)}`);
    }
  }
  return out.join(' ');
}

/** A tsvector literal of plain words ('w':1 or w:1,2) as the database reads it: each word's set of positions. */
function parsedVector(literal: string | null): Map<string, number[]> | null {
  if (literal === null) return null;
  const out = new Map<string, Set<number>>();
  for (const part of literal.split(' ').filter(Boolean)) {
    const at = part.lastIndexOf(':');
    const word = part.slice(0, at).replace(/^'(.*)'$/, '$1');
    const set = out.get(word) ?? new Set<number>();
    for (const p of part.slice(at + 1).split(',')) set.add(Number(p));
    out.set(word, set);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([w, ps]) => [w, [...ps].sort((a, b) => a - b)]));
}

describe('the search vector literal an import sends', () => {
  it('reads as the one the word-by-word definition gives, odd documents included', () => {
    const docs = [...DEV_SET, ...EDGE].map((t) => [searchDocument(t), exactDocument(t)] as const);
    const odd: [string, string][] = [['', ''], [' ', ' '], ['  a  b ', 'c'], ["a b'c", 'd'], ['a', 'b\\c'], ['a  ', '  b  c'], [' x '.repeat(17000), ' y ']];
    for (const [s, e] of [...docs, ...odd]) expect(parsedVector(searchVectorOf(s, e))).toEqual(parsedVector(vectorByWords(s, e)));
  });

  it('writes each word once, unquoted, and leaves anything but words to the database', () => {
    expect(searchVectorOf(' duong thon duong ', ' đường thôn đường ')).toBe('duong:1,3 thon:2 đường:1,3 thôn:2');
    expect(searchVectorOf(' ban ban ', ' bàn ban ')).toBe('ban:1,2,2 bàn:1');
    // A colon, a quote or a backslash would be read as syntax: the trigger computes those.
    for (const odd of ['a:b', "o'neil", 'a\\b', 'a-b']) expect(searchVectorOf(` ${odd} `, '')).toBeNull();
  });
});

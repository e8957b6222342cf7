// Search keys and queries for accent-insensitive search in the database.
//
// A searchable text is stored twice beside the original:
// - `searchDocument`: folded (no diacritics, đ → d, lowercase) with abbreviations expanded and the
//   original abbreviation kept, words separated by single spaces and padded with a space at both
//   ends so that a word is ' word ' — "duong" finds "đường" and "dương", "ql1a" finds "Quốc lộ 1A";
// - `exactDocument`: lowercase with canonical tone placement, diacritics kept — so "đường" can rank
//   "đường" above "dương", and old-style "hoà" matches new-style "hòa".
// A query is parsed into terms: plain words (whole-word match), `prefix*` words, and "quoted
// phrases". The SQL side (src/db/textSearch.ts) turns them into tsqueries (tsQueries below).
import { DEFAULT_ABBREVIATIONS, expandAbbreviations, findAbbreviations, isNumberedPrefix, type AbbreviationDictionary } from './abbreviations.ts';
import { fold, hasDiacritics, matchKey } from './normalize.ts';
import { prepareText } from './similarity.ts';

const WORD_SEP = /[^\p{L}\p{N}]+/gu;

function words(key: string): string[] {
  return key.split(WORD_SEP).filter(Boolean);
}

function pad(ws: string[]): string {
  return ws.length ? ` ${ws.join(' ')} ` : ' ';
}

// Documents are built a whitespace-separated chunk at a time, each chunk's words memoised: opinions
// repeat their words heavily (an import of 20,000 rows folds a few thousand distinct chunks).
// `fold` and `matchKey` are chunk-local: NFKC/NFD/NFC never compose or reorder across a whitespace
// character (a starter that composes with nothing), lowercasing's only context (final sigma) stops
// at one, and the word split drops it. So the words of a text are the words of its chunks, in
// order (tests/text/searchDocuments.test.ts checks this against the whole-text functions over the
// development set and edge cases). The invisible characters collapseWhitespace removes first
// (U+FEFF is also \s) join their neighbours, so they do not separate chunks.
const CHUNK_SEP = /[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/;
const CACHE_MAX = 100_000;

interface Chunk {
  folded: string[];
  exact: string[];
  /** The dictionary `abbreviations` was computed with. */
  dict: AbbreviationDictionary | null;
  abbreviations: ChunkAbbreviations | null;
}
interface ChunkAbbreviations {
  /** The folded words of the chunk's expansion, or null when it has no abbreviation. */
  expanded: string[] | null;
  /** Ends in a numbered prefix that a number in the next chunk may complete ("QL" of "QL 1A"). */
  tail: boolean;
}
const chunkCache = new Map<string, Chunk>();

function chunkOf(chunk: string): Chunk {
  let c = chunkCache.get(chunk);
  if (c === undefined) {
    c = { folded: words(fold(chunk)), exact: words(matchKey(chunk)), dict: null, abbreviations: null };
    if (chunkCache.size >= CACHE_MAX) chunkCache.clear();
    chunkCache.set(chunk, c);
  }
  return c;
}

function chunksOf(text: string): string[] {
  return text.split(CHUNK_SEP);
}

function foldedWords(chunks: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of chunks) if (c) for (const w of chunkOf(c).folded) out.push(w);
  return out;
}

// Abbreviations: findAbbreviations' matches never span whitespace, except a numbered prefix whose
// number follows after one space ("QL 1A"). So unless a chunk ending in a numbered prefix ("QL",
// "QL.") is followed by one starting with a digit, the expansion of a text is the expansion of
// each chunk, in order — memoised with its words; otherwise it is computed whole.
const NUMBERED_TAIL = /(?:^|[^\p{L}\p{N}/])(\p{L}{1,4})\.?$/u;
const STARTS_WITH_DIGIT = /^\d/;

function abbreviationsOf(text: string, c: Chunk, dict: AbbreviationDictionary): ChunkAbbreviations {
  if (c.dict === dict) return c.abbreviations!;
  const expansion = findAbbreviations(text, dict).length ? expandAbbreviations(text, dict) : null;
  const tail = NUMBERED_TAIL.exec(text.normalize('NFC'));
  c.dict = dict;
  c.abbreviations = { expanded: expansion === null ? null : foldedWords(chunksOf(expansion)), tail: tail !== null && isNumberedPrefix(tail[1]!, dict) };
  return c.abbreviations;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Both search documents of a text: searchDocument(text, dict) and exactDocument(text), in one pass. */
export function searchDocuments(text: string, dict: AbbreviationDictionary = DEFAULT_ABBREVIATIONS): { search: string; exact: string } {
  const chunks = chunksOf(text);
  const original: string[] = [];
  const exact: string[] = [];
  // The expansion's words, started at the first chunk with an abbreviation.
  let expanded: string[] | null = null;
  let whole = false;
  for (let i = 0; i < chunks.length; i++) {
    const t = chunks[i]!;
    if (!t) continue;
    const c = chunkOf(t);
    for (const w of c.exact) exact.push(w);
    if (whole) {
      for (const w of c.folded) original.push(w);
      continue;
    }
    const a = abbreviationsOf(t, c, dict);
    if (a.tail && STARTS_WITH_DIGIT.test(chunks[i + 1] ?? '')) whole = true;
    else if (a.expanded && !expanded) expanded = original.slice();
    if (expanded) for (const w of a.expanded ?? c.folded) expanded.push(w);
    for (const w of c.folded) original.push(w);
  }
  // "QL 1A": the whole text's expansion.
  if (whole) expanded = foldedWords(chunksOf(expandAbbreviations(text, dict)));
  // Keep both: the expansion for "quoc lo 1a", the original for "ql1a".
  const search = pad(!expanded || sameWords(expanded, original) ? original : [...original, ...expanded]);
  return { search, exact: pad(exact) };
}

export function searchDocument(text: string, dict?: AbbreviationDictionary): string {
  return searchDocuments(text, dict).search;
}

export function exactDocument(text: string): string {
  const out: string[] = [];
  for (const c of chunksOf(text)) if (c) for (const w of chunkOf(c).exact) out.push(w);
  return pad(out);
}

/** The whole-text definitions the chunked ones above must equal (kept for the equality test). */
export const wholeText = {
  searchDocument(text: string, dict?: AbbreviationDictionary): string {
    const original = words(fold(text));
    const expanded = words(fold(expandAbbreviations(text, dict)));
    const extra = expanded.join(' ') === original.join(' ') ? [] : expanded;
    return pad([...original, ...extra]);
  },
  exactDocument(text: string): string {
    return pad(words(matchKey(text)));
  },
};

export interface SearchTerm {
  /** Folded words of the term (one for a word, several for a phrase). */
  folded: string[];
  /** The same with diacritics, when the user typed any (for exact-diacritic ranking). */
  exact: string[] | null;
  prefix: boolean;
  phrase: boolean;
  /** The folded expansion when the term is an abbreviation ("ql1a" → quoc lo 1a), else null. */
  expansion: string[] | null;
}

const MAX_TERMS = 8;

/** `dict` must be the dictionary the documents were built with (searchDocument). */
export function parseSearchQuery(q: string, dict?: AbbreviationDictionary): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q.normalize('NFC'))) && terms.length < MAX_TERMS) {
    const raw = (m[1] ?? m[2] ?? '').trim();
    if (!raw) continue;
    const phrase = m[1] !== undefined;
    const prefix = !phrase && raw.endsWith('*');
    const body = prefix ? raw.slice(0, -1) : raw;
    // An abbreviation in the query ("QL1A", "UBND") is searched as typed: the document keeps both.
    const folded = words(fold(body));
    if (!folded.length) continue;
    const exact = hasDiacritics(body) ? words(matchKey(body)) : null;
    const expanded = words(fold(expandAbbreviations(body, dict)));
    const expansion = expanded.join(' ') === folded.join(' ') ? null : expanded;
    terms.push({ folded, exact, prefix, phrase: phrase || folded.length > 1, expansion });
  }
  return terms;
}

/** A tsquery literal for a sequence of words: one lexeme, or a phrase (`'nuoc' <-> 'sach'`). */
function sequence(ws: string[], prefix: boolean): string {
  // Words are letters and digits only (split by WORD_SEP); quote and escape anyway.
  const parts = ws.map((w) => `'${w.replace(/['\\]/g, (c) => `\\${c}`)}'`);
  if (prefix) parts[parts.length - 1] += ':*';
  return parts.length > 1 ? `(${parts.join(' <-> ')})` : parts[0]!;
}

export interface TsQueries {
  /** Every term, accent-insensitively (an abbreviation or a corrected spelling as alternatives). */
  match: string;
  /** Every term typed with diacritics, with those diacritics (ranked first), or null. */
  exact: string | null;
}

/**
 * The tsquery literals of parsed terms against the search vector (folded and exact words at the
 * same positions; see nt_search_vector in migration 0007). `corrections`: folded word → close
 * spellings from the vocabulary, tried as alternatives (typo tolerance).
 */
export function tsQueries(terms: SearchTerm[], corrections?: Map<string, string[]>): TsQueries {
  const match = terms.map((t) => {
    const alts = [sequence(t.folded, t.prefix)];
    if (t.expansion) alts.push(sequence(t.expansion, false));
    for (const c of corrections?.get(t.folded.join(' ')) ?? []) alts.push(sequence([c], false));
    return alts.length > 1 ? `(${alts.join(' | ')})` : alts[0]!;
  });
  const exact = terms.filter((t) => t.exact).map((t) => sequence(t.exact!, t.prefix));
  return { match: match.join(' & '), exact: exact.length ? exact.join(' & ') : null };
}

/**
 * What a "raised before?" lookup counts in the database before fetching candidates, as tsquery
 * literals over the search vector, most telling first: the text's anchors as phrases (a road, a
 * decision, an object such as "kênh N6"; not the speaker's own hamlet), pairs of neighbouring
 * content words, then content words. The rarest of them fetch the candidates.
 */
export function similarityProbes(text: string, max = 16): string[] {
  const p = prepareText(text);
  const out: string[] = [];
  const add = (q: string) => {
    if (!out.includes(q)) out.push(q);
  };
  for (const a of p.anchors) {
    const ws = words(fold(a.text));
    if (!a.speaker && ws.length) add(sequence(ws, false));
  }
  for (let i = 0; i + 1 < p.tokens.length; i++) {
    const [a, b] = [p.tokens[i]!, p.tokens[i + 1]!];
    if (a !== b) add(`${sequence([a], false)} & ${sequence([b], false)}`);
  }
  for (const t of p.tokens) if (t.length >= 3) add(sequence([t], false));
  return out.slice(0, max);
}

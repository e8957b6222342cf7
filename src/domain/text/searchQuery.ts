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
import { expandAbbreviations, type AbbreviationDictionary } from './abbreviations.ts';
import { fold, hasDiacritics, matchKey } from './normalize.ts';
import { prepareText } from './similarity.ts';

const WORD_SEP = /[^\p{L}\p{N}]+/gu;

function words(key: string): string[] {
  return key.split(WORD_SEP).filter(Boolean);
}

function pad(ws: string[]): string {
  return ws.length ? ` ${ws.join(' ')} ` : ' ';
}

export function searchDocument(text: string, dict?: AbbreviationDictionary): string {
  const original = words(fold(text));
  const expanded = words(fold(expandAbbreviations(text, dict)));
  // Keep both: the expansion for "quoc lo 1a", the original for "ql1a".
  const extra = expanded.join(' ') === original.join(' ') ? [] : expanded;
  return pad([...original, ...extra]);
}

export function exactDocument(text: string): string {
  return pad(words(matchKey(text)));
}

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

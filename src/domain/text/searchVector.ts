// What the database derives from a searchable row's two documents (migrations 0005, 0007), computed
// in the app instead for bulk writes: the search vector's tsvector literal and the vocabulary's
// words. Pure: the bulk writer runs it on a worker thread (src/db/searchColumns.ts).
import type { AbbreviationDictionary } from './abbreviations.ts';
import { searchDocuments } from './searchQuery.ts';

/** Documents the text engine made: words of letters and digits between spaces. */
const WORDS_ONLY = /^[\p{L}\p{N} ]*$/u;

/**
 * What nt_search_vector(searchDoc, exactDoc) computes, as a tsvector literal (the database parses
 * it, so the stored value is the same): each word of both documents at its position. Written short,
 * as the database prints a vector: each word once, unquoted, with all its positions ("duong:3,17"
 * for "'duong':3 'duong':17") — an import sends and parses a third less. Null when a document
 * holds anything but words and spaces (a quote, a backslash or a colon would be read otherwise):
 * the trigger then computes it.
 */
export function searchVectorOf(searchDoc: string, exactDoc: string): string | null {
  if (!WORDS_ONLY.test(searchDoc) || !WORDS_ONLY.test(exactDoc)) return null;
  // Each word's positions, in first-seen order (the database sorts the words and the positions).
  const positions = new Map<string, string>();
  for (const doc of [searchDoc, exactDoc]) {
    // The words as string_to_array(btrim(doc), ' ') splits them (empty ones keep their place),
    // scanned in place: the spaces at both ends trimmed, then a word per space.
    let start = 0;
    let end = doc.length;
    while (start < end && doc.charCodeAt(start) === 32) start++;
    while (end > start && doc.charCodeAt(end - 1) === 32) end--;
    let position = 1;
    for (let i = start; i <= end; position++) {
      let j = doc.indexOf(' ', i);
      if (j === -1 || j > end) j = end;
      if (j > i) {
        const w = doc.slice(i, j);
        const p = position < 16383 ? position : 16383;
        const seen = positions.get(w);
        positions.set(w, seen === undefined ? String(p) : `${seen},${p}`);
      }
      i = j + 1;
    }
  }
  // One piece per word, joined once (appending to one string costs more for an import's rows).
  const parts: string[] = [];
  for (const [w, p] of positions) parts.push(`${w}:${p}`);
  return parts.join(' ');
}

/** The words of search documents that the vocabulary keeps (3–40 letters), as its trigger (0005) picks them. */
export function vocabularyWords(searchDocs: Iterable<string>): string[] {
  const words = new Set<string>();
  const seen = new Set<string>();
  for (const doc of searchDocs) {
    // string_to_array(btrim(doc), ' ')'s words, and the empty ones at the ends, never kept anyway.
    for (const w of doc.split(' ')) {
      if (seen.has(w)) continue; // documents repeat their words: each is measured once
      seen.add(w);
      const n = /^[\x00-\x7f]*$/.test(w) ? w.length : [...w].length;
      if (n >= 3 && n <= 40) words.add(w);
    }
  }
  return [...words];
}

/** A searchable row's derived columns: its two documents and their vector. */
export interface SearchColumns {
  searchText: string;
  exactText: string;
  searchVector: string | null;
}

/** The derived columns of one text (searchDocuments with the dictionary, then searchVectorOf). */
export function searchColumnsOfText(text: string, dict: AbbreviationDictionary): SearchColumns {
  const d = searchDocuments(text, dict);
  return { searchText: d.search, exactText: d.exact, searchVector: searchVectorOf(d.search, d.exact) };
}

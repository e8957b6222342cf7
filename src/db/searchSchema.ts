// The search vocabulary: every folded word (3+ letters) that appears in a searchable document,
// trigram-indexed, so a misspelled query word is corrected against a small table instead of
// scanning documents (src/db/textSearch.ts).
import { sql, type SQL } from 'drizzle-orm';
import { pgTable, text, index, customType } from 'drizzle-orm/pg-core';

export const searchVocabulary = pgTable(
  'search_vocabulary',
  { word: text('word').primaryKey() },
  (t) => [index('search_vocabulary_trgm').using('gin', sql`${t.word} gin_trgm_ops`)],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The full-text vector of a searchable table, derived from its `search_text` and `exact_text`
 * documents (function nt_search_vector, migration 0007); GIN-indexed, queried by
 * src/db/textSearch.ts. A trigger (migration 0015) keeps it: a row inserted without one gets
 * nt_search_vector's, and a change of the documents recomputes it. A bulk insert may bring it
 * computed already (searchVectorOf, the same value; the import of 20,000 rows does). Strip it from
 * rows with `withoutSearchKeys`.
 */
export const searchVectorColumn = () => tsvector('search_vector');

/**
 * What nt_search_vector(searchDoc, exactDoc) computes, as the tsvector literal the function builds
 * (the database parses it, so the stored value is the same): each word of both documents at its
 * position. Null when a word holds a quote or backslash (the function would read it otherwise):
 * the trigger then computes it.
 */
export function searchVectorOf(searchDoc: string, exactDoc: string): string | null {
  if (searchDoc.includes("'") || searchDoc.includes('\\') || exactDoc.includes("'") || exactDoc.includes('\\')) return null;
  // One piece per word, joined once (appending to one string costs more for an import's rows).
  const parts: string[] = [];
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
      if (j > i) parts.push(`'${doc.slice(i, j)}':${position < 16383 ? position : 16383}`);
      i = j + 1;
    }
  }
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

/**
 * For the rest of the transaction, rows inserted into searchable tables keep the search vector
 * they bring and leave the vocabulary to the writer (migration 0015) — or, with `false`, return
 * to the triggers' care. Between the two, the writer must bring searchVectorOf's vector for every
 * row and call addVocabulary with their documents.
 */
export async function deriveSearchInApp(tx: { execute(q: SQL): Promise<unknown> }, on: boolean) {
  await tx.execute(sql`select set_config('nt.search_derived', ${on ? 'app' : ''}, true)`);
}

/** Adds the words of these search documents to the vocabulary, in one statement. */
export async function addVocabulary(tx: { execute(q: SQL): Promise<unknown> }, searchDocs: Iterable<string>) {
  const words = vocabularyWords(searchDocs);
  if (!words.length) return;
  await tx.execute(sql`insert into search_vocabulary (word) select w from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) as w on conflict do nothing`);
}

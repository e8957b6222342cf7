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
 * computed already (searchVectorOf in domain/text/searchVector.ts, the same value; the import of 20,000 rows does). Strip it from
 * rows with `withoutSearchKeys`.
 */
export const searchVectorColumn = () => tsvector('search_vector');

/**
 * For the rest of the transaction, rows inserted into searchable tables keep the search vector
 * they bring and leave the vocabulary to the writer (migration 0015) — or, with `false`, return
 * to the triggers' care. Between the two, the writer must bring searchVectorOf's vector for every
 * row and call addVocabularyWords with their documents' words.
 */
export async function deriveSearchInApp(tx: { execute(q: SQL): Promise<unknown> }, on: boolean) {
  await tx.execute(sql`select set_config('nt.search_derived', ${on ? 'app' : ''}, true)`);
}

/** Adds these words (vocabularyWords of the rows' search documents) to the vocabulary, in one statement. */
export async function addVocabularyWords(tx: { execute(q: SQL): Promise<unknown> }, words: readonly string[]) {
  if (!words.length) return;
  await tx.execute(sql`insert into search_vocabulary (word) select w from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) as w on conflict do nothing`);
}

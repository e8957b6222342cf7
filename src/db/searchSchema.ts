// The search vocabulary: every folded word (3+ letters) that appears in a searchable document,
// trigram-indexed, so a misspelled query word is corrected against a small table instead of
// scanning documents (src/db/textSearch.ts).
import { sql } from 'drizzle-orm';
import { pgTable, text, index, customType } from 'drizzle-orm/pg-core';

export const searchVocabulary = pgTable(
  'search_vocabulary',
  { word: text('word').primaryKey() },
  (t) => [index('search_vocabulary_trgm').using('gin', sql`${t.word} gin_trgm_ops`)],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The full-text vector of a searchable table, derived by the database from its `search_text` and
 * `exact_text` documents (function nt_search_vector, migration 0007); GIN-indexed, queried by
 * src/db/textSearch.ts. Never written by the app; strip it from rows with `withoutSearchKeys`.
 */
export const searchVectorColumn = () => tsvector('search_vector').generatedAlwaysAs(sql`nt_search_vector(search_text, exact_text)`);

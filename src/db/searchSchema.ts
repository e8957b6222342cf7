// The search vocabulary: every folded word (3+ letters) that appears in a searchable document,
// trigram-indexed, so a misspelled query word is corrected against a small table instead of
// scanning documents (src/db/textSearch.ts).
import { sql } from 'drizzle-orm';
import { pgTable, text, index } from 'drizzle-orm/pg-core';

export const searchVocabulary = pgTable(
  'search_vocabulary',
  { word: text('word').primaryKey() },
  (t) => [index('search_vocabulary_trgm').using('gin', sql`${t.word} gin_trgm_ops`)],
);

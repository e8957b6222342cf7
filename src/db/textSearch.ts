// Accent-insensitive full-text search in SQL that runs the same on PGlite and PostgreSQL, on the
// keys built by src/domain/text/searchQuery.ts. Every term must match (AND): whole word, phrase or
// prefix by LIKE on the padded folded document (and on the expansion of an abbreviation), served by
// a pg_trgm GIN index (`gin (search_doc gin_trgm_ops)`).
// Typo tolerance: when nothing matches, each word of 4+ letters is corrected against the search
// vocabulary (a small trigram-indexed table of the words in use) and the search runs again with the
// corrections as alternatives — still index-served, never a similarity scan over documents.
// Ranking: when the query carries diacritics, documents with the exact-diacritic words come first
// ("đường" before "dương"). Otherwise `rank` is null and the caller orders by recency, which lets
// the planner stop after the first page.
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';
import { likePattern, parseSearchQuery } from '../domain/text/searchQuery.ts';
import type { AbbreviationDictionary } from '../domain/text/abbreviations.ts';

export interface TextSearch {
  where: SQL;
  /** null when every match ranks the same (order by recency instead). */
  rank: SQL | null;
  /** Words that a typo-tolerant retry may correct. */
  tolerant: string[];
}

type Col = AnyColumn | SQL;
export interface SearchColumns {
  searchDoc: Col;
  exactDoc: Col;
}

/** `dict`: the abbreviation dictionary the documents were built with (default: the shipped one). */
export function textSearch(
  cols: SearchColumns,
  query: string | undefined,
  corrections?: Map<string, string[]>,
  dict?: AbbreviationDictionary,
): TextSearch | null {
  if (!query) return null;
  const terms = parseSearchQuery(query, dict);
  if (!terms.length) return null;
  const conds: SQL[] = [];
  const ranks: SQL[] = [];
  const tolerant: string[] = [];
  for (const t of terms) {
    const pattern = likePattern(t.folded, t.prefix);
    const word = t.folded.join(' ');
    if (!t.phrase && !t.prefix && !t.expansion && word.length >= 4) tolerant.push(word);
    const alternatives = [sql`${cols.searchDoc} like ${pattern}`];
    if (t.expansion) alternatives.push(sql`${cols.searchDoc} like ${likePattern(t.expansion, false)}`);
    for (const c of corrections?.get(word) ?? []) alternatives.push(sql`${cols.searchDoc} like ${likePattern([c], false)}`);
    conds.push(alternatives.length > 1 ? sql`(${sql.join(alternatives, sql` or `)})` : alternatives[0]!);
    if (t.exact) ranks.push(sql`(case when ${cols.exactDoc} like ${likePattern(t.exact, t.prefix)} then 1 else 0 end)`);
  }
  return { where: sql.join(conds, sql` and `), rank: ranks.length ? sql.join(ranks, sql` + `) : null, tolerant };
}

/** Close spellings of a word from the vocabulary, closest first. */
export async function correctWord(db: Db | Tx, word: string, limit = 3): Promise<string[]> {
  const r = await db.execute(
    sql`select word from search_vocabulary where word % ${word} and word <> ${word} order by similarity(word, ${word}) desc, word limit ${limit}`,
  );
  return r.rows.map((x) => (x as { word: string }).word);
}

/**
 * Runs a search strictly, and again with corrected spellings when the strict search found nothing.
 * `run` receives the search (null for no query) and returns its rows.
 */
export async function searchWithTypoFallback<T>(
  db: Db | Tx,
  cols: SearchColumns,
  query: string | undefined,
  run: (s: TextSearch | null) => Promise<T[]>,
  dict?: AbbreviationDictionary,
): Promise<{ rows: T[]; corrected: Map<string, string[]> | null }> {
  const strict = textSearch(cols, query, undefined, dict);
  const rows = await run(strict);
  if (rows.length || !strict?.tolerant.length) return { rows, corrected: null };
  const corrections = new Map<string, string[]>();
  for (const w of strict.tolerant) {
    const c = await correctWord(db, w);
    if (c.length) corrections.set(w, c);
  }
  if (!corrections.size) return { rows, corrected: null };
  return { rows: await run(textSearch(cols, query, corrections, dict)), corrected: corrections };
}

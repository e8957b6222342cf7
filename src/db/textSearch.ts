// Accent-insensitive full-text search in SQL, the same on PGlite and PostgreSQL.
//
// Matching: the query (src/domain/text/searchQuery.ts) becomes a tsquery over the row's
// `search_vector` (folded words and words with diacritics at the same positions, derived by the
// database from the two search documents; GIN-indexed): every term must match, whole word, phrase
// or prefix, an abbreviation or its expansion.
// Ranking: when the query carries diacritics, rows that have them ("đường", not "dương") come
// first; within each tier the caller's order (newest, number…) holds.
// Typo tolerance: when nothing matches, each word of 4+ letters is corrected against the search
// vocabulary (a small trigram-indexed table of the words in use) and the search runs again with the
// corrections as alternatives — still index-served, never a similarity scan over documents.
//
// Speed at a million rows (searchPage): a common word matches hundreds of thousands of rows, a rare
// one a handful, and PostgreSQL's estimate for several words is the product of their frequencies
// (far too low when words go together: "bảo hiểm y tế"). So the plan is not left to the estimate:
// each tier is first counted through the GIN index, stopping at a cap (a cheap, bounded count);
// then a tier with few rows is read through the index and sorted, and a tier with many is read in
// the caller's order through its b-tree index, stopping after the page. Text-search totals are
// counted up to SEARCH_WINDOW ("more than 1,000"); pages go as far as that window.
import { and, not, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';
import { parseSearchQuery, tsQueries } from '../domain/text/searchQuery.ts';
import type { AbbreviationDictionary } from '../domain/text/abbreviations.ts';
import { badRequest } from '../server/errors.ts';

/** Text-search results are counted, and can be paged, this far. */
export const SEARCH_WINDOW = 1000;

export interface TextSearch {
  /** Rows matching every term. */
  where: SQL;
  /** Rows that also carry the diacritics the user typed (they rank first), or null. */
  exact: SQL | null;
  /** Words that a typo-tolerant retry may correct. */
  tolerant: string[];
}

/** `dict`: the abbreviation dictionary the documents were built with (default: the shipped one). */
export function textSearch(
  vector: AnyColumn | SQL,
  query: string | undefined,
  corrections?: Map<string, string[]>,
  dict?: AbbreviationDictionary,
): TextSearch | null {
  if (!query) return null;
  const terms = parseSearchQuery(query, dict);
  if (!terms.length) return null;
  const q = tsQueries(terms, corrections);
  const tolerant = terms.filter((t) => !t.phrase && !t.prefix && !t.expansion && t.folded[0]!.length >= 4).map((t) => t.folded[0]!);
  return {
    where: sql`${vector} @@ ${q.match}::tsquery`,
    exact: q.exact ? sql`${vector} @@ ${q.exact}::tsquery` : null,
    tolerant,
  };
}

/** Close spellings of a word from the vocabulary, closest first (none for a word in use). */
export async function correctWord(db: Db | Tx, word: string, limit = 3): Promise<string[]> {
  const r = await db.execute(
    sql`select word from search_vocabulary where word % ${word} and word <> ${word}
          and not exists (select 1 from search_vocabulary v where v.word = ${word})
        order by similarity(word, ${word}) desc, word limit ${limit}`,
  );
  return r.rows.map((x) => (x as { word: string }).word);
}

/** Spelling corrections of a search's tolerant words (empty when none is close). */
async function correctionsOf(db: Db | Tx, s: TextSearch): Promise<Map<string, string[]>> {
  const corrections = new Map<string, string[]>();
  for (const w of s.tolerant) {
    const c = await correctWord(db, w);
    if (c.length) corrections.set(w, c);
  }
  return corrections;
}

/** A list that can be searched: the caller's query, given the conditions to apply. */
export interface SearchableList<T> {
  /** Rows matching `where`, in the list's order, from `offset`, at most `limit`. */
  rows(db: Db | Tx, where: SQL | undefined, offset: number, limit: number): Promise<T[]>;
  /** How many rows match `where`; with `cap`, stop counting there (the result is at most `cap`). */
  count(db: Db | Tx, where: SQL | undefined, cap?: number): Promise<number>;
}

export interface SearchPage<T> {
  rows: T[];
  /** Matching rows; for a text search at most SEARCH_WINDOW (see `more`). */
  total: number;
  /** More rows match a text search than `total` says. */
  more: boolean;
  /** Misspelled word → corrections used, when the search ran again with them. */
  corrected: Record<string, string[]> | null;
}

export interface SearchRequest {
  vector: AnyColumn | SQL;
  query: string | undefined;
  dict?: AbbreviationDictionary;
  /** Conditions besides the text: scope and filters. */
  filters: SQL | undefined;
  page: number;
  /** Above SEARCH_WINDOW: an export, every match up to pageSize in one go (no count, no window). */
  pageSize: number;
}

export const SEARCH_WINDOW_MESSAGE = `Chỉ xem được ${SEARCH_WINDOW.toLocaleString('vi-VN')} kết quả tìm kiếm đầu tiên. Hãy thêm từ khóa hoặc chọn bộ lọc (đợt, lĩnh vực, trạng thái…) để thu hẹp kết quả.`;

/** A page of a list, searched by text when the request has a query (see the header for the plan). */
export async function searchPage<T>(db: Db, list: SearchableList<T>, req: SearchRequest): Promise<SearchPage<T>> {
  const offset = (req.page - 1) * req.pageSize;
  const strict = textSearch(req.vector, req.query, undefined, req.dict);
  if (!strict) {
    const [rows, total] = await Promise.all([list.rows(db, req.filters, offset, req.pageSize), list.count(db, req.filters)]);
    return { rows, total, more: false, corrected: null };
  }
  const exporting = req.pageSize > SEARCH_WINDOW;
  if (!exporting && offset >= SEARCH_WINDOW) throw badRequest(SEARCH_WINDOW_MESSAGE);
  const run = (s: TextSearch) =>
    db.transaction((tx) => (exporting ? exportRows(tx, list, req.filters, s, req.pageSize) : pageRows(tx, list, req.filters, s, offset, req.pageSize)));
  const first = await run(strict);
  if (first.total > 0 || !strict.tolerant.length) return { ...first, corrected: null };
  const corrections = await correctionsOf(db, strict);
  if (!corrections.size) return { ...first, corrected: null };
  const again = await run(textSearch(req.vector, req.query, corrections, req.dict)!);
  return { ...again, corrected: Object.fromEntries(corrections) };
}

/** count(*) of `from` rows matching `where`, stopping at `cap` when given. */
export async function countRows(db: Db | Tx, from: SQL, where: SQL | undefined, cap?: number): Promise<number> {
  const r = await db.execute(
    sql`select count(*)::int as n from (select 1 from ${from} where ${where ?? sql`true`}${cap ? sql` limit ${cap}` : sql``}) matched`,
  );
  return (r.rows[0] as { n: number }).n;
}

/** The tiers of a search, best first: exact diacritics, then the rest. */
function tiers(s: TextSearch): SQL[] {
  return s.exact ? [and(s.where, s.exact)!, and(s.where, not(s.exact))!] : [s.where];
}

type Plan = 'index' | 'ordered';

/** Steers the planner for the rest of the transaction (see the header). */
async function usePlan(tx: Tx, plan: Plan) {
  const on = (b: boolean) => (b ? 'on' : 'off');
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true),
    set_config('enable_bitmapscan', ${on(plan === 'index')}, true),
    set_config('enable_indexscan', ${on(plan === 'ordered')}, true)`);
}

async function pageRows<T>(tx: Tx, list: SearchableList<T>, filters: SQL | undefined, s: TextSearch, offset: number, limit: number) {
  // Count each tier far enough to place the page, and to know a small tier from a large one.
  const cap = Math.max(SEARCH_WINDOW + 1, 20 * (offset + limit));
  const conds = tiers(s).map((t) => and(filters, t));
  await usePlan(tx, 'index');
  const counts: number[] = [];
  for (const c of conds) counts.push(await list.count(tx, c, cap));
  const rows: T[] = [];
  let skip = offset;
  for (const [i, c] of conds.entries()) {
    const n = counts[i]!;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    await usePlan(tx, n < cap ? 'index' : 'ordered');
    rows.push(...(await list.rows(tx, c, skip, limit - rows.length)));
    skip = 0;
    if (rows.length >= limit) break;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  return { rows, total: Math.min(total, SEARCH_WINDOW), more: total > SEARCH_WINDOW };
}

/** Every match up to `limit` (an export): tier after tier, the planner's own plans. */
async function exportRows<T>(tx: Tx, list: SearchableList<T>, filters: SQL | undefined, s: TextSearch, limit: number) {
  const rows: T[] = [];
  for (const t of tiers(s)) {
    if (rows.length >= limit) break;
    rows.push(...(await list.rows(tx, and(filters, t), 0, limit - rows.length)));
  }
  return { rows, total: rows.length, more: false };
}

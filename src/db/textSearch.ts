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
// (far too low when words go together: "bảo hiểm y tế"). So the plan is not left to the estimate.
// Each tier is counted up to a cap — by reading rows in index order when the tier is common (the
// cap is reached after a few thousand rows), else through the GIN index (countMatches) — and then a
// tier with few rows is read through the GIN index and sorted, a tier with many in the list's
// order through its b-tree index, stopping after the page. Text-search totals are counted up to
// SEARCH_WINDOW ("more than 1,000"); pages go as far as that window.
// A small scope (fewer than PROBE rows: a commune's or a district's list, nearly every list) needs
// none of this: one statement, without transaction or planner settings, reads the scope's rows
// through its own index, ranks the tiers and counts them (smallScopePage); only when it finds
// the scope large does the steered plan above run.
import { and, ilike, not, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';
import { parseSearchQuery, tsQueries } from '../domain/text/searchQuery.ts';
import { fold } from '../domain/text/normalize.ts';
import type { AbbreviationDictionary } from '../domain/text/abbreviations.ts';
import { badRequest } from '../server/errors.ts';

/**
 * Name lookup (units, delegates, agencies, users): the folded query anywhere in a folded key
 * column, so "phổ th" finds "Phổ Thạnh" as the user types. Documents (petitions, opinions) use the
 * word search below instead.
 */
export function nameSearch(key: AnyColumn, q: string | undefined): SQL | undefined {
  const f = q ? fold(q) : '';
  return f ? ilike(key, `%${f.replace(/[\\%_]/g, (m) => `\\${m}`)}%`) : undefined;
}

/** Text-search results are counted, and can be paged, this far. */
export const SEARCH_WINDOW = 1000;

interface TextSearch {
  /** Rows matching every term. */
  where: SQL;
  /** Rows that also carry the diacritics the user typed (they rank first), or null. */
  exact: SQL | null;
  /** Words that a typo-tolerant retry may correct. */
  tolerant: string[];
}

/** `dict`: the abbreviation dictionary the documents were built with (default: the shipped one). */
function textSearch(
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

/** SQL: close spellings of a word from the vocabulary, closest first (none for a word in use). */
function spellingsSql(word: string, limit = 3): SQL {
  return sql`select word from search_vocabulary where word % ${word} and word <> ${word}
          and not exists (select 1 from search_vocabulary v where v.word = ${word})
        order by similarity(word, ${word}) desc, word limit ${limit}`;
}

async function correctWord(db: Db | Tx, word: string): Promise<string[]> {
  const r = await db.execute(spellingsSql(word));
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
  /**
   * Rows matching `where`, in the list's order, from `offset`, at most `limit`. With `extra`, each
   * row also carries its columns (the total, so that page and total come in one statement). With
   * `first`, the rows for which it is true come first, each part in the list's order: the list
   * orders by `orderFirst(first)`, then by its own order (a text search's tiers in one statement).
   */
  rows(db: Db | Tx, where: SQL | undefined, offset: number, limit: number, extra?: TotalColumn, first?: SQL<boolean>): Promise<T[]>;
  /** What the list reads from (a table, or the join its rows come from), for counting. */
  from: SQL;
}

/** The count of every row of the list, as a column of each page row (computed once: an InitPlan, or a window count). */
export type TotalColumn = { total: SQL<number> };

/** What a list orders by before its own order, given `first` (see SearchableList.rows): nothing without it. */
export function orderFirst(first: SQL<boolean> | undefined): SQL[] {
  return first ? [sql`${first} desc`] : [];
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

const SEARCH_WINDOW_MESSAGE = `Chỉ xem được ${SEARCH_WINDOW.toLocaleString('vi-VN')} kết quả tìm kiếm đầu tiên. Hãy thêm từ khóa hoặc chọn bộ lọc (đợt, lĩnh vực, trạng thái…) để thu hẹp kết quả.`;

/** A page of a list, searched by text when the request has a query (see the header for the plan). */
export async function searchPage<T>(db: Db, list: SearchableList<T>, req: SearchRequest): Promise<SearchPage<T>> {
  const offset = (req.page - 1) * req.pageSize;
  const strict = textSearch(req.vector, req.query, undefined, req.dict);
  if (!strict) {
    const extra = { total: sql<number>`(select count(*)::int from ${list.from} where ${req.filters ?? sql`true`})` };
    const rows = (await list.rows(db, req.filters, offset, req.pageSize, extra)) as (T & { total?: number })[];
    // An empty page says nothing of the total, except on the first page.
    const total = rows[0]?.total ?? (offset === 0 ? 0 : await countRows(db, list.from, req.filters));
    for (const r of rows) delete r.total;
    return { rows, total, more: false, corrected: null };
  }
  const exporting = req.pageSize > SEARCH_WINDOW;
  if (!exporting && offset >= SEARCH_WINDOW) throw badRequest(SEARCH_WINDOW_MESSAGE);
  // `tolerant`: words a small scope's empty answer looks up corrections for in the same statement.
  const run = async (s: TextSearch, tolerant: readonly string[]): Promise<Found<T>> =>
    exporting
      ? db.transaction((tx) => exportRows(tx, list, req.filters, s, req.pageSize))
      : ((await smallScopePage(db, list, req.filters, s, offset, req.pageSize, tolerant)) ??
        db.transaction((tx) => pageRows(tx, list, req.filters, s, offset, req.pageSize)));
  const { corrections: found, ...first } = await run(strict, strict.tolerant);
  if (first.total > 0 || !strict.tolerant.length) return { ...first, corrected: null };
  const corrections = found ?? (await correctionsOf(db, strict));
  if (!corrections.size) return { ...first, corrected: null };
  const { corrections: _, ...again } = await run(textSearch(req.vector, req.query, corrections, req.dict)!, []);
  return { ...again, corrected: Object.fromEntries(corrections) };
}

/** A page of a text search; `corrections` of its tolerant words when it found none and looked them up. */
interface Found<T> {
  rows: T[];
  total: number;
  more: boolean;
  corrections?: Map<string, string[]>;
}

/** count(*) of `from` rows matching `where`, stopping at `cap` when given. */
async function countRows(db: Db | Tx, from: SQL, where: SQL | undefined, cap?: number): Promise<number> {
  const r = await db.execute(
    sql`select count(*)::int as n from (select 1 from ${from} where ${where ?? sql`true`}${cap ? sql` limit ${cap}` : sql``}) matched`,
  );
  return (r.rows[0] as { n: number }).n;
}

/** The tiers of a search, best first: exact diacritics, then the rest. */
function tiers(s: TextSearch): SQL[] {
  return s.exact ? [and(s.where, s.exact)!, and(s.where, not(s.exact))!] : [s.where];
}

export type Plan = 'index' | 'ordered';

/** The plan each open search transaction is set to (a statement is saved when it does not change). */
const plans = new WeakMap<Tx, Plan>();

/**
 * Steers the planner for the rest of the transaction (see the header). Its cost figures come from
 * the same low estimates, so JIT compilation and parallel workers, which would cost more than the
 * bounded work they are meant to speed up, are turned off too. Prepared statements are planned
 * afresh (a generic plan, made under other settings, would not follow them).
 */
export async function usePlan(tx: Tx, plan: Plan) {
  if (plans.get(tx) === plan) return;
  const on = (b: boolean) => (b ? 'on' : 'off');
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true),
    set_config('enable_bitmapscan', ${on(plan === 'index')}, true),
    set_config('enable_indexscan', ${on(plan === 'ordered')}, true),
    set_config('jit', 'off', true),
    set_config('plan_cache_mode', 'force_custom_plan', true),
    set_config('max_parallel_workers_per_gather', '0', true)`);
  plans.set(tx, plan);
}

/** Rows read in index order before a tier is counted through the GIN index instead… */
const SCAN_BUDGET = 10_000;
/** …after a first look at this many, which tells whether the budget is likely to be enough. */
const PROBE = 1_000;

/** What a search counts in: the list's rows and filters, within one transaction. */
export interface SearchScope {
  tx: Tx;
  from: SQL;
  filters: SQL | undefined;
  /** Rows in scope, counted up to SCAN_BUDGET — once, however many tiers or probes ask. */
  size(): Promise<number>;
  /** Set by countEach's first look: fewer than PROBE rows in scope (any plan reads them quickly). */
  small?: boolean;
}

export function searchScope(tx: Tx, from: SQL, filters: SQL | undefined): SearchScope {
  let size: Promise<number> | undefined;
  return { tx, from, filters, size: () => (size ??= countRows(tx, from, filters, SCAN_BUDGET)) };
}

/** SQL: rows among the first `budget` of the scope (in index order) that match `tier`, at most `cap`. */
function scanCountSql(scope: SearchScope, tier: SQL, budget: number, cap: number): SQL {
  return sql`(select count(*)::int from (select 1 from (
      select ${tier} as m from ${scope.from} where ${scope.filters ?? sql`true`} limit ${budget}) scanned where m limit ${cap}) hits)`;
}

async function scanCount(scope: SearchScope, tier: SQL, budget: number, cap: number): Promise<number> {
  const r = await scope.tx.execute(sql`select ${scanCountSql(scope, tier, budget, cap)} as n`);
  return (r.rows[0] as { n: number }).n;
}

/**
 * How many rows of the scope match each tier, at most `caps[i]` (a cap of 0 skips the tier).
 * Counting through the GIN index builds the whole list of matches, tens of milliseconds for a word
 * in a third of a million rows, while a common word reaches the cap after a few thousand rows read
 * in index order. So a first look at PROBE rows — every tier and the scope's size in one statement
 * — decides: a scope that small is counted there; a tier dense enough to reach the cap within
 * SCAN_BUDGET rows is counted by reading rows; anything else through the GIN index.
 */
export async function countEach(scope: SearchScope, conds: readonly SQL[], caps: readonly number[]): Promise<number[]> {
  await usePlan(scope.tx, 'ordered');
  const probe = await scope.tx.execute(
    sql`select ${sql.join(conds.map((t, i) => sql`${scanCountSql(scope, t, PROBE, Math.max(caps[i]!, 1))} as ${sql.identifier(`t${i}`)}`), sql`, `)},
      (select count(*)::int from (select 1 from ${scope.from} where ${scope.filters ?? sql`true`} limit ${PROBE}) s) as size`,
  );
  const row = probe.rows[0] as Record<string, number>;
  const small = (scope.small = row.size! < PROBE);
  const out: number[] = [];
  for (const [i, tier] of conds.entries()) {
    const cap = caps[i]!;
    const probed = Math.min(row[`t${i}`]!, cap);
    if (cap <= 0 || probed >= cap || small) {
      out.push(Math.max(probed, 0));
      continue;
    }
    if (probed * (SCAN_BUDGET / PROBE) >= cap) {
      await usePlan(scope.tx, 'ordered');
      const scanned = await scanCount(scope, tier, SCAN_BUDGET, cap);
      if (scanned >= cap || (await scope.size()) < SCAN_BUDGET) {
        out.push(scanned);
        continue;
      }
    }
    await usePlan(scope.tx, 'index');
    out.push(await countRows(scope.tx, scope.from, and(scope.filters, tier), cap));
  }
  return out;
}

/** How many rows of the scope match `tier`, at most `cap` (see countEach). */
export async function countMatches(scope: SearchScope, tier: SQL, cap: number): Promise<number> {
  return (await countEach(scope, [tier], [cap]))[0]!;
}

/**
 * A search's page and total in a small scope (fewer than PROBE rows: a commune's or a district's
 * list, almost every list), in one statement, without a transaction or planner settings; null
 * when the scope is large (the steered plan of pageRows follows). The scope's size is a subquery
 * the page's rows are gated on (an InitPlan: PostgreSQL evaluates it first and, in a large scope,
 * reads nothing more). The text conditions are written so that the GIN index cannot serve them
 * ("is true"): a common word's index entries span the whole table, while the scope's own index
 * reaches its few rows directly. The tiers come out in the order pageRows gives them: exact
 * diacritics first, each tier in the list's order. The total is a window count over the matches
 * (fewer than PROBE), not a subquery: PostgreSQL computes a subquery's value ahead of a parallel
 * scan even when the gate then stops it, so a large scope would pay for a full count. (JIT
 * compilation, which the estimate of the gated-off work would trigger, is off on the app's
 * connections: client.ts.) An empty page (no match, a page past the end, or a large scope) asks
 * once more, for the size and the total alone — and, when nothing matched, for the corrections
 * of the `tolerant` words (the typo-tolerant retry's first step).
 */
async function smallScopePage<T>(
  db: Db,
  list: SearchableList<T>,
  filters: SQL | undefined,
  s: TextSearch,
  offset: number,
  limit: number,
  tolerant: readonly string[],
): Promise<Found<T> | null> {
  const small = sql`(select count(*) from (select 1 from ${list.from} where ${filters ?? sql`true`} limit ${PROBE}) probe) < ${PROBE}`;
  const match = sql`(${s.where}) is true`;
  const first = s.exact ? sql<boolean>`(${s.exact}) is true` : undefined;
  const rows = (await list.rows(db, and(small, filters, match), offset, limit, { total: sql<number>`(count(*) over ())::int` }, first)) as (T & {
    total?: number;
  })[];
  if (rows.length) {
    const n = rows[0]!.total;
    if (typeof n !== 'number') throw new Error('SearchableList.rows: the page rows lack the `extra` total column');
    for (const r of rows) delete r.total;
    return { rows: rows as T[], total: n, more: false };
  }
  const total = sql<number>`(select count(*)::int from ${list.from} where ${and(filters, match)})`;
  const spellings = tolerant.map((w, i) => sql`, case when total = 0 then array(${spellingsSql(w)}) end as ${sql.identifier(`c${i}`)}`);
  const r = await db.execute(
    sql`select small, total${sql.join(spellings)} from (
      select small, case when small then ${total} end as total from (select ${small} as small offset 0) scope offset 0) counted`,
  );
  const row = r.rows[0] as { small: boolean; total: number | null } & Record<string, string[] | null>;
  if (!row.small) return null;
  const corrections = new Map<string, string[]>();
  for (const [i, w] of tolerant.entries()) if (row[`c${i}`]?.length) corrections.set(w, row[`c${i}`]!);
  return { rows: [], total: row.total!, more: false, corrections: row.total === 0 && tolerant.length ? corrections : undefined };
}

async function pageRows<T>(tx: Tx, list: SearchableList<T>, filters: SQL | undefined, s: TextSearch, offset: number, limit: number) {
  // Count each tier far enough to place the page (which lies within the window), and to know a
  // small tier from a large one. Once the tiers counted reach the cap, the page and the window lie
  // within them: a later tier is only counted as far as the cap leaves.
  const cap = SEARCH_WINDOW + 1;
  const conds = tiers(s);
  const scope = searchScope(tx, list.from, filters);
  const ns = await countEach(scope, conds, conds.map(() => cap));
  const counts: { n: number; full: boolean }[] = [];
  let counted = 0;
  for (const raw of ns) {
    const left = cap - counted;
    const n = Math.max(0, Math.min(raw, left));
    counts.push({ n, full: n >= left });
    counted += n;
  }
  const rows: T[] = [];
  let skip = offset;
  for (const [i, t] of conds.entries()) {
    const { n, full } = counts[i]!;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    // A tier counted to the end is small: read it through the GIN index. A full one is not. In a
    // small scope the plan counting left in place reads the page as fast (and saves a statement).
    if (!scope.small) await usePlan(tx, full ? 'ordered' : 'index');
    rows.push(...(await list.rows(tx, and(filters, t), skip, limit - rows.length)));
    skip = 0;
    if (rows.length >= limit) break;
  }
  return { rows, total: Math.min(counted, SEARCH_WINDOW), more: counted > SEARCH_WINDOW };
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

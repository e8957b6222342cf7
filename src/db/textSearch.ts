// Accent-insensitive full-text search in SQL that runs the same on PGlite and PostgreSQL, on the
// keys built by src/domain/text/searchQuery.ts. Each term must match (AND):
//   - whole word / phrase / prefix by LIKE on the padded folded document — a pg_trgm GIN index
//     (`gin (search_doc gin_trgm_ops)`) serves these;
//   - a word of 4+ letters that is not found as typed still matches a close spelling through
//     pg_trgm's word similarity (`<%`, also served by the index): typo tolerance.
// Rank: exact-diacritic word matches (on the exact document) above folded matches above fuzzy ones.
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { likePattern, parseSearchQuery } from '../domain/text/searchQuery.ts';

export interface TextSearch {
  where: SQL;
  rank: SQL;
}

export function textSearch(cols: { searchDoc: AnyColumn | SQL; exactDoc: AnyColumn | SQL }, query: string | undefined): TextSearch | null {
  if (!query) return null;
  const terms = parseSearchQuery(query);
  if (!terms.length) return null;
  const conds: SQL[] = [];
  const ranks: SQL[] = [];
  for (const t of terms) {
    const folded = likePattern(t.folded, t.prefix);
    const fuzzy = !t.phrase && !t.prefix && !t.expansion && t.folded[0]!.length >= 4;
    const word = t.folded.join(' ');
    const alternatives = [sql`${cols.searchDoc} like ${folded}`];
    if (t.expansion) alternatives.push(sql`${cols.searchDoc} like ${likePattern(t.expansion, false)}`);
    if (fuzzy) alternatives.push(sql`${word} <% ${cols.searchDoc}`);
    conds.push(sql`(${sql.join(alternatives, sql` or `)})`);
    const exactBonus = t.exact ? sql`case when ${cols.exactDoc} like ${likePattern(t.exact, t.prefix)} then 2 else 0 end` : sql`0`;
    ranks.push(
      sql`(case when ${cols.searchDoc} like ${folded} then 1 else ${fuzzy ? sql`word_similarity(${word}, ${cols.searchDoc})` : sql`0`} end + ${exactBonus})`,
    );
  }
  return { where: sql.join(conds, sql` and `), rank: sql.join(ranks, sql` + `) };
}

// "Raised before?": the petitions most similar to a text the clerk is typing, in any round of this
// council and of the councils whose units it was formed from (Phổ Thạnh, Phổ Châu → Sa Huỳnh; the
// town → the province). Candidates come from the database through the search vector's GIN index:
// the text's probes (anchors such as "kênh N6", neighbouring word pairs, words — similarityProbes)
// are counted with a cap, the rarest fetch the candidates ranked by how many probes they share,
// and the text engine (src/domain/text/similarity.ts) re-ranks them, its anchors keeping a
// different hamlet or road from matching. Bounded work at a million petitions.
// No personal data: petition text, number, round, status and last result only.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { textSimilarity } from '../../../domain/text/index.ts';
import { similarityProbes } from '../../../domain/text/searchQuery.ts';
import { countEach, countMatches, searchScope, usePlan } from '../../../db/textSearch.ts';
import { PETITION_STATUS_LABELS, RESPONSE_RESULT_LABELS, type PetitionStatus, type ResponseResult } from '../../../domain/petitions/status.ts';
import { councils } from '../../directory/schema.ts';
import { councilRow, predecessorUnits } from '../common.ts';
import { petitionRounds, petitions } from '../schema.ts';

/** Shortest text worth comparing. */
export const SIMILAR_MIN_CHARS = 10;
/** Score from which a petition counts as "the same matter raised before". */
export const SIMILAR_THRESHOLD = 0.35;
/** Score below which a petition is not shown at all. */
export const SIMILAR_MIN_SCORE = 0.2;
/** Candidates fetched from the database before re-ranking. */
const CANDIDATES = 50;
/** A probe matching this many petitions is too common to fetch candidates with. */
const PROBE_CAP = 300;
/** Candidates are fetched from the rarest probes until they cover about this many petitions. */
const PROBE_ROWS = 1500;

export interface SimilarPetition {
  id: string;
  councilId: string;
  councilName: string;
  /** false for a petition of a predecessor council (no link within this council). */
  ownCouncil: boolean;
  number: number;
  text: string;
  score: number;
  roundName: string;
  roundDate: string;
  status: string;
  statusLabel: string;
  lastResult: string | null;
  lastResultLabel: string | null;
}

export interface SimilarResult {
  items: SimilarPetition[];
  /** How many petitions score at or above the threshold, and the year of the oldest of them. */
  summary: { count: number; since: string | null; threshold: number };
}

/** This council and the councils of the units it was formed from (transitively). */
export async function lineageCouncils(db: Db, councilId: string): Promise<{ id: string; name: string }[]> {
  const council = await councilRow(db, councilId);
  const units = await predecessorUnits(db, council.unitId);
  const rows = await db.select({ id: councils.id, name: councils.name }).from(councils).where(inArray(councils.unitId, units));
  if (!rows.some((r) => r.id === councilId)) rows.push({ id: council.id, name: council.name });
  return rows;
}

export async function similarPetitions(db: Db, councilId: string, text: string, k = 5): Promise<SimilarResult> {
  const lineage = await lineageCouncils(db, councilId);
  const names = new Map(lineage.map((c) => [c.id, c.name]));
  const probes = similarityProbes(text);
  if (!probes.length) return { items: [], summary: { count: 0, since: null, threshold: SIMILAR_THRESHOLD } };
  const scope = inArray(petitions.councilId, lineage.map((c) => c.id));
  const matching = (q: string) => sql`${petitions.searchVector} @@ ${q}::tsquery`;
  const candidates = await db.transaction(async (tx) => {
    const lineageRows = searchScope(tx, sql`${petitions}`, scope);
    const ns = await countEach(lineageRows, probes.map(matching), probes.map(() => PROBE_CAP));
    const counted = probes.map((q, i) => ({ q, n: ns[i]! }));
    const found = counted.filter((c) => c.n > 0).sort((a, b) => a.n - b.n);
    const chosen: string[] = [];
    let covered = 0;
    for (const c of found) {
      if (c.n >= PROBE_CAP || (chosen.length && covered + c.n > PROBE_ROWS)) break;
      chosen.push(`(${c.q})`);
      covered += c.n;
    }
    const query = tx
      .select({
        id: petitions.id,
        councilId: petitions.councilId,
        number: petitions.number,
        text: petitions.text,
        status: petitions.status,
        roundName: petitionRounds.name,
        roundDate: petitionRounds.startDate,
        lastResult: sql<string | null>`(select r.result from petition_responses r where r.petition_id = "petitions"."id" order by r.created_at desc limit 1)`,
      })
      .from(petitions)
      .innerJoin(petitionRounds, eq(petitionRounds.id, petitions.originRoundId));
    if (chosen.length) {
      // A few hundred petitions at most: read through the GIN index, most probes shared first.
      const any = chosen.join(' | ');
      await usePlan(tx, 'index');
      return query
        .where(and(scope, matching(any)))
        .orderBy(sql`ts_rank(${petitions.searchVector}, ${any}::tsquery) desc`, desc(petitions.number))
        .limit(CANDIDATES);
    }
    // Every probe is common (in this council's history the matter is everywhere): the petitions
    // sharing as many of the most telling probes as possible — all of them if some petition does.
    const telling = counted.filter((c) => c.n > 0).map((c) => `(${c.q})`);
    for (let k = Math.min(telling.length, 8); k >= 1; k--) {
      const all = telling.slice(0, k).join(' & ');
      const n = await countMatches(lineageRows, matching(all), CANDIDATES);
      if (!n) continue;
      if (n < CANDIDATES) {
        await usePlan(tx, 'index');
        return query.where(and(scope, matching(all))).orderBy(desc(petitions.number)).limit(CANDIDATES);
      }
      // Many: this council's newest, read backwards along its number index.
      await usePlan(tx, 'ordered');
      return query.where(and(eq(petitions.councilId, councilId), matching(all))).orderBy(desc(petitions.councilId), desc(petitions.number)).limit(CANDIDATES);
    }
    return [];
  });
  const scored = candidates
    .map((c) => ({ ...c, score: Math.round(textSimilarity(text, c.text) * 1000) / 1000 }))
    .filter((c) => c.score >= SIMILAR_MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.roundDate < b.roundDate ? 1 : a.roundDate > b.roundDate ? -1 : 0));
  const matches = scored.filter((c) => c.score >= SIMILAR_THRESHOLD);
  const oldest = matches.reduce<string | null>((m, c) => (m === null || c.roundDate < m ? c.roundDate : m), null);
  return {
    items: scored.slice(0, k).map((c) => ({
      id: c.id,
      councilId: c.councilId,
      councilName: names.get(c.councilId) ?? '',
      ownCouncil: c.councilId === councilId,
      number: c.number,
      text: c.text,
      score: c.score,
      roundName: c.roundName,
      roundDate: c.roundDate,
      status: c.status,
      statusLabel: PETITION_STATUS_LABELS[c.status as PetitionStatus] ?? c.status,
      lastResult: c.lastResult,
      lastResultLabel: c.lastResult ? (RESPONSE_RESULT_LABELS[c.lastResult as ResponseResult] ?? c.lastResult) : null,
    })),
    summary: { count: matches.length, since: oldest ? oldest.slice(0, 4) : null, threshold: SIMILAR_THRESHOLD },
  };
}

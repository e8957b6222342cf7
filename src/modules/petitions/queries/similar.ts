// "Raised before?": the petitions most similar to a text the clerk is typing, in any round of this
// council and of the councils whose units it was formed from (Phổ Thạnh, Phổ Châu → Sa Huỳnh; the
// town → the province). Candidates come from the database by trigram similarity on the folded
// search column (pg_trgm GIN index), then are re-ranked in memory by the text engine
// (src/domain/text/similarity.ts), whose anchors keep a different hamlet or road from matching.
// No personal data: petition text, number, round, status and last result only.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { textSimilarity } from '../../../domain/text/index.ts';
import { searchDocument } from '../../../domain/text/searchQuery.ts';
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
/** Trigram similarity the database pre-filter asks for (loose: the text engine decides). */
const TRGM_THRESHOLD = 0.1;

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
  const doc = searchDocument(text).trim();
  if (!doc) return { items: [], summary: { count: 0, since: null, threshold: SIMILAR_THRESHOLD } };
  // `%` is served by the GIN trigram index; its threshold is set for this transaction only.
  const candidates = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local pg_trgm.similarity_threshold = ${TRGM_THRESHOLD}`));
    return tx
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
      .innerJoin(petitionRounds, eq(petitionRounds.id, petitions.originRoundId))
      .where(and(inArray(petitions.councilId, lineage.map((c) => c.id)), sql`${petitions.searchText} % ${doc}`))
      .orderBy(sql`similarity(${petitions.searchText}, ${doc}) desc`, petitions.id)
      .limit(CANDIDATES);
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

// The public page (no login): councils with published rounds, their rounds, and the petitions of
// a commune with their answers. Built from an explicit list of safe columns — never voter names,
// hamlets, user names or internal review comments.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { LEVEL_LABELS } from '../../../domain/petitions/counting.ts';
import { PETITION_STATUS_LABELS, RESPONSE_RESULT_LABELS, ROUND_KIND_LABELS, type PetitionStatus, type ResponseResult, type RoundKind } from '../../../domain/petitions/status.ts';
import { agencies, councils } from '../../directory/schema.ts';
import { notFound } from '../../../server/errors.ts';
import { predecessorUnits, searchRequest } from '../common.ts';
import { searchPage } from '../../../db/textSearch.ts';
import { listColumns } from './listPetitions.ts';
import { petitionRounds, petitions, responses } from '../schema.ts';

export async function publicCouncils(db: Db) {
  const rows = await db
    .select({ id: councils.id, name: councils.name, unitId: councils.unitId, validTo: councils.validTo })
    .from(councils)
    .where(sql`exists (select 1 from petition_rounds r where r.council_id = "councils"."id" and r.published)`)
    .orderBy(councils.sortKey, councils.name);
  return rows;
}

export async function publicRounds(db: Db, councilId: string) {
  const rows = await db
    .select({ id: petitionRounds.id, name: petitionRounds.name, kind: petitionRounds.kind, sessionName: petitionRounds.sessionName, startDate: petitionRounds.startDate, endDate: petitionRounds.endDate, status: petitionRounds.status })
    .from(petitionRounds)
    .where(and(eq(petitionRounds.councilId, councilId), eq(petitionRounds.published, true)))
    .orderBy(desc(petitionRounds.sequence));
  if (!rows.length) throw notFound('đợt tiếp xúc cử tri đã công bố của HĐND này');
  return rows.map((r) => ({ ...r, kindLabel: ROUND_KIND_LABELS[r.kind as RoundKind] }));
}

export async function publicPetitions(
  db: Db,
  councilId: string,
  q: { roundId?: string; unitId?: string; q?: string; page: number; pageSize: number },
) {
  const published = await db
    .select({ id: petitionRounds.id })
    .from(petitionRounds)
    .where(and(eq(petitionRounds.councilId, councilId), eq(petitionRounds.published, true)));
  const roundIds = published.map((r) => r.id).filter((id) => !q.roundId || id === q.roundId);
  if (!roundIds.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  // A commune's petitions include those raised in the units it was formed from (Phổ Thạnh → Sa Huỳnh).
  const units = q.unitId ? await predecessorUnits(db, q.unitId) : null;
  const filters = and(
    eq(petitions.councilId, councilId),
    // Only what the privacy guard or the clerk cleared, as it was cleared (privacy.ts).
    eq(petitions.privacyClearedText, petitions.text),
    sql`exists (select 1 from petition_round_entries e where e.petition_id = "petitions"."id" and e.round_id in ${roundIds})`,
    units ? sql`exists (select 1 from petition_opinions o where o.petition_id = "petitions"."id" and o.unit_id in ${units})` : undefined,
  );
  const { rows, total, more } = await searchPage(
    db,
    {
      rows: (tx, where, offset, limit, extra) =>
        tx
          .select({
            ...extra,
            id: petitions.id,
            number: petitions.number,
            text: petitions.text,
            status: petitions.status,
            competentLevel: petitions.competentLevel,
            // The list's own computed columns (no personal data among them).
            fieldName: listColumns.fieldName,
            agencyName: listColumns.agencyName,
            communes: listColumns.communes,
            voterCount: listColumns.voterCount,
            rounds: sql<string[] | null>`(select array_agg(r.name order by r.start_date) from petition_round_entries e join petition_rounds r on r.id = e.round_id where e.petition_id = "petitions"."id")`,
          })
          .from(petitions)
          .where(where)
          .orderBy(petitions.number)
          .limit(limit)
          .offset(offset),
      from: sql`${petitions}`,
    },
    searchRequest(petitions.searchVector, q.q, filters, q),
  );
  const ids = rows.map((r) => r.id);
  const answers = ids.length
    ? await db
        .select({
          petitionId: responses.petitionId,
          result: responses.result,
          text: responses.text,
          letterNumber: responses.letterNumber,
          letterDate: responses.letterDate,
          roadmap: responses.roadmap,
          committedDate: responses.committedDate,
          respondedOn: responses.respondedOn,
          agencyName: agencies.name,
        })
        .from(responses)
        .leftJoin(agencies, eq(agencies.id, responses.agencyId))
        .where(inArray(responses.petitionId, ids))
        .orderBy(responses.createdAt)
    : [];
  return {
    items: rows.map((r) => ({
      ...r,
      communes: r.communes ?? [],
      rounds: r.rounds ?? [],
      statusLabel: PETITION_STATUS_LABELS[r.status as PetitionStatus],
      levelLabel: r.competentLevel ? (LEVEL_LABELS[r.competentLevel] ?? r.competentLevel) : null,
      answers: answers
        .filter((a) => a.petitionId === r.id)
        .map(({ petitionId: _p, ...a }) => ({ ...a, resultLabel: RESPONSE_RESULT_LABELS[a.result as ResponseResult] })),
    })),
    total,
    more,
    page: q.page,
    pageSize: q.pageSize,
  };
}

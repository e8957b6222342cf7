// Rounds, their meetings, and the round's page figures: the founding notice's counts of petitions
// by competent level (07 central / 25 province / 34 district-or-town), in one SQL query, for the
// levels in force for the council (never a fixed list).
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import type { Db } from '../../../db/client.ts';
import { LEVEL_LABELS } from '../../../domain/petitions/counting.ts';
import { MEETING_MODE_LABELS, PETITION_STATUS_LABELS, ROUND_KIND_LABELS, type PetitionStatus, type RoundKind } from '../../../domain/petitions/status.ts';
import { adminUnits, bodies, councils } from '../../directory/schema.ts';
import { councilLevels, out, roundOf, rowsOf, type PageRequest } from '../common.ts';
import { contactMeetings, petitionRounds } from '../schema.ts';
import { countedOpinion, meetingOpinionCount, roundRaisedPetitionCount } from '../counts.ts';

export async function listRounds(db: Db, councilId: string, q: { page: number; pageSize: number; status?: string }) {
  const where = and(eq(petitionRounds.councilId, councilId), q.status ? eq(petitionRounds.status, q.status) : undefined);
  return pageWithTotal(
    q,
    (total) =>
      db.select({ ...getTableColumns(petitionRounds), total }).from(petitionRounds).where(where).orderBy(desc(petitionRounds.sequence)),
    () => countWhere(db, petitionRounds, where),
    (r) => ({ ...out(r), kindLabel: ROUND_KIND_LABELS[r.kind as RoundKind] }),
  );
}

/** Counts of the round's petitions per competent level and status: one query. */
export async function levelCounts(db: Db, roundId: string) {
  return rowsOf<{ level: string | null; status: string | null; n: number }>(db, sql`
    select p.competent_level as level, p.status as status, count(*)::int as n
    from petition_round_entries e join petitions p on p.id = e.petition_id
    where e.round_id = ${roundId}
    group by grouping sets ((p.competent_level), (p.status))`);
}

export async function roundSummary(db: Db, councilId: string, roundId: string) {
  const round = await roundOf(db, councilId, roundId);
  const levels = await councilLevels(db, councilId);
  const rows = await levelCounts(db, roundId);
  const byLevel = levels.map((level) => ({
    level,
    label: LEVEL_LABELS[level] ?? level,
    count: rows.find((r) => r.level === level && r.status === null)?.n ?? 0,
  }));
  const unclassified = rows.filter((r) => r.status === null && (r.level === null || !levels.includes(r.level))).reduce((n, r) => n + r.n, 0);
  const byStatus = rows
    .filter((r) => r.level === null && r.status !== null)
    .map((r) => ({ status: r.status!, label: PETITION_STATUS_LABELS[r.status as PetitionStatus] ?? r.status, count: r.n }));
  const [intake] = await rowsOf<{ opinions: number; unmerged: number; complaints: number; unclassified: number; raisedPetitions: number; meetings: number; votersAttending: number }>(
    db,
    sql`
      select count(*) filter (where ${countedOpinion})::int as opinions,
             count(*) filter (where o.petition_id is null and ${countedOpinion})::int as unmerged,
             count(*) filter (where o.kind = 'complaint')::int as complaints,
             count(*) filter (where o.classified_at is null and ${countedOpinion})::int as unclassified,
             ${roundRaisedPetitionCount(roundId)} as "raisedPetitions",
             (select count(*)::int from contact_meetings m where m.round_id = ${roundId}) as meetings,
             (select coalesce(sum(voters_attending), 0)::int from contact_meetings m where m.round_id = ${roundId}) as "votersAttending"
      from petition_opinions o where o.round_id = ${roundId}`,
  );
  const [council] = await db.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId));
  return {
    ...out(round),
    kindLabel: ROUND_KIND_LABELS[round.kind as RoundKind],
    councilName: council?.name ?? '',
    levels: byLevel,
    unclassifiedPetitions: unclassified,
    // The round's petitions (counts.ts): the parts by level add up to it, and so do those by status.
    petitions: {
      total: byLevel.reduce((n, l) => n + l.count, 0) + unclassified,
      raised: intake!.raisedPetitions,
      carriedOver: byLevel.reduce((n, l) => n + l.count, 0) + unclassified - intake!.raisedPetitions,
    },
    statuses: byStatus,
    intake: intake!,
  };
}

export async function listMeetings(db: Db, councilId: string, roundId: string, p: PageRequest) {
  await roundOf(db, councilId, roundId);
  const where = eq(contactMeetings.roundId, roundId);
  return pageWithTotal(
    p,
    (total) =>
      db
          .select({
            m: contactMeetings,
            unitName: adminUnits.name,
            bodyName: bodies.name,
            opinionCount: sql<number>`${meetingOpinionCount(sql`"contact_meetings"."id"`)}`,
            total,
          })
          .from(contactMeetings)
          .leftJoin(adminUnits, eq(adminUnits.id, contactMeetings.unitId))
          .leftJoin(bodies, eq(bodies.id, contactMeetings.bodyId))
          .where(where)
          .orderBy(contactMeetings.heldOn, contactMeetings.createdAt, contactMeetings.id),
    () => countWhere(db, contactMeetings, where),
    ({ m, unitName, bodyName, opinionCount }) => ({
      ...out(m),
      unitName,
      bodyName,
      opinionCount,
      modeLabel: MEETING_MODE_LABELS[m.mode as keyof typeof MEETING_MODE_LABELS] ?? m.mode,
    }),
  );
}

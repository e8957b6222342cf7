// Find and follow: petitions of a council with server-side pagination, filters (round, field,
// level, agency, status, deadline state, commune, delegate group) and accent-insensitive search on
// the folded search column (pg_trgm GIN index). Deadline states are computed from dates here, never
// stored: the tracked date is the pending dispatch's due date, or an in-progress answer's
// committed date.
import { petitionInRound } from '../counts.ts';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { deadlineStatus, DEADLINE_STATUS_LABELS, addDays, type DeadlineStatus, type WorkingCalendar } from '../../../domain/calendar/index.ts';
import { PETITION_STATUS_LABELS, RESPONSE_RESULT_LABELS, type PetitionStatus, type ResponseResult } from '../../../domain/petitions/status.ts';
import type { PetitionSettings } from '../../../domain/petitions/deadlines.ts';
import { LEVEL_LABELS } from '../../../domain/petitions/counting.ts';
import { searchPage, type SearchableList } from '../../../db/textSearch.ts';
import { searchRequest } from '../common.ts';
import { petitions } from '../schema.ts';

export interface PetitionFilter {
  page: number;
  pageSize: number;
  q?: string;
  roundId?: string;
  fieldId?: string;
  competentLevel?: string;
  agencyId?: string;
  status?: string;
  deadline?: 'due_soon' | 'overdue' | 'long_overdue' | 'late';
  unitId?: string;
  bodyId?: string;
}

/** SQL: the date a petition is tracked against (pending dispatch due date, or committed date). */
export const trackedDue = sql<string | null>`coalesce(
  (select min(di.due_date) from petition_dispatch_items di where di.petition_id = "petitions"."id" and di.state = 'pending'),
  (select r.committed_date from petition_responses r where r.petition_id = "petitions"."id"
     and "petitions"."status" in ('answered', 'unsatisfied') and r.result = 'in_progress'
     order by r.created_at desc limit 1)
)`;

export function deadlineCond(kind: PetitionFilter['deadline'], day: string, calendar: WorkingCalendar, settings: PetitionSettings): SQL | undefined {
  if (!kind) return undefined;
  if (kind === 'overdue' || kind === 'late') return sql`${trackedDue} < ${day}`;
  if (kind === 'long_overdue') return sql`${trackedDue} <= ${addDays(day, -settings.thresholds.longOverdueDays)}`;
  const soon = calendar.addWorkingDays(day, settings.thresholds.dueSoonWorkingDays);
  return sql`${trackedDue} >= ${day} and ${trackedDue} <= ${soon}`;
}

/** Scope and filters of a petition list; the text query is applied by searchPage. */
export function petitionConds(councilId: string, f: PetitionFilter, day: string, calendar: WorkingCalendar, settings: PetitionSettings) {
  return and(
    eq(petitions.councilId, councilId),
    // A round's petitions: raised in it or carried over into it (counts.ts), as the round page counts them.
    f.roundId ? petitionInRound(f.roundId) : undefined,
    f.fieldId ? eq(petitions.fieldId, f.fieldId) : undefined,
    f.competentLevel ? eq(petitions.competentLevel, f.competentLevel) : undefined,
    f.agencyId ? eq(petitions.agencyId, f.agencyId) : undefined,
    f.status ? eq(petitions.status, f.status) : undefined,
    f.unitId ? sql`exists (select 1 from petition_opinions o where o.petition_id = "petitions"."id" and o.unit_id = ${f.unitId})` : undefined,
    f.bodyId
      ? sql`exists (select 1 from petition_opinions o join contact_meetings m on m.id = o.meeting_id where o.petition_id = "petitions"."id" and m.body_id = ${f.bodyId})`
      : undefined,
    deadlineCond(f.deadline, day, calendar, settings),
  );
}

/** Columns every petition list shows (no personal data). */
export const listColumns = {
  id: petitions.id,
  councilId: petitions.councilId,
  number: petitions.number,
  text: petitions.text,
  status: petitions.status,
  roundId: petitions.roundId,
  originRoundId: petitions.originRoundId,
  fieldId: petitions.fieldId,
  competentLevel: petitions.competentLevel,
  agencyId: petitions.agencyId,
  version: petitions.version,
  updatedAt: petitions.updatedAt,
  fieldName: sql<string | null>`(select f.name from petition_fields f where f.id = "petitions"."field_id")`,
  agencyName: sql<string | null>`(select a.name from agencies a where a.id = "petitions"."agency_id")`,
  roundName: sql<string>`(select r.name from petition_rounds r where r.id = "petitions"."round_id")`,
  opinionCount: sql<number>`(select count(*)::int from petition_opinions o where o.petition_id = "petitions"."id")`,
  meetingCount: sql<number>`(select count(distinct o.meeting_id)::int from petition_opinions o where o.petition_id = "petitions"."id")`,
  communeCount: sql<number>`(select count(distinct o.unit_id)::int from petition_opinions o where o.petition_id = "petitions"."id")`,
  voterCount: sql<number>`(select coalesce(sum(greatest(o.voter_count, 1)), 0)::int from petition_opinions o where o.petition_id = "petitions"."id")`,
  communes: sql<string[] | null>`(select array_agg(distinct u.name) from petition_opinions o join admin_units u on u.id = o.unit_id where o.petition_id = "petitions"."id")`,
  outstandingSessions: sql<number>`(select greatest(count(*), 1)::int from petition_round_entries e join petition_rounds r on r.id = e.round_id where e.petition_id = "petitions"."id" and r.kind <> 'continuous')`,
  trackedDue,
  lastResult: sql<string | null>`(select r.result from petition_responses r where r.petition_id = "petitions"."id" order by r.created_at desc limit 1)`,
};

export type ListRow = { [K in keyof typeof listColumns]: unknown } & Record<string, unknown>;

/** Decorates a row with labels and computed deadline state. */
export function decorate(row: Record<string, unknown>, day: string, calendar: WorkingCalendar, settings: PetitionSettings) {
  const due = row.trackedDue as string | null;
  const status = row.status as PetitionStatus;
  const ds: DeadlineStatus | null = due && status !== 'closed' ? deadlineStatus(due, day, calendar, settings.thresholds) : null;
  return {
    ...row,
    updatedAt: row.updatedAt instanceof Date ? row.updatedAt.toISOString() : row.updatedAt,
    communes: (row.communes as string[] | null) ?? [],
    statusLabel: PETITION_STATUS_LABELS[status] ?? status,
    levelLabel: row.competentLevel ? (LEVEL_LABELS[row.competentLevel as string] ?? row.competentLevel) : null,
    lastResultLabel: row.lastResult ? RESPONSE_RESULT_LABELS[row.lastResult as ResponseResult] : null,
    deadlineStatus: ds,
    deadlineLabel: ds ? DEADLINE_STATUS_LABELS[ds] : null,
    carriedOver: (row.outstandingSessions as number) > 1,
  };
}

/** A council's petitions in number order (exact-diacritic matches first when searching). */
const petitionList: SearchableList<Record<string, unknown>> = {
  rows: (db, where, offset, limit, extra) =>
    db.select({ ...listColumns, ...extra }).from(petitions).where(where).orderBy(petitions.number).limit(limit).offset(offset),
  from: sql`${petitions}`,
};

export async function listPetitions(
  db: Db,
  councilId: string,
  f: PetitionFilter,
  env: { day: string; calendar: WorkingCalendar; settings: PetitionSettings },
) {
  const filters = petitionConds(councilId, f, env.day, env.calendar, env.settings);
  const result = await searchPage(db, petitionList, searchRequest(petitions.searchVector, f.q, filters, f));
  return {
    items: result.rows.map((r) => decorate(r, env.day, env.calendar, env.settings)),
    total: result.total,
    more: result.more,
    page: f.page,
    pageSize: f.pageSize,
    corrected: result.corrected,
  };
}

// Find and follow: petitions of a council with server-side pagination, filters (round, field,
// level, agency, status, deadline state, commune, delegate group) and accent-insensitive search on
// the folded search column (pg_trgm GIN index). Deadline states are computed from dates here, never
// stored: the tracked date is the pending dispatch's due date, or an in-progress answer's
// committed date.
import { petitionInRound } from '../counts.ts';
import { and, sql, type SQL } from 'drizzle-orm';
import { fixedSql as fixed } from '../../../db/flatSql.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { deadlineStatus, DEADLINE_STATUS_LABELS, addDays, type DeadlineStatus, type WorkingCalendar } from '../../../domain/calendar/index.ts';
import { PETITION_STATUS_LABELS, RESPONSE_RESULT_LABELS, type PetitionStatus, type ResponseResult } from '../../../domain/petitions/status.ts';
import type { PetitionSettings } from '../../../domain/petitions/deadlines.ts';
import { LEVEL_LABELS } from '../../../domain/petitions/counting.ts';
import { searchPage, type SearchableList, type TotalColumn } from '../../../db/textSearch.ts';
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

/**
 * Columns and the table as fixed text: rendering a Drizzle column or table reference costs several
 * microseconds each, at every request (the list's filters name them several times). The filters'
 * values are text and uuids, sent as they are.
 */
export const col = {
  councilId: fixed(sql`${petitions.councilId}`),
  fieldId: fixed(sql`${petitions.fieldId}`),
  competentLevel: fixed(sql`${petitions.competentLevel}`),
  agencyId: fixed(sql`${petitions.agencyId}`),
  status: fixed(sql`${petitions.status}`),
  number: fixed(sql`${petitions.number}`),
};
export const petitionsTable = fixed(sql`${petitions}`);

/** SQL: the date a petition is tracked against (pending dispatch due date, or committed date). */
export const trackedDue = fixed(sql<string | null>`coalesce(
  (select min(di.due_date) from petition_dispatch_items di where di.petition_id = "petitions"."id" and di.state = 'pending'),
  (select r.committed_date from petition_responses r where r.petition_id = "petitions"."id"
     and "petitions"."status" in ('answered', 'unsatisfied') and r.result = 'in_progress'
     order by r.created_at desc limit 1)
)`);

/**
 * SQL: the council's petitions whose tracked date (trackedDue) meets a condition, given twice:
 * `onDue` over the pending dispatch's due date `di.due_date`, `onCommitted` over an in-progress
 * answer's committed date. Equal to testing trackedDue, but read from indexes (pending items by due
 * date; the council's answered petitions by status) as one set of ids per statement, instead of two
 * subqueries for every petition of the council: at 20,000 petitions a deadline filter took ~300 ms
 * that way. A petition with a pending dispatch is tracked by it alone; only one without is tracked
 * by its answer.
 */
function trackedMeets(councilId: string, onDue: SQL, onCommitted: (date: SQL) => SQL): SQL {
  return sql`"petitions"."id" in (
    select di.petition_id from petition_dispatch_items di where di.state = 'pending' and ${onDue}
    union all
    select p.id from petitions p where p.council_id = ${councilId} and p.status in ('answered', 'unsatisfied')
      and not exists (select 1 from petition_dispatch_items di where di.petition_id = p.id and di.state = 'pending')
      and ${onCommitted(committedDate)})`;
}
const committedDate = fixed(sql`(select r.committed_date from petition_responses r where r.petition_id = p.id
     and r.result = 'in_progress' order by r.created_at desc limit 1)`);

export function deadlineCond(
  kind: PetitionFilter['deadline'],
  councilId: string,
  day: string,
  calendar: WorkingCalendar,
  settings: PetitionSettings,
): SQL | undefined {
  if (!kind) return undefined;
  if (kind === 'overdue' || kind === 'late') return trackedMeets(councilId, sql`di.due_date < ${day}`, (d) => sql`${d} < ${day}`);
  if (kind === 'long_overdue') {
    const limit = addDays(day, -settings.thresholds.longOverdueDays);
    return trackedMeets(councilId, sql`di.due_date <= ${limit}`, (d) => sql`${d} <= ${limit}`);
  }
  const soon = calendar.addWorkingDays(day, settings.thresholds.dueSoonWorkingDays);
  // The committed date as one range test, so that its subquery runs once per row.
  return trackedMeets(councilId, sql`di.due_date between ${day}::date and ${soon}::date`, (d) => sql`${d} <@ daterange(${day}::date, ${soon}::date, '[]')`);
}

/** Scope and filters of a petition list; the text query is applied by searchPage. */
export function petitionConds(councilId: string, f: PetitionFilter, day: string, calendar: WorkingCalendar, settings: PetitionSettings) {
  return and(
    sql`${col.councilId} = ${councilId}`,
    // A round's petitions: raised in it or carried over into it (counts.ts), as the round page counts them.
    f.roundId ? petitionInRound(f.roundId) : undefined,
    f.fieldId ? sql`${col.fieldId} = ${f.fieldId}` : undefined,
    f.competentLevel ? sql`${col.competentLevel} = ${f.competentLevel}` : undefined,
    f.agencyId ? sql`${col.agencyId} = ${f.agencyId}` : undefined,
    f.status ? sql`${col.status} = ${f.status}` : undefined,
    f.unitId ? sql`exists (select 1 from petition_opinions o where o.petition_id = "petitions"."id" and o.unit_id = ${f.unitId})` : undefined,
    f.bodyId
      ? sql`exists (select 1 from petition_opinions o join contact_meetings m on m.id = o.meeting_id where o.petition_id = "petitions"."id" and m.body_id = ${f.bodyId})`
      : undefined,
    deadlineCond(f.deadline, councilId, day, calendar, settings),
  );
}

/** The petition's own columns every list shows (no personal data). */
const ownColumns = {
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
};

/** Names looked up by key (one index probe each). */
const nameColumns = {
  fieldName: fixed(sql<string | null>`(select f.name from petition_fields f where f.id = "petitions"."field_id")`),
  agencyName: fixed(sql<string | null>`(select a.name from agencies a where a.id = "petitions"."agency_id")`),
  roundName: fixed(sql<string>`(select r.name from petition_rounds r where r.id = "petitions"."round_id")`),
};

/** What a petition's source opinions add up to: aggregates over `opinionsOf`, computed together. */
const opinionsOf = sql`petition_opinions o left join admin_units u on u.id = o.unit_id where o.petition_id = "petitions"."id"`;
const opinionTotals = {
  opinionCount: sql<number>`count(*)::int`,
  meetingCount: sql<number>`count(distinct o.meeting_id)::int`,
  communeCount: sql<number>`count(distinct o.unit_id)::int`,
  voterCount: sql<number>`coalesce(sum(greatest(o.voter_count, 1)), 0)::int`,
  communes: sql<string[] | null>`array_agg(distinct u.name) filter (where u.name is not null)`,
};
type OpinionTotal = keyof typeof opinionTotals;
/** One opinion aggregate as a column on its own (a single petition, the public list). */
const opinionTotal = <K extends OpinionTotal>(k: K) => fixed(sql`(select ${opinionTotals[k]} from ${opinionsOf})`) as (typeof opinionTotals)[K];

const outstandingSessions = fixed(
  sql<number>`(select greatest(count(*), 1)::int from petition_round_entries e join petition_rounds r on r.id = e.round_id where e.petition_id = "petitions"."id" and r.kind <> 'continuous')`,
);
const lastResponse = sql`petition_responses r where r.petition_id = "petitions"."id" order by r.created_at desc limit 1`;

/**
 * Columns every petition list shows (no personal data), each on its own: for one petition, or
 * picked by another list. The petitions list reads the same columns through `listRows`.
 */
export const listColumns = {
  ...ownColumns,
  ...nameColumns,
  opinionCount: opinionTotal('opinionCount'),
  meetingCount: opinionTotal('meetingCount'),
  communeCount: opinionTotal('communeCount'),
  voterCount: opinionTotal('voterCount'),
  communes: opinionTotal('communes'),
  outstandingSessions,
  trackedDue,
  lastResult: fixed(sql<string | null>`(select r.result from ${lastResponse})`),
};

/** The page's own columns, as the page subquery lists them. */
const pageColumns = fixed(sql.join(Object.values(ownColumns).map((c) => sql`${c}`), sql`, `));
/** The list's columns read from the page subquery and its joins (the names and order of listColumns). */
const pageFields: [string, SQL][] = [
  ...Object.entries(ownColumns).map(([k, c]): [string, SQL] => [k, sql`${c}`]),
  ...Object.entries(nameColumns),
  ...Object.keys(opinionTotals).map((k): [string, SQL] => [k, sql`"o".${sql.identifier(k)}`]),
  ['outstandingSessions', outstandingSessions],
  ['trackedDue', sql`"petitions"."tracked_due"`],
  ['lastResult', sql`"last"."result"`],
];
const selectList = (fields: [string, SQL][]) => fixed(sql`select ${sql.join(fields.map(([k, v]) => sql`${v} as ${sql.identifier(k)}`), sql`, `)} from`);
const selectPage = selectList(pageFields);
const selectPageWithTotal = selectList([...pageFields, ['total', sql`"petitions"."total"`]]);
/** What follows the page subquery: the opinion aggregates and the last answer of each of its rows. */
const joins = sql`cross join lateral (select ${sql.join(Object.entries(opinionTotals).map(([k, v]) => sql`${v} as ${sql.identifier(k)}`), sql`, `)} from ${opinionsOf}) "o"
    left join lateral (select r.result from ${lastResponse}) "last" on true`;
const pageJoins = fixed(sql`${joins} order by "petitions"."number"`);
/** The same, for a page whose rows for which `first` holds come first (SearchableList.rows). */
const pageJoinsFirst = fixed(sql`${joins} order by "petitions"."first" desc, "petitions"."number"`);

/**
 * A page of petitions with the list's columns, as one statement: the page's rows are chosen first
 * (filters, order, offset, limit on the petitions table alone), then the opinion aggregates and the
 * last answer are read for those rows only, each in one pass (lateral subqueries) instead of one
 * subquery per column per row. The page subquery is named "petitions", so the columns' SQL refers
 * to it as it would to the table. Everything but the filters and the page is fixed text.
 */
export async function listRows(
  db: Db | Tx,
  where: SQL | undefined,
  offset: number,
  limit: number,
  extra?: TotalColumn,
  first?: SQL<boolean>,
): Promise<Record<string, unknown>[]> {
  // `first` is a column of the page subquery (its order and the outer one's read it, once per row).
  const page = sql`select ${pageColumns}, ${trackedDue} as "tracked_due"${extra ? sql`, ${extra.total} as "total"` : sql``}${first ? sql`, ${first} as "first"` : sql``}
    from ${petitionsTable} where ${where ?? sql`true`} order by ${first ? sql`"first" desc, ` : sql``}${col.number} limit ${limit} offset ${offset}`;
  const { rows } = await db.execute(sql`${extra ? selectPageWithTotal : selectPage} (${page}) "petitions" ${first ? pageJoinsFirst : pageJoins}`);
  for (const r of rows) r.updatedAt = petitions.updatedAt.mapFromDriverValue(r.updatedAt as string);
  return rows;
}

export type ListRow = { [K in keyof typeof listColumns]: unknown } & Record<string, unknown>;

/**
 * Decorates a row with labels and computed deadline state, in place (the row is the driver's own:
 * copying its thirty columns for every row of every page cost more than the labels).
 */
export function decorate(row: Record<string, unknown>, day: string, calendar: WorkingCalendar, settings: PetitionSettings) {
  const due = row.trackedDue as string | null;
  const status = row.status as PetitionStatus;
  const ds: DeadlineStatus | null = due && status !== 'closed' ? deadlineStatus(due, day, calendar, settings.thresholds) : null;
  return Object.assign(row, {
    updatedAt: row.updatedAt instanceof Date ? row.updatedAt.toISOString() : row.updatedAt,
    communes: (row.communes as string[] | null) ?? [],
    statusLabel: PETITION_STATUS_LABELS[status] ?? status,
    levelLabel: row.competentLevel ? (LEVEL_LABELS[row.competentLevel as string] ?? row.competentLevel) : null,
    lastResultLabel: row.lastResult ? RESPONSE_RESULT_LABELS[row.lastResult as ResponseResult] : null,
    deadlineStatus: ds,
    deadlineLabel: ds ? DEADLINE_STATUS_LABELS[ds] : null,
    carriedOver: (row.outstandingSessions as number) > 1,
  });
}

/** A council's petitions in number order (exact-diacritic matches first when searching). */
const petitionList: SearchableList<Record<string, unknown>> = { rows: listRows, from: petitionsTable };

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

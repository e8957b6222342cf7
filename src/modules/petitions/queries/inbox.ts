// An agency's inbox: the petitions sent to it, with due dates and deadline state. Agency
// responders see the petition text, its field, the communes it came from and how many voters
// raised it — never voter names or hamlets, never another agency's petitions. Deadline states
// follow the thresholds of the council that sent each petition (an agency hears from several).
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { deadlineStatus, DEADLINE_STATUS_LABELS, type DeadlineThresholds, type WorkingCalendar } from '../../../domain/calendar/index.ts';
import { councils } from '../../directory/schema.ts';
import { loadSettings, searchRequest, settingsOfCouncils } from '../common.ts';
import { orderFirst, searchPage, type TotalColumn } from '../../../db/textSearch.ts';
import { dispatches, dispatchItems, petitions } from '../schema.ts';
import { notFound } from '../../../server/errors.ts';
import { responsesOf } from './getPetition.ts';
import { PETITION_STATUS_LABELS, type PetitionStatus } from '../../../domain/petitions/status.ts';

export interface InboxFilter {
  page: number;
  pageSize: number;
  q?: string;
  state?: 'pending' | 'answered' | 'returned';
  deadline?: 'overdue' | 'due_soon';
}

const columns = {
  item: dispatchItems,
  letterNumber: dispatches.letterNumber,
  letterDate: dispatches.letterDate,
  councilName: councils.name,
  number: petitions.number,
  text: petitions.text,
  petitionStatus: petitions.status,
  fieldName: sql<string | null>`(select f.name from petition_fields f where f.id = "petitions"."field_id")`,
  communes: sql<string[] | null>`(select array_agg(distinct u.name) from petition_opinions o join admin_units u on u.id = o.unit_id where o.petition_id = "petitions"."id")`,
  voterCount: sql<number>`(select coalesce(sum(greatest(o.voter_count, 1)), 0)::int from petition_opinions o where o.petition_id = "petitions"."id")`,
  meetingCount: sql<number>`(select count(distinct o.meeting_id)::int from petition_opinions o where o.petition_id = "petitions"."id")`,
};

function shape(r: Awaited<ReturnType<typeof baseQuery>>[number], day: string, calendar: WorkingCalendar, thresholds: DeadlineThresholds) {
  const ds = r.item.state === 'pending' ? deadlineStatus(r.item.dueDate, day, calendar, thresholds) : null;
  return {
    id: r.item.id,
    petitionId: r.item.petitionId,
    state: r.item.state,
    dueDate: r.item.dueDate,
    returnReason: r.item.returnReason,
    deadlineStatus: ds,
    deadlineLabel: ds ? DEADLINE_STATUS_LABELS[ds] : null,
    letterNumber: r.letterNumber,
    letterDate: r.letterDate,
    fromCouncil: r.councilName,
    number: r.number,
    text: r.text,
    petitionStatus: r.petitionStatus,
    petitionStatusLabel: PETITION_STATUS_LABELS[r.petitionStatus as PetitionStatus],
    fieldName: r.fieldName,
    communes: r.communes ?? [],
    voterCount: r.voterCount,
    meetingCount: r.meetingCount,
  };
}

function baseQuery(db: Db | Tx, extra?: TotalColumn) {
  return db
    .select({ ...columns, ...extra })
    .from(dispatchItems)
    .innerJoin(dispatches, eq(dispatches.id, dispatchItems.dispatchId))
    .innerJoin(petitions, eq(petitions.id, dispatchItems.petitionId))
    .innerJoin(councils, eq(councils.id, dispatchItems.councilId));
}

/**
 * "Due soon" in SQL, by the threshold of each item's council: the councils with pending items at
 * this agency (its province and communes — a handful to a few hundred, read from the
 * agency/state index) are grouped by their threshold, and each group gets its own due-date range.
 * The working-day calendar lives in code, so the ranges are computed here rather than in SQL.
 */
async function dueSoonCondition(db: Db, agencyId: string, day: string, calendar: WorkingCalendar): Promise<SQL> {
  const councilRows = await db
    .selectDistinct({ councilId: dispatchItems.councilId })
    .from(dispatchItems)
    .where(and(eq(dispatchItems.agencyId, agencyId), eq(dispatchItems.state, 'pending')));
  const settingsOf = await settingsOfCouncils(db, councilRows.map((r) => r.councilId));
  const byThreshold = new Map<number, string[]>();
  for (const { councilId } of councilRows) {
    const n = settingsOf(councilId).thresholds.dueSoonWorkingDays;
    byThreshold.set(n, [...(byThreshold.get(n) ?? []), councilId]);
  }
  if (!byThreshold.size) return sql`false`;
  const ranges = [...byThreshold].map(
    ([n, ids]) => sql`(${inArray(dispatchItems.councilId, ids)} and ${dispatchItems.dueDate} between ${day} and ${calendar.addWorkingDays(day, n)})`,
  );
  return sql`${dispatchItems.state} = 'pending' and (${sql.join(ranges, sql` or `)})`;
}

/** Scope and filters of an agency's inbox (the to-do count uses the same). */
export async function inboxConds(db: Db, agencyId: string, f: Pick<InboxFilter, 'state' | 'deadline'>, day: string, calendar: WorkingCalendar) {
  return and(
    eq(dispatchItems.agencyId, agencyId),
    f.state ? eq(dispatchItems.state, f.state) : undefined,
    f.deadline === 'overdue' ? sql`${dispatchItems.state} = 'pending' and ${dispatchItems.dueDate} < ${day}` : undefined,
    f.deadline === 'due_soon' ? await dueSoonCondition(db, agencyId, day, calendar) : undefined,
  );
}

export async function agencyInbox(db: Db, agencyId: string, f: InboxFilter, day: string, calendar: WorkingCalendar) {
  const filters = await inboxConds(db, agencyId, f, day, calendar);
  const { rows, total, more, corrected } = await searchPage(
    db,
    {
      rows: (tx, where, offset, limit, extra, first) =>
        baseQuery(tx, extra).where(where).orderBy(...orderFirst(first), dispatchItems.dueDate, petitions.number).limit(limit).offset(offset),
      from: sql`${dispatchItems} join ${petitions} on ${petitions.id} = ${dispatchItems.petitionId}`,
    },
    searchRequest(petitions.searchVector, f.q, filters, f),
  );
  // Each item's state by its own council's thresholds: the councils on this page, read once.
  const settingsOf = await settingsOfCouncils(db, rows.map((r) => r.item.councilId));
  return {
    items: rows.map((r) => shape(r, day, calendar, settingsOf(r.item.councilId).thresholds)),
    total, more, page: f.page, pageSize: f.pageSize, corrected,
  };
}

export async function agencyItem(db: Db, agencyId: string, itemId: string, day: string, calendar: WorkingCalendar) {
  const [r] = await baseQuery(db).where(and(eq(dispatchItems.id, itemId), eq(dispatchItems.agencyId, agencyId)));
  if (!r) throw notFound('kiến nghị được chuyển đến cơ quan');
  const settings = await loadSettings(db, r.item.councilId);
  const resp = await responsesOf(db, [r.item.petitionId], day, calendar, settings);
  return { ...shape(r, day, calendar, settings.thresholds), responses: resp.filter((x) => x.agencyId === agencyId).map((x) => ({ ...x })) };
}

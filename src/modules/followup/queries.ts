// The one inbox of what agencies owe, across kinds: one paged query over followup_items, the
// shared states (owed, answered and awaiting verification, closed, overdue) as SQL filters and,
// for the page's rows only, the engine's computed view (deadline state, days overdue, reminder).
import { and, asc, desc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { nameSearch } from '../../db/textSearch.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { DEADLINE_STATUS_LABELS } from '../../domain/calendar/index.ts';
import {
  obligationView, DEFAULT_FOLLOW_UP_SETTINGS, OBLIGATION_KIND_LABELS, OBLIGATION_STATUS_LABELS, type ObligationKind, type SentReminder, type ReminderKind,
} from '../../domain/followup/index.ts';
import { agencies, councils } from '../directory/schema.ts';
import { followupItems, followupReminders } from './schema.ts';
import { FOLLOWUP_FILTERS, type FollowupFilter } from '../../domain/followup/filters.ts';

export { FOLLOWUP_FILTERS };

export const FOLLOWUP_KINDS = ['petition_answer', 'recommendation', 'commitment', 'resolution_task', 'letter', 'periodic_report'] as const satisfies readonly ObligationKind[];
export interface ObligationQuery {
  agencyId?: string;
  councilId?: string;
  kind?: ObligationKind;
  status?: FollowupFilter;
  q?: string;
  page: number;
  pageSize: number;
}

/** The SQL of a status filter on `today` — the same states obligationView computes. */
export function statusWhere(status: FollowupFilter | undefined, today: string): SQL | undefined {
  const owed = and(isNull(followupItems.answeredOn), isNull(followupItems.closedOn));
  switch (status) {
    case 'owed': return owed;
    case 'overdue': return and(owed, lt(followupItems.due, today));
    case 'answered': return and(isNotNull(followupItems.answeredOn), isNull(followupItems.closedOn));
    case 'closed': return isNotNull(followupItems.closedOn);
    case 'open': return isNull(followupItems.closedOn);
    default: return undefined;
  }
}

export async function listObligations(db: Db | Tx, f: ObligationQuery, today: string, calendar: WorkingCalendar) {
  const where = and(
    f.agencyId ? eq(followupItems.agencyId, f.agencyId) : undefined,
    f.councilId ? eq(followupItems.councilId, f.councilId) : undefined,
    f.kind ? eq(followupItems.kind, f.kind) : undefined,
    statusWhere(f.status, today),
    nameSearch(followupItems.searchKey, f.q),
  );
  // One statement: the page with the total beside each row, and the reminders sent for its rows.
  const rows = await db
    .select({
      item: followupItems,
      agencyName: agencies.name,
      councilName: councils.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      sent: sql<{ kind: string; due: string; on: string }[] | null>`(
        select json_agg(json_build_object('kind', r.kind, 'due', r.due, 'on', r.sent_on) order by r.sent_on)
        from ${followupReminders} r where r.item_id = ${followupItems.id})`,
    })
    .from(followupItems)
    .innerJoin(agencies, eq(agencies.id, followupItems.agencyId))
    .innerJoin(councils, eq(councils.id, followupItems.councilId))
    .where(where)
    // Owed items first, the most urgent first; closed ones last, the newest closure first.
    .orderBy(sql`${followupItems.closedOn} is not null`, sql`${followupItems.answeredOn} is not null`, asc(followupItems.due), desc(followupItems.closedOn), asc(followupItems.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total = rows[0]?.total ?? (f.page > 1 ? await countObligations(db, where) : 0);
  return {
    items: rows.map((r) => {
      const sent: SentReminder[] = (r.sent ?? []).map((s) => ({ kind: s.kind as ReminderKind, due: s.due, on: s.on }));
      const o = r.item;
      const view = obligationView(
        { kind: o.kind as ObligationKind, id: o.id, agencyId: o.agencyId, originalDue: o.originalDue, due: o.due, answeredOn: o.answeredOn, closedOn: o.closedOn, reminders: sent },
        today, calendar, DEFAULT_FOLLOW_UP_SETTINGS,
      );
      return {
        id: o.id,
        kind: o.kind,
        kindLabel: OBLIGATION_KIND_LABELS[o.kind as ObligationKind] ?? o.kind,
        sourceId: o.sourceId,
        councilId: o.councilId,
        councilName: r.councilName,
        agencyId: o.agencyId,
        agencyName: r.agencyName,
        title: o.title,
        detail: o.detail,
        link: o.link,
        originalDue: o.originalDue,
        due: o.due,
        answeredOn: o.answeredOn,
        closedOn: o.closedOn,
        stateLabel: o.stateLabel,
        status: view.status,
        statusLabel: OBLIGATION_STATUS_LABELS[view.status],
        deadline: view.deadline,
        deadlineLabel: view.deadline ? DEADLINE_STATUS_LABELS[view.deadline] : null,
        overdue: view.overdue,
        daysOverdue: view.daysOverdue,
        answeredLate: view.answeredLate,
        extended: view.extended,
        remindersSent: sent.length,
      };
    }),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

async function countObligations(db: Db | Tx, where: SQL | undefined): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(followupItems).where(where);
  return r?.n ?? 0;
}

/** Counts per kind for one agency or council (the to-do lines and the dashboards). */
export async function obligationCounts(db: Db | Tx, scope: { agencyId: string } | { councilId: string }, today: string) {
  const owner = 'agencyId' in scope ? eq(followupItems.agencyId, scope.agencyId) : eq(followupItems.councilId, scope.councilId);
  const rows = await db
    .select({
      kind: followupItems.kind,
      owed: sql<number>`count(*) filter (where ${statusWhere('owed', today)})::int`,
      overdue: sql<number>`count(*) filter (where ${statusWhere('overdue', today)})::int`,
      answered: sql<number>`count(*) filter (where ${statusWhere('answered', today)})::int`,
      closed: sql<number>`count(*) filter (where ${statusWhere('closed', today)})::int`,
    })
    .from(followupItems)
    .where(owner)
    .groupBy(followupItems.kind);
  return rows;
}

// What is due or overdue, per agency: pending dispatches whose due date is near or past, and
// in-progress answers whose committed date is near or past. States are computed from dates.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { deadlineStatus, DEADLINE_STATUS_LABELS, daysOverdue, type DeadlineStatus, type WorkingCalendar } from '../../../domain/calendar/index.ts';
import { agencies, councils } from '../../directory/schema.ts';
import { dispatches, dispatchItems, petitions, responses } from '../schema.ts';
import { settingsOfCouncils } from '../common.ts';

export interface DueEntry {
  kind: 'answer' | 'commitment';
  dispatchItemId: string | null;
  petitionId: string;
  number: number;
  text: string;
  councilId: string;
  councilName: string;
  letterNumber: string;
  letterDate: string | null;
  dueDate: string;
  status: DeadlineStatus;
  statusLabel: string;
  daysOverdue: number;
}

export interface AgencyDue {
  agencyId: string;
  agencyName: string;
  agencyEmail: string;
  entries: DueEntry[];
  overdue: number;
  dueSoon: number;
}

export async function dueByAgency(db: Db, day: string, calendar: WorkingCalendar, opts: { councilId?: string } = {}): Promise<AgencyDue[]> {
  const settingsOf = await settingsOfCouncils(db);
  const thresholds = (councilId: string) => settingsOf(councilId).thresholds;
  const horizon = calendar.addWorkingDays(day, 30); // wide enough for any sane due-soon threshold
  const pending = await db
    .select({ i: dispatchItems, d: dispatches, p: petitions, councilName: councils.name })
    .from(dispatchItems)
    .innerJoin(dispatches, eq(dispatches.id, dispatchItems.dispatchId))
    .innerJoin(petitions, eq(petitions.id, dispatchItems.petitionId))
    .innerJoin(councils, eq(councils.id, dispatchItems.councilId))
    .where(
      and(
        eq(dispatchItems.state, 'pending'),
        sql`${dispatchItems.agencyId} is not null`,
        sql`${dispatchItems.dueDate} <= ${horizon}`,
        opts.councilId ? eq(dispatchItems.councilId, opts.councilId) : undefined,
      ),
    );
  const commitments = await db
    .select({ r: responses, p: petitions, councilName: councils.name })
    .from(responses)
    .innerJoin(petitions, eq(petitions.id, responses.petitionId))
    .innerJoin(councils, eq(councils.id, petitions.councilId))
    .where(
      and(
        eq(responses.result, 'in_progress'),
        inArray(petitions.status, ['answered', 'unsatisfied']),
        sql`${responses.agencyId} is not null`,
        sql`${responses.committedDate} <= ${horizon}`,
        sql`${responses.id} = (select r2.id from petition_responses r2 where r2.petition_id = "petitions"."id" order by r2.created_at desc limit 1)`,
        opts.councilId ? eq(petitions.councilId, opts.councilId) : undefined,
      ),
    );
  const byAgency = new Map<string, DueEntry[]>();
  const push = (agencyId: string, e: Omit<DueEntry, 'status' | 'statusLabel' | 'daysOverdue'>) => {
    const status = deadlineStatus(e.dueDate, day, calendar, thresholds(e.councilId));
    if (status === 'on_track') return;
    byAgency.set(agencyId, [...(byAgency.get(agencyId) ?? []), { ...e, status, statusLabel: DEADLINE_STATUS_LABELS[status], daysOverdue: daysOverdue(e.dueDate, day) }]);
  };
  for (const { i, d, p, councilName } of pending) {
    push(i.agencyId!, { kind: 'answer', dispatchItemId: i.id, petitionId: p.id, number: p.number, text: p.text, councilId: p.councilId, councilName, letterNumber: d.letterNumber, letterDate: d.letterDate, dueDate: i.dueDate });
  }
  for (const { r, p, councilName } of commitments) {
    push(r.agencyId!, { kind: 'commitment', dispatchItemId: r.dispatchItemId, petitionId: p.id, number: p.number, text: p.text, councilId: p.councilId, councilName, letterNumber: r.letterNumber, letterDate: r.letterDate, dueDate: r.committedDate! });
  }
  if (!byAgency.size) return [];
  const ags = await db.select().from(agencies).where(inArray(agencies.id, [...byAgency.keys()]));
  return ags
    .map((a) => {
      const entries = byAgency.get(a.id)!.sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.number - y.number);
      return {
        agencyId: a.id,
        agencyName: a.name,
        agencyEmail: a.email,
        entries,
        overdue: entries.filter((e) => e.status === 'overdue' || e.status === 'long_overdue').length,
        dueSoon: entries.filter((e) => e.status === 'due_soon').length,
      };
    })
    .sort((x, y) => y.overdue - x.overdue || x.agencyName.localeCompare(y.agencyName, 'vi'));
}

// What is due or overdue, per agency: pending dispatches whose due date is near or past, and
// in-progress answers whose committed date is near or past. States are computed from dates.
// Beside it, the reminder letters still to issue (reminderLetterDue): one SQL definition, counted by
// the secretariat's to-do line and filtered by the reminders page's "letter due" view.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
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
  /** Overdue petitions no reminder letter has urged yet (reminderLetterDue): a letter is due when > 0. Counted for one council's list (0 in the daily job's pass over every council). */
  lettersDue: number;
}

/**
 * A petition waiting on an agency for which a reminder letter is due: its dispatch item is pending
 * and past its due date (overdue, as the reminder letter computes it), and no reminder letter has
 * urged it since it fell due — neither a letter issued from the register with the reminder template
 * for that agency after the item was recorded (it lists every petition overdue on its date) nor a
 * reminder recorded with a letter number that names the item. An e-mail or in-app reminder (no
 * number) is not a letter.
 */
export function reminderLetterDue(councilId: string, day: string): SQL {
  const i = dispatchItems;
  return sql`(${i.councilId} = ${councilId} and ${i.agencyId} is not null and ${i.state} = 'pending' and ${i.dueDate} < ${day}
    and not exists (select 1 from petition_reminders r
      where r.council_id = ${i.councilId} and r.agency_id = ${i.agencyId} and r.letter_number <> ''
        and r.sent_on > ${i.dueDate} and r.dispatch_item_ids @> jsonb_build_array(${i.id}::text))
    and not exists (select 1 from documents d
      where d.council_id = ${i.councilId} and d.template_key = 'petition_reminder_letter' and d.status = 'issued'
        and d.params->>'agencyId' = ${i.agencyId}::text and d.issued_on > ${i.dueDate} and d.created_at > ${i.createdAt}))`;
}

/** The agencies a reminder letter is due to (one letter each), most overdue petitions first: one statement. */
export async function lettersDueByAgency(db: Db, councilId: string, day: string) {
  return db
    .select({ agencyId: sql<string>`${dispatchItems.agencyId}`, agencyName: agencies.name, n: sql<number>`count(*)`.mapWith(Number) })
    .from(dispatchItems)
    .innerJoin(agencies, eq(agencies.id, dispatchItems.agencyId))
    .where(reminderLetterDue(councilId, day))
    .groupBy(dispatchItems.agencyId, agencies.name)
    .orderBy(desc(sql`count(*)`), agencies.name);
}

export async function dueByAgency(
  db: Db,
  day: string,
  calendar: WorkingCalendar,
  opts: { councilId?: string; letterDue?: boolean } = {},
): Promise<AgencyDue[]> {
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
  const [ags, letters] = await Promise.all([
    db.select().from(agencies).where(inArray(agencies.id, [...byAgency.keys()])),
    opts.councilId ? lettersDueByAgency(db, opts.councilId, day) : Promise.resolve([]),
  ]);
  const lettersOf = new Map(letters.map((l) => [l.agencyId, l.n]));
  return ags
    .filter((a) => !opts.letterDue || lettersOf.has(a.id))
    .map((a) => {
      const entries = byAgency.get(a.id)!.sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.number - y.number);
      return {
        agencyId: a.id,
        agencyName: a.name,
        agencyEmail: a.email,
        entries,
        overdue: entries.filter((e) => e.status === 'overdue' || e.status === 'long_overdue').length,
        dueSoon: entries.filter((e) => e.status === 'due_soon').length,
        lettersDue: lettersOf.get(a.id) ?? 0,
      };
    })
    .sort((x, y) => y.overdue - x.overdue || x.agencyName.localeCompare(y.agencyName, 'vi'));
}

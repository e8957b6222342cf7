// The follow-up engine's daily reminders: once per Vietnam-time day (job_runs), for every item an
// agency still owes, the engine says which reminder is due today (reminderDue: working days only,
// once before the due date, then overdue and again every few working days); each agency's
// responders get ONE notification listing its items, and each reminder is recorded for its item.
// Petition answers keep the petition module's own daily job (src/modules/petitions/jobs), which
// also writes the reminder records that the petition pages show; they are not reminded twice.
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { JobDeps } from '../../server/module.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import {
  remindersByAgency, DEFAULT_FOLLOW_UP_SETTINGS, OBLIGATION_KIND_LABELS, type Obligation, type ObligationKind, type ReminderKind,
} from '../../domain/followup/index.ts';
import { loadCalendar } from '../petitions/common.ts';
import { jobRuns } from '../petitions/schema.ts';
import { deliverPending, notify } from '../notifications/service.ts';
import { followupItems, followupReminders } from './schema.ts';

export const FOLLOWUP_REMINDER_JOB = 'followup_reminders';
export const FOLLOWUP_REMINDER_KIND = 'followup.reminder';

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

export async function runFollowupReminders(deps: JobDeps) {
  const day = todayInVietnam(deps.clock());
  const result = await deps.db.transaction(async (tx) => {
    const [claimed] = await tx.insert(jobRuns).values({ job: FOLLOWUP_REMINDER_JOB, day }).onConflictDoNothing().returning();
    if (!claimed) return null;
    const calendar = await loadCalendar(tx);
    const open = await tx
      .select()
      .from(followupItems)
      .where(and(isNull(followupItems.answeredOn), isNull(followupItems.closedOn), ne(followupItems.kind, 'petition_answer')));
    const sent = open.length ? await tx.select().from(followupReminders).where(inArray(followupReminders.itemId, open.map((o) => o.id))) : [];
    const byId = new Map(open.map((o) => [o.id, o]));
    const obligations: Obligation[] = open.map((o) => ({
      kind: o.kind as ObligationKind, id: o.id, agencyId: o.agencyId, originalDue: o.originalDue, due: o.due, answeredOn: o.answeredOn, closedOn: o.closedOn,
      reminders: sent.filter((s) => s.itemId === o.id).map((s) => ({ kind: s.kind as ReminderKind, due: s.due, on: s.sentOn })),
    }));
    let reminders = 0;
    let notifications = 0;
    const groups = remindersByAgency(obligations, day, calendar, DEFAULT_FOLLOW_UP_SETTINGS);
    for (const g of groups) {
      const overdue = g.items.filter((i) => i.reminder === 'overdue');
      const lines = g.items.map((i) => {
        const row = byId.get(i.obligation.id)!;
        const when = i.reminder === 'overdue' ? `quá hạn ${i.daysOverdue} ngày (hạn ${vnDate(row.due)})` : `hạn ${vnDate(row.due)}`;
        return `- ${OBLIGATION_KIND_LABELS[i.obligation.kind]}: ${row.title} — ${when}`;
      });
      const title = overdue.length
        ? `Đôn đốc: ${overdue.length} việc quá hạn${g.items.length > overdue.length ? `, ${g.items.length - overdue.length} việc sắp đến hạn` : ''}`
        : `Nhắc hạn: ${g.items.length} việc sắp đến hạn`;
      const told = await notify(tx, { agencyId: g.agencyId }, { kind: FOLLOWUP_REMINDER_KIND, title, body: lines.join('\n'), link: `/agencies/${g.agencyId}/obligations` });
      await tx
        .insert(followupReminders)
        .values(g.items.map((i) => ({ itemId: i.obligation.id, kind: i.reminder, due: i.obligation.due, sentOn: day, notified: told })))
        .onConflictDoNothing();
      reminders += g.items.length;
      notifications += told;
    }
    const summary = { open: open.length, agencies: groups.length, reminders, notifications };
    await tx.update(jobRuns).set({ result: summary }).where(and(eq(jobRuns.job, FOLLOWUP_REMINDER_JOB), eq(jobRuns.day, day)));
    return summary;
  });
  if (!result) return { ran: false as const, day };
  const mail = await deliverPending(deps);
  return { ran: true as const, day, ...result, emailsSent: mail.sent, emailsFailed: mail.failed };
}

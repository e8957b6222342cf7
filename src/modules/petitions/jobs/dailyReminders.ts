// The daily reminder job (đôn đốc hằng ngày): lists what is due soon or overdue per agency, creates
// in-app notifications for the agency's responders and the councils' secretariats, and e-mails the
// agency. It runs once per Vietnam-time day even with several server processes: the (job, day)
// row in job_runs is inserted in the job's own transaction, so a second process finds it and
// stops (and a crash before commit leaves the day free to run again).
// What it urges is recorded as reminders (source 'job', by the system), one per agency and council:
// the overdue petitions of the e-mail, so the reminders page and each petition's timeline show it.
import { eq, and } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { JobDeps } from '../../../server/module.ts';
import { todayInVietnam } from '../../../domain/calendar/index.ts';
import { loadCalendar } from '../common.ts';
import { dueByAgency, type AgencyDue, type DueEntry } from '../queries/dueList.ts';
import { notify } from '../../notifications/service.ts';
import { jobRuns, reminders } from '../schema.ts';
import { sendMails, type Mail } from '../../notifications/mail.ts';
import { writeReminder } from '../actions/recordReminder.ts';
import { SYSTEM_ACTOR } from '../../audit/service.ts';

export const REMINDER_JOB = 'petition_reminders';

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The note of an automatic reminder record: how the agency was urged. */
export const AUTO_REMINDER_NOTE = {
  mail: 'Nhắc tự động qua thư điện tử và thông báo trên Nghị Trường',
  app: 'Nhắc tự động qua thông báo trên Nghị Trường (cơ quan chưa có địa chỉ thư điện tử hoặc chưa cấu hình máy chủ thư)',
};

const isOverdue = (e: DueEntry) => e.status === 'overdue' || e.status === 'long_overdue';

/**
 * What the daily e-mail urges (đôn đốc), per council: its overdue entries — late answers and late
 * committed completions. Due-soon entries are only a heads-up and are not recorded as reminders.
 * The e-mail lists these same entries (marked "Quá hạn"), so the record and the e-mail agree.
 */
export function urgedByCouncil(a: AgencyDue): Map<string, DueEntry[]> {
  const byCouncil = new Map<string, DueEntry[]>();
  for (const e of a.entries.filter(isOverdue)) byCouncil.set(e.councilId, [...(byCouncil.get(e.councilId) ?? []), e]);
  return byCouncil;
}

export function reminderMail(a: AgencyDue, day: string, publicUrl: string): Omit<Mail, 'to'> {
  const parts = [a.overdue ? `${a.overdue} kiến nghị quá hạn` : '', a.dueSoon ? `${a.dueSoon} kiến nghị sắp đến hạn` : ''].filter(Boolean);
  const lines = a.entries.map((e) => {
    const what = e.kind === 'answer' ? 'hạn trả lời' : 'thời hạn hoàn thành đã cam kết';
    const late = e.daysOverdue > 0 ? ` (quá hạn ${e.daysOverdue} ngày)` : '';
    const letter = e.letterNumber ? `, công văn số ${e.letterNumber}${e.letterDate ? ` ngày ${vnDate(e.letterDate)}` : ''}` : '';
    return `- Kiến nghị số ${e.number} (${e.councilName}${letter}): ${e.text}\n  ${e.statusLabel} — ${what} ${vnDate(e.dueDate)}${late}`;
  });
  return {
    // "Đôn đốc" only when something is overdue (and so recorded as a reminder); otherwise a heads-up.
    subject: `[Nghị Trường] ${a.overdue ? 'Đôn đốc' : 'Nhắc hạn'} trả lời kiến nghị của cử tri: ${parts.join(', ')}`,
    text: [
      `Kính gửi: ${a.agencyName}`,
      '',
      `Đến ngày ${vnDate(day)}, các kiến nghị của cử tri sau đây đã quá hạn hoặc sắp đến hạn trả lời:`,
      '',
      ...lines,
      '',
      `Đề nghị quý cơ quan xem xét, trả lời trên Nghị Trường: ${publicUrl}/agencies/${a.agencyId}/petitions`,
      '',
      'Thư này được gửi tự động; vui lòng không trả lời thư.',
    ].join('\n'),
  };
}


export async function runDailyReminders(deps: JobDeps) {
  const day = todayInVietnam(deps.clock());
  const prepared = await deps.db.transaction(async (tx) => {
    const [claimed] = await tx.insert(jobRuns).values({ job: REMINDER_JOB, day }).onConflictDoNothing().returning();
    if (!claimed) return null;
    const due = await dueByAgency(tx as unknown as Db, day, await loadCalendar(tx));
    // Reminders this job already recorded today, per agency and council. The job_runs claim above
    // already serialises runs (a second process waits on the key, then finds it taken); this keeps
    // the records one per agency, council and day even if the day's claim is cleared and re-run.
    const recorded = new Set(
      (await tx.select({ councilId: reminders.councilId, agencyId: reminders.agencyId }).from(reminders).where(and(eq(reminders.source, 'job'), eq(reminders.sentOn, day))))
        .map((r) => `${r.agencyId}:${r.councilId}`),
    );
    let notes = 0;
    let recordedNow = 0;
    const mails: Mail[] = [];
    for (const a of due) {
      const mail = reminderMail(a, day, deps.config.publicUrl);
      // The agency's responders as they chose (notifications); the agency's own mailbox gets the letter.
      notes += await notify(tx, { agencyId: a.agencyId }, { kind: 'petition.due', title: mail.subject.replace('[Nghị Trường] ', ''), body: mail.text, link: `/agencies/${a.agencyId}/petitions?state=pending` });
      const to = [a.agencyEmail].filter(Boolean);
      mails.push({ ...mail, to });
      const byMail = !!deps.config.smtp && to.some((x) => /.+@.+/.test(x));
      for (const [councilId, entries] of urgedByCouncil(a)) {
        if (recorded.has(`${a.agencyId}:${councilId}`)) continue;
        await writeReminder(tx, SYSTEM_ACTOR, {
          councilId,
          agencyId: a.agencyId,
          day,
          items: entries.map((e) => ({ petitionId: e.petitionId, dispatchItemId: e.dispatchItemId, dueDate: e.dueDate })),
          source: 'job',
          note: byMail ? AUTO_REMINDER_NOTE.mail : AUTO_REMINDER_NOTE.app,
        });
        recordedNow++;
      }
    }
    // Each council's secretariat gets one summary of its overdue petitions.
    const perCouncil = new Map<string, { name: string; overdue: number; agencies: Set<string> }>();
    for (const a of due) {
      for (const e of a.entries) {
        if (e.status !== 'overdue' && e.status !== 'long_overdue') continue;
        const c = perCouncil.get(e.councilId) ?? { name: e.councilName, overdue: 0, agencies: new Set<string>() };
        c.overdue++;
        c.agencies.add(a.agencyName);
        perCouncil.set(e.councilId, c);
      }
    }
    for (const [councilId, c] of perCouncil) {
      notes += await notify(tx, { councilId }, {
        kind: 'petition.overdue_summary',
        title: `${c.overdue} kiến nghị của cử tri đã quá hạn trả lời`,
        body: `Cơ quan chưa trả lời đúng hạn: ${[...c.agencies].join('; ')}.`,
        link: `/councils/${councilId}/petitions?deadline=overdue`,
      });
    }
    const result = { agencies: due.length, entries: due.reduce((n, a) => n + a.entries.length, 0), notifications: notes, reminders: recordedNow };
    await tx.update(jobRuns).set({ result }).where(and(eq(jobRuns.job, REMINDER_JOB), eq(jobRuns.day, day)));
    return { result, mails };
  });
  if (!prepared) return { ran: false as const, day };
  const mail = await sendMails(deps.config, prepared.mails);
  await deps.db
    .update(jobRuns)
    .set({ result: { ...prepared.result, emailsSent: mail.sent, emailsFailed: mail.failed, smtp: !mail.skipped } })
    .where(and(eq(jobRuns.job, REMINDER_JOB), eq(jobRuns.day, day)));
  return { ran: true as const, day, ...prepared.result, emailsSent: mail.sent, emailsFailed: mail.failed };
}

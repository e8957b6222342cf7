// Reminders to presenting agencies before and after the due date of each expected document
// (issue #11), through the one notification path: the daily job (AppModule.dailyJobs, once per
// Vietnam-time day through job_runs) asks the domain which reminder is due today (reminderDue:
// working days only, once per kind and due date), notifies the agency's responders (`notify`; an
// e-mail right away by default) and records what it sent. The secretariat may also issue the
// reminder letter (ND30 công văn) through the documents engine.
import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull, isNotNull, ne } from 'drizzle-orm';
import type { JobDeps } from '../../server/module.ts';
import { invalid, notFound } from '../../server/errors.ts';
import { daysBetween, todayInVietnam } from '../../domain/calendar/index.ts';
import { formatShortDate, twoDigits } from '../../domain/documents/format.ts';
import { reminderDue, reminderText, documentTiming, type ReminderKind, type SentReminder } from '../../domain/sessions/index.ts';
import { recordEvent } from '../audit/service.ts';
import { agencies, councils } from '../directory/schema.ts';
import { jobRuns } from '../petitions/schema.ts';
import { deliverPending, notify } from '../notifications/service.ts';
import { issueDocumentTx } from '../documents/service.ts';
import { getTemplate, registerTemplate, type DocumentTemplate } from '../documents/templates/registry.ts';
import { SignatureParams, signatureSlots, tableLetter, varsOf } from '../documents/templates/common.ts';
import { loadCalendar, out, ruleSetOf, sessionOf, type ActionCtx, type DbOrTx } from './common.ts';
import { councilSessions, sessionDocuments, sessionItems } from './schema.ts';
import { sessionReminderLetters, sessionReminders, sessionVerifications } from './verificationSchema.ts';

export const SESSION_REMINDER_JOB = 'session_document_reminders';
export const REMINDER_NOTE_KIND = 'session.document_reminder';

/**
 * Documents an agency still owes: not received, with a due date, in a session not closed. The
 * committee's verification report is not the agency's; a response report only once the committee
 * has asked for one.
 */
async function owedDocuments(db: DbOrTx, f: { sessionId?: string; agencyId?: string } = {}) {
  return db
    .select({
      doc: sessionDocuments, itemTitle: sessionItems.title, sessionTitle: councilSessions.title, openingDate: councilSessions.openingDate,
      ruleSetKey: councilSessions.ruleSetKey, councilName: councils.name, agencyName: agencies.name, needsResponse: sessionVerifications.needsResponse,
    })
    .from(sessionDocuments)
    .innerJoin(sessionItems, eq(sessionItems.id, sessionDocuments.itemId))
    .innerJoin(councilSessions, eq(councilSessions.id, sessionDocuments.sessionId))
    .innerJoin(councils, eq(councils.id, sessionDocuments.councilId))
    .innerJoin(agencies, eq(agencies.id, sessionDocuments.agencyId))
    .leftJoin(sessionVerifications, eq(sessionVerifications.itemId, sessionItems.id))
    .where(and(
      isNull(sessionDocuments.receivedOn), isNotNull(sessionDocuments.dueDate), ne(councilSessions.state, 'closed'),
      ne(sessionDocuments.kind, 'verificationReport'),
      inArray(sessionItems.state, ['planned', 'received', 'assigned', 'verified', 'responded', 'onAgenda']),
      f.sessionId ? eq(sessionDocuments.sessionId, f.sessionId) : undefined,
      f.agencyId ? eq(sessionDocuments.agencyId, f.agencyId) : undefined,
    ))
    .orderBy(asc(sessionDocuments.dueDate), asc(sessionItems.position))
    .then((rows) => rows.filter((r) => r.doc.kind !== 'responseReport' || r.needsResponse === true));
}

const documentLine = (r: { doc: { title: string }; itemTitle: string }) => `${r.doc.title} – ${r.itemTitle}`;

export async function runSessionReminders(deps: JobDeps) {
  const day = todayInVietnam(deps.clock());
  const result = await deps.db.transaction(async (tx) => {
    const [claimed] = await tx.insert(jobRuns).values({ job: SESSION_REMINDER_JOB, day }).onConflictDoNothing().returning();
    if (!claimed) return null;
    const calendar = await loadCalendar(tx);
    const owed = await owedDocuments(tx);
    const sent = owed.length
      ? await tx.select().from(sessionReminders).where(inArray(sessionReminders.documentId, owed.map((r) => r.doc.id)))
      : [];
    const sentBy = new Map<string, SentReminder[]>();
    for (const s of sent) sentBy.set(s.documentId, [...(sentBy.get(s.documentId) ?? []), { kind: s.kind as ReminderKind, due: s.dueDate, on: s.sentOn }]);
    const profiles = new Map<string, number>();
    let reminders = 0;
    let notifications = 0;
    for (const r of owed) {
      const key = `${r.doc.councilId}:${r.ruleSetKey}`;
      if (!profiles.has(key)) profiles.set(key, (await ruleSetOf(tx, r.doc.councilId, r.ruleSetKey)).profile.dueSoonWorkingDays);
      const kind = reminderDue({
        due: r.doc.dueDate, receivedOn: r.doc.receivedOn, today: day, calendar, beforeWorkingDays: profiles.get(key)!, sent: sentBy.get(r.doc.id) ?? [],
      });
      if (!kind) continue;
      const text = reminderText(kind, { document: documentLine(r), session: `${r.sessionTitle} ${r.councilName}`, agency: r.agencyName, due: r.doc.dueDate!, today: day });
      const told = await notify(tx, { agencyId: r.doc.agencyId! }, { kind: REMINDER_NOTE_KIND, title: text.subject, body: text.body, link: `/agencies/${r.doc.agencyId}/session-documents` });
      await tx.insert(sessionReminders).values({ documentId: r.doc.id, councilId: r.doc.councilId, agencyId: r.doc.agencyId!, kind, dueDate: r.doc.dueDate!, sentOn: day, notified: told }).onConflictDoNothing();
      reminders++;
      notifications += told;
    }
    const summary = { documents: owed.length, reminders, notifications };
    await tx.update(jobRuns).set({ result: summary }).where(and(eq(jobRuns.job, SESSION_REMINDER_JOB), eq(jobRuns.day, day)));
    return summary;
  });
  if (!result) return { ran: false as const, day };
  // The responders who chose e-mail (the default for this kind) get it now.
  const mail = await deliverPending(deps);
  return { ran: true as const, day, ...result, emailsSent: mail.sent, emailsFailed: mail.failed };
}

// The reminder letter (công văn đôn đốc gửi tài liệu trình kỳ họp) ------------------------------

const LetterParams = z.object({
  sessionId: z.string().uuid({ message: 'Mã kỳ họp không hợp lệ.' }),
  agencyId: z.string().uuid({ message: 'Mã cơ quan không hợp lệ.' }),
  ...SignatureParams,
});
type LetterParams = z.infer<typeof LetterParams>;

export const SESSION_REMINDER_LETTER = 'session_reminder_letter';

export const sessionReminderLetter: DocumentTemplate<LetterParams> = {
  key: SESSION_REMINDER_LETTER,
  title: 'Công văn đôn đốc gửi tài liệu trình kỳ họp',
  kind: 'cong_van',
  module: 'sessions',
  description: 'Công văn đôn đốc một cơ quan trình gửi các tài liệu kỳ họp đã quá hạn hoặc sắp đến hạn.',
  defaultIssuerKind: 'standing',
  draftingUnit: 'VP',
  wording: {
    opening: {
      label: 'Đoạn mở đầu ({agency}, {session}, {opening}, {count}, {today} được thay bằng số liệu)',
      default:
        'Để chuẩn bị {session} (dự kiến khai mạc ngày {opening}), Thường trực {council} đã đề nghị {agency} gửi các tài liệu trình kỳ họp theo thời hạn quy định. Tuy nhiên, đến ngày {today}, {agency} còn {count} tài liệu chưa gửi (có danh sách kèm theo).',
    },
    request: {
      label: 'Đề nghị',
      default:
        'Thường trực {council} đề nghị {agency} khẩn trương hoàn thiện, gửi các tài liệu nêu trên về Thường trực {council} (qua Văn phòng) để kịp gửi các Ban thẩm tra và đại biểu HĐND nghiên cứu theo quy định./.',
    },
    ...signatureSlots({ lines: 'TM. THƯỜNG TRỰC HĐND\nPHÓ CHỦ TỊCH', recipients: ['Như trên', 'TT {council}', 'Các Ban của {council}', 'Lưu: VT'].join('\n') }),
  },
  params: LetterParams as unknown as z.ZodType<LetterParams>,
  async build(tx, p, wording, ctx) {
    const session = await sessionOf(tx, ctx.councilId, p.sessionId);
    const [agency] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, p.agencyId));
    if (!agency) throw notFound('cơ quan');
    const calendar = await loadCalendar(tx);
    const dueSoon = (await ruleSetOf(tx, ctx.councilId, session.ruleSetKey)).profile.dueSoonWorkingDays;
    const rows = (await owedDocuments(tx, { sessionId: p.sessionId, agencyId: p.agencyId }))
      .map((r) => ({ r, t: documentTiming({ due: r.doc.dueDate, receivedOn: null, lastRevisedOn: null, today: ctx.date, dueSoonWorkingDays: dueSoon, calendar }) }))
      .filter((x) => x.t.timing === 'late' || x.t.timing === 'dueSoon');
    if (rows.length === 0) throw invalid(`${agency.name} không có tài liệu nào của ${session.title} quá hạn hoặc sắp đến hạn nộp.`);
    const vars = varsOf(ctx, {
      agency: agency.name, session: `${session.title} ${ctx.council.name}`, opening: formatShortDate(session.openingDate),
      count: twoDigits(rows.length), today: formatShortDate(ctx.date),
    });
    return tableLetter({
      ctx, subjectLine: 'V/v đôn đốc gửi tài liệu trình kỳ họp', addressee: agency.name, wording, vars, params: p,
      columns: [
        { title: 'TT', width: 7, align: 'center' },
        { title: 'Nội dung trình kỳ họp', width: 45 },
        { title: 'Tài liệu', width: 18 },
        { title: 'Hạn gửi', width: 14, align: 'center' },
        { title: 'Tình trạng', width: 16, align: 'center' },
      ],
      rows: rows.map(({ r }, i) => {
        const late = daysBetween(r.doc.dueDate!, ctx.date);
        return [String(i + 1), r.itemTitle, r.doc.title, formatShortDate(r.doc.dueDate!), late > 0 ? `Quá hạn ${twoDigits(late)} ngày` : 'Sắp đến hạn'];
      }),
    });
  },
};

export function registerSessionTemplates(): void {
  if (!getTemplate(SESSION_REMINDER_LETTER)) registerTemplate(sessionReminderLetter);
}

/** Issues the reminder letter to one agency for one session (numbered in the register) and links it to the session. */
export async function issueReminderLetter(
  ctx: ActionCtx, councilId: string, sessionId: string,
  input: { agencyId: string; issuerId?: string; signerId?: string; signerName?: string; signerTitle?: string },
) {
  const { agencyId, issuerId, ...signature } = input;
  return ctx.db.transaction(async (tx) => {
    await sessionOf(tx, councilId, sessionId, { lock: true });
    const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, { templateKey: SESSION_REMINDER_LETTER, issuerId, params: { sessionId, agencyId, ...signature } });
    const [row] = await tx.insert(sessionReminderLetters).values({ sessionId, councilId, agencyId, documentId: doc.id, issuedOn: doc.issuedOn }).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'council_session.reminder_letter', entityType: 'council_session', entityId: sessionId, councilId, agencyId,
      after: { documentId: doc.id, symbol: doc.symbol },
    });
    return { ...out(row!), document: doc };
  });
}


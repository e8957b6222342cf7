// Convening a session on paper and by mail: the guest list, and one action that issues the
// giấy triệu tập (delegates), the giấy mời (guests) and the chương trình from the documents
// engine (outgoing register numbers, .docx), records every recipient, tells the delegates' accounts
// in the app (notify), and — after the transaction commits — e-mails each recipient through the one
// mail path with the session as an iCalendar invitation (METHOD:REQUEST, UID stable per session,
// SEQUENCE the session's version, so a changed date updates the same event).
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import type { AppConfig } from '../../server/context.ts';
import { icalendar, type CalendarEvent } from '../../domain/sessions/index.ts';
import { recordEvent } from '../audit/service.ts';
import { delegates, councils } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { documents } from '../documents/schema.ts';
import { documentDownloadPath, documentFileName, issueDocumentTx } from '../documents/service.ts';
import { notify } from '../notifications/service.ts';
import { sendMails, type Mail } from '../notifications/mail.ts';
import { assertOpen, out, ruleError, sessionOf, type ActionCtx, type DbOrTx } from './common.ts';
import { councilSessions } from './schema.ts';
import { sessionConvocationRecipients, sessionConvocations, sessionGuests } from './convocationSchema.ts';

type SessionRow = typeof councilSessions.$inferSelect;
type ConvocationRow = typeof sessionConvocations.$inferSelect;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const RECIPIENT_STATUS_LABELS: Record<string, string> = {
  pending: 'Đang gửi',
  sent: 'Đã gửi thư',
  failed: 'Gửi thư lỗi',
  noEmail: 'Chưa có địa chỉ thư điện tử',
  noServer: 'Chưa cấu hình máy chủ thư',
};

// Guests -----------------------------------------------------------------------------------------

export async function listGuests(db: DbOrTx, councilId: string, sessionId: string) {
  await sessionOf(db, councilId, sessionId);
  const rows = await db.select().from(sessionGuests).where(eq(sessionGuests.sessionId, sessionId)).orderBy(asc(sessionGuests.createdAt));
  return rows.map(out);
}

export async function addGuest(ctx: ActionCtx, councilId: string, sessionId: string, input: { name: string; email?: string; organisation?: string }) {
  return ctx.db.transaction(async (tx) => {
    const s = await sessionOf(tx, councilId, sessionId);
    assertOpen(s);
    const email = (input.email ?? '').trim();
    if (email) {
      const [dup] = await tx.select({ id: sessionGuests.id }).from(sessionGuests)
        .where(and(eq(sessionGuests.sessionId, sessionId), sql`lower(${sessionGuests.email}) = lower(${email})`));
      if (dup) throw conflict(`Khách mời có địa chỉ ${email} đã có trong danh sách.`);
    }
    const [row] = await tx.insert(sessionGuests).values({
      sessionId, councilId, name: input.name.trim(), email, organisation: (input.organisation ?? '').trim(),
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'council_session.guest_add', entityType: 'session_guest', entityId: row!.id, councilId, after: row });
    return out(row!);
  });
}

export async function removeGuest(ctx: ActionCtx, councilId: string, guestId: string) {
  return ctx.db.transaction(async (tx) => {
    const [g] = await tx.select().from(sessionGuests).where(eq(sessionGuests.id, guestId));
    if (!g || g.councilId !== councilId) throw notFound('khách mời');
    assertOpen(await sessionOf(tx, councilId, g.sessionId));
    // A guest already invited stays on the record of that convocation (its name and address are copied there).
    await tx.update(sessionConvocationRecipients).set({ guestId: null }).where(eq(sessionConvocationRecipients.guestId, guestId));
    await tx.delete(sessionGuests).where(eq(sessionGuests.id, guestId));
    await recordEvent(tx, ctx.actor, { action: 'council_session.guest_remove', entityType: 'session_guest', entityId: guestId, councilId, before: g });
    return { ok: true as const };
  });
}

// The session as a calendar event ----------------------------------------------------------------

export const sessionUid = (sessionId: string) => `council-session-${sessionId}@nghitruong`;

/** The session's event: timed from the convocation's opening time when there is one, else all day. */
export function sessionEvent(
  s: Pick<SessionRow, 'id' | 'title' | 'openingDate' | 'closingDate' | 'state' | 'version'>,
  councilName: string,
  conv: Pick<ConvocationRow, 'startTime' | 'place'> | null,
  extra: { description?: string; url?: string } = {},
): CalendarEvent {
  const last = s.closingDate ?? s.openingDate;
  const base = {
    uid: sessionUid(s.id),
    summary: `${s.title} - ${councilName}`,
    sequence: s.version,
    cancelled: s.state === 'postponed',
    ...(conv ? { location: conv.place } : {}),
    ...(extra.description ? { description: extra.description } : {}),
    ...(extra.url ? { url: extra.url } : {}),
  };
  if (!conv) return { ...base, start: s.openingDate, end: last, allDay: true };
  const endsLater = last > s.openingDate || conv.startTime < '17:00';
  return { ...base, start: `${s.openingDate}T${conv.startTime}:00`, ...(endsLater ? { end: `${last}T17:00:00` } : {}) };
}

function calendarOf(events: CalendarEvent[], opts: Parameters<typeof icalendar>[1]): string {
  try {
    return icalendar(events, opts);
  } catch (err) {
    return ruleError(err);
  }
}

// Convocation ------------------------------------------------------------------------------------

export interface ConvocationInput {
  startTime: string;
  place: string;
  issuerId?: string;
  signerId?: string;
  signerName?: string;
  signerTitle?: string;
}

/** Active delegates of the session's term (or of no term), with the e-mail the directory holds. */
async function sessionDelegates(tx: DbOrTx, s: SessionRow) {
  return tx.select({ id: delegates.id, name: delegates.fullName, email: delegates.email })
    .from(delegates)
    .where(and(eq(delegates.councilId, s.councilId), eq(delegates.status, 'active'), or(eq(delegates.termId, s.termId), sql`${delegates.termId} is null`)))
    .orderBy(asc(delegates.sortKey), asc(delegates.fullName));
}

/** Accounts of some delegates: linked by delegate id, or by the same e-mail in the directory. */
export async function delegateUserIds(tx: DbOrTx, delegateRows: { id: string; email: string }[]): Promise<string[]> {
  if (!delegateRows.length) return [];
  const emails = delegateRows.map((d) => d.email.trim().toLowerCase()).filter(Boolean);
  const rows = await tx.select({ id: users.id }).from(users).where(and(
    eq(users.active, true),
    or(
      inArray(users.delegateId, delegateRows.map((d) => d.id)),
      emails.length ? inArray(sql`lower(${users.email})`, emails) : undefined,
    ),
  ));
  return rows.map((r) => r.id);
}

const plainDoc = (d: { id: string; symbol: string; kind: string; number: number; year: number; title: string }, councilId: string) => ({
  id: d.id, symbol: d.symbol, title: d.title, fileName: documentFileName(d), downloadPath: documentDownloadPath(councilId, d.id),
});

/**
 * Issues the convocation documents and records the recipients (one transaction, one audit event),
 * then e-mails them. Only for a convened session (not yet opened, not postponed).
 */
export async function sendConvocation(ctx: ActionCtx, config: AppConfig, councilId: string, sessionId: string, input: ConvocationInput) {
  const place = input.place.trim();
  if (!place) throw invalid('Hãy nhập địa điểm họp.');
  const issued = await ctx.db.transaction(async (tx) => {
    const s = await sessionOf(tx, councilId, sessionId, { lock: true });
    // The standing committee convenes (the session's own action); the letters carry that decision out.
    if (s.state === 'planned') throw conflict(`${s.title} chưa được triệu tập: hãy bấm "Triệu tập" trước khi gửi giấy triệu tập.`);
    if (s.state !== 'convened') {
      throw conflict(`${s.title} đang ở trạng thái không thể gửi giấy triệu tập (chỉ sau khi triệu tập và trước khi khai mạc, không khi đang hoãn).`);
    }
    const [council] = await tx.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId));
    const dels = await sessionDelegates(tx, s);
    const guests = await tx.select().from(sessionGuests).where(eq(sessionGuests.sessionId, sessionId)).orderBy(asc(sessionGuests.createdAt));
    if (!dels.length) throw invalid('HĐND chưa có đại biểu nào trong danh bạ của nhiệm kỳ này: chưa thể triệu tập kỳ họp.');
    const params = {
      sessionId, startTime: input.startTime, place,
      ...(input.signerId ? { signerId: input.signerId } : {}),
      ...(input.signerName ? { signerName: input.signerName } : {}),
      ...(input.signerTitle ? { signerTitle: input.signerTitle } : {}),
    };
    const issue = (templateKey: string) => issueDocumentTx(tx, ctx.actor, councilId, ctx.now, { templateKey, ...(input.issuerId ? { issuerId: input.issuerId } : {}), params });
    const convocation = await issue('session_convocation');
    const invitation = guests.length ? await issue('session_invitation') : null;
    const agenda = await issue('session_agenda');
    const [conv] = await tx.insert(sessionConvocations).values({
      sessionId, councilId,
      convocationDocumentId: convocation.id, invitationDocumentId: invitation?.id ?? null, agendaDocumentId: agenda.id,
      openingDate: s.openingDate, closingDate: s.closingDate, startTime: input.startTime, place,
      sequence: s.version, createdById: ctx.actor.id,
    }).returning();
    const status = (email: string) => (!/.+@.+/.test(email) ? 'noEmail' : config.smtp ? 'pending' : 'noServer');
    const recipients = await tx.insert(sessionConvocationRecipients).values([
      ...dels.map((d) => ({ convocationId: conv!.id, kind: 'delegate', delegateId: d.id, name: d.name, email: d.email.trim(), status: status(d.email.trim()) })),
      ...guests.map((g) => ({ convocationId: conv!.id, kind: 'guest', guestId: g.id, name: g.name, email: g.email, organisation: g.organisation, status: status(g.email) })),
    ]).returning();
    await notify(tx, { userIds: await delegateUserIds(tx, dels), councilId }, {
      kind: 'session.convened',
      title: `Giấy triệu tập ${s.title}`,
      body: `${council!.name} triệu tập ${s.title}: khai mạc lúc ${input.startTime} ngày ${s.openingDate.split('-').reverse().join('/')} tại ${place}. Giấy triệu tập số ${convocation.symbol}.`,
    });
    await recordEvent(tx, ctx.actor, {
      action: 'council_session.convocation', entityType: 'council_session', entityId: sessionId, councilId,
      after: {
        convocationId: conv!.id, convocation: convocation.symbol, invitation: invitation?.symbol ?? null, agenda: agenda.symbol,
        startTime: input.startTime, place, sequence: s.version, delegates: dels.length, guests: guests.length,
      },
    });
    return { s, councilName: council!.name, conv: conv!, recipients, docs: { convocation, invitation, agenda } };
  });
  const delivery = await deliver(ctx, config, issued);
  return { ...(await convocationView(ctx.db, councilId, issued.conv)), delivery };
}

/**
 * Sends again the mails of a convocation that did not leave (failed, or no mail server then): the
 * same documents, numbers and calendar event. Audited; the latest convocation of a session only.
 */
export async function resendConvocation(ctx: ActionCtx, config: AppConfig, councilId: string, convocationId: string) {
  if (!config.smtp) throw conflict('Chưa cấu hình máy chủ thư điện tử: chưa thể gửi thư.');
  const x = await ctx.db.transaction(async (tx) => {
    const [conv] = await tx.select().from(sessionConvocations).where(eq(sessionConvocations.id, convocationId));
    if (!conv || conv.councilId !== councilId) throw notFound('giấy triệu tập');
    const s = await sessionOf(tx, councilId, conv.sessionId, { lock: true });
    const [latest] = await tx.select({ id: sessionConvocations.id }).from(sessionConvocations)
      .where(eq(sessionConvocations.sessionId, s.id)).orderBy(desc(sessionConvocations.createdAt)).limit(1);
    if (latest!.id !== conv.id) throw conflict('Đã có giấy triệu tập mới hơn cho kỳ họp này; chỉ gửi lại giấy triệu tập mới nhất.');
    const recipients = await tx.update(sessionConvocationRecipients).set({ status: 'pending' })
      .where(and(eq(sessionConvocationRecipients.convocationId, conv.id), inArray(sessionConvocationRecipients.status, ['failed', 'noServer'])))
      .returning();
    if (!recipients.length) throw conflict('Không có thư nào cần gửi lại: mọi người nhận có địa chỉ đã được gửi thư.');
    const [council] = await tx.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId));
    await recordEvent(tx, ctx.actor, {
      action: 'council_session.convocation_resend', entityType: 'council_session', entityId: s.id, councilId,
      after: { convocationId: conv.id, recipients: recipients.length },
    });
    const docs = { convocation: { id: conv.convocationDocumentId }, agenda: { id: conv.agendaDocumentId }, invitation: conv.invitationDocumentId ? { id: conv.invitationDocumentId } : null };
    return { s, councilName: council!.name, conv, recipients, docs };
  });
  const delivery = await deliver(ctx, config, x);
  return { ...(await convocationView(ctx.db, councilId, x.conv)), delivery };
}

/** E-mails each pending recipient (delegates: giấy triệu tập, guests: giấy mời; both the programme) with the .ics. */
async function deliver(
  ctx: ActionCtx, config: AppConfig,
  x: { s: SessionRow; councilName: string; conv: ConvocationRow; recipients: (typeof sessionConvocationRecipients.$inferSelect)[]; docs: Record<'convocation' | 'agenda', { id: string }> & { invitation: { id: string } | null } },
) {
  const pending = x.recipients.filter((r) => r.status === 'pending');
  if (!pending.length || !config.smtp) return { sent: 0, failed: 0 };
  const ids = [x.docs.convocation.id, x.docs.agenda.id, ...(x.docs.invitation ? [x.docs.invitation.id] : [])];
  const files = new Map((await ctx.db.select({ id: documents.id, docx: documents.docx, kind: documents.kind, number: documents.number, year: documents.year, symbol: documents.symbol })
    .from(documents).where(inArray(documents.id, ids))).map((d) => [d.id, d]));
  const attachment = (id: string) => ({ filename: documentFileName(files.get(id)!), content: files.get(id)!.docx, contentType: DOCX });
  const organizerEmail = /<([^>]+)>/.exec(config.smtp.from)?.[1] ?? config.smtp.from;
  const calendar = calendarOf([sessionEvent(x.s, x.councilName, x.conv)], {
    name: x.councilName, method: 'REQUEST', stamp: ctx.now.toISOString(), organizer: { name: `Thường trực ${x.councilName}`, email: organizerEmail },
  });
  const when = `khai mạc lúc ${x.conv.startTime} ngày ${x.s.openingDate.split('-').reverse().join('/')}, tại ${x.conv.place}`;
  const mails: Mail[] = pending.map((r) => {
    const guest = r.kind === 'guest';
    const letter = guest ? x.docs.invitation!.id : x.docs.convocation.id;
    return {
      to: [r.email],
      subject: `[Nghị Trường] ${guest ? 'Giấy mời dự' : 'Giấy triệu tập'} ${x.s.title} - ${x.councilName}`,
      text: [
        `Kính gửi ${guest ? 'Quý vị' : 'đại biểu'} ${r.name},`,
        '',
        `Thường trực ${x.councilName} ${guest ? 'trân trọng kính mời Quý vị dự' : 'trân trọng triệu tập đại biểu dự'} ${x.s.title}: ${when}.`,
        `Kèm theo thư: ${guest ? 'giấy mời' : 'giấy triệu tập'} ${files.get(letter)!.symbol}, chương trình kỳ họp ${files.get(x.docs.agenda.id)!.symbol}, và lịch họp (tệp .ics) để thêm vào lịch của Quý vị.`,
        '',
        'Thư này được gửi tự động từ Nghị Trường; vui lòng không trả lời thư.',
      ].join('\n'),
      attachments: [attachment(letter), attachment(x.docs.agenda.id)],
      calendar: { method: 'REQUEST', content: calendar, filename: 'ky-hop.ics' },
    };
  });
  const { sent, failed, failedIndexes } = await sendMails(config, mails);
  const failedIds = failedIndexes.map((i) => pending[i]!.id);
  const sentIds = pending.map((r) => r.id).filter((id) => !failedIds.includes(id));
  // The delivery result (not a user's action): which recipients' mails left.
  await ctx.db.transaction(async (tx) => {
    if (sentIds.length) await tx.update(sessionConvocationRecipients).set({ status: 'sent', sentAt: new Date() }).where(inArray(sessionConvocationRecipients.id, sentIds));
    if (failedIds.length) await tx.update(sessionConvocationRecipients).set({ status: 'failed' }).where(inArray(sessionConvocationRecipients.id, failedIds));
  });
  return { sent, failed };
}

async function convocationView(db: DbOrTx, councilId: string, c: ConvocationRow) {
  const ids = [c.convocationDocumentId, c.agendaDocumentId, ...(c.invitationDocumentId ? [c.invitationDocumentId] : [])];
  const docs = new Map((await db.select({ id: documents.id, symbol: documents.symbol, kind: documents.kind, number: documents.number, year: documents.year, title: documents.title })
    .from(documents).where(inArray(documents.id, ids))).map((d) => [d.id, plainDoc(d, councilId)]));
  const recipients = await db.select().from(sessionConvocationRecipients).where(eq(sessionConvocationRecipients.convocationId, c.id))
    .orderBy(asc(sessionConvocationRecipients.kind), asc(sessionConvocationRecipients.name));
  return {
    id: c.id, sessionId: c.sessionId, openingDate: c.openingDate, closingDate: c.closingDate, startTime: c.startTime, place: c.place,
    sequence: c.sequence, createdAt: c.createdAt.toISOString(),
    convocation: docs.get(c.convocationDocumentId)!, invitation: c.invitationDocumentId ? docs.get(c.invitationDocumentId)! : null, agenda: docs.get(c.agendaDocumentId)!,
    recipients: recipients.map((r) => ({
      id: r.id, kind: r.kind, name: r.name, email: r.email, organisation: r.organisation, status: r.status,
      statusLabel: RECIPIENT_STATUS_LABELS[r.status] ?? r.status, sentAt: r.sentAt ? r.sentAt.toISOString() : null,
    })),
  };
}

/** The convocations of a session, newest first, with the guest list (a read: writes nothing). */
export async function convocationsOf(db: DbOrTx, councilId: string, sessionId: string) {
  const s = await sessionOf(db, councilId, sessionId);
  const rows = await db.select().from(sessionConvocations).where(eq(sessionConvocations.sessionId, sessionId)).orderBy(desc(sessionConvocations.createdAt));
  const items = [];
  for (const r of rows) items.push(await convocationView(db, councilId, r));
  const guests = await listGuests(db, councilId, sessionId);
  // The date changed since the last convocation: the calendars hold the old one until it is sent again.
  const latest = rows[0];
  const outdated = latest ? latest.openingDate !== s.openingDate || latest.closingDate !== s.closingDate : false;
  return { convocations: items, guests, outdated, canSend: s.state === 'convened', notConvened: s.state === 'planned' };
}

// Actions of the coordination module. Each is one function: validate (zod in the route, the
// domain here), one transaction, one audit event. A periodic report is projected onto the ONE
// follow-up engine (syncObligation, kind 'periodic_report') in the same transaction.
import { and, eq, sql } from 'drizzle-orm';
import { conflict, forbidden, invalid } from '../../server/errors.ts';
import { checkFileContent, type FileKind, type UploadedFile } from '../../server/upload.ts';
import {
  handlingDue, incomingTransition, invitationTransition, kindsInForce, periodicReportDue, periodicTiming, PERIODIC_TIMING_LABELS, REPORT_PERIOD_LABELS,
  defaultKindRows, type IncomingState, type InvitationAction, type InvitationState, type ReportPeriod,
} from '../../domain/coordination/index.ts';
import { recordEvent } from '../audit/service.ts';
import { syncObligation } from '../followup/service.ts';
import { notify } from '../notifications/service.ts';
import { MAX_SESSION_FILE_BYTES, SESSION_FILE_KINDS } from '../sessions/actions/receipts.ts';
import {
  agencyName, domain, incomingOf, searchWords, incomingSearchKey, invitationOf, loadCalendar, out, periodicReportOf, personOf, petitionOfCouncil, sessionOfCouncil, shortDate, today,
  type ActionCtx, type DbOrTx,
} from './common.ts';
import { executiveInvitations, incomingDocumentFiles, incomingDocuments, periodicReportKinds, periodicReports } from './schema.ts';

/** Scans of incoming documents: the session uploads' kinds (PDF, Word) and photographed pages. */
export const INCOMING_FILE_KINDS: FileKind[] = [...SESSION_FILE_KINDS, 'png', 'jpeg'];
export const MAX_INCOMING_FILE_BYTES = MAX_SESSION_FILE_BYTES;

// Incoming documents ------------------------------------------------------------------------------

export interface RegisterInput {
  receivedOn: string;
  receivedTime?: string | null;
  senderName: string;
  senderAgencyId?: string | null;
  docSymbol?: string;
  docDate?: string | null;
  kind: string;
  summary: string;
  urgency?: string;
  secret?: boolean;
  sessionId?: string | null;
  petitionId?: string | null;
}

async function nextIncomingNumber(tx: DbOrTx, councilId: string, year: number) {
  // The council row is the register's lock: two clerks registering at once get consecutive numbers.
  await tx.execute(sql`select id from councils where id = ${councilId} for update`);
  const [r] = await tx.select({ n: sql<number>`coalesce(max(${incomingDocuments.number}), 0)::int` }).from(incomingDocuments)
    .where(and(eq(incomingDocuments.councilId, councilId), eq(incomingDocuments.year, year)));
  return (r?.n ?? 0) + 1;
}

async function checkLinks(tx: DbOrTx, councilId: string, input: { sessionId?: string | null; petitionId?: string | null; kind?: string }) {
  if (input.sessionId) await sessionOfCouncil(tx, councilId, input.sessionId);
  if (input.petitionId) await petitionOfCouncil(tx, councilId, input.petitionId);
}

/** Registers an arrival (NĐ 30 Điều 4 k2b: the same day, at latest the next working day). */
export async function registerIncoming(ctx: ActionCtx, councilId: string, input: RegisterInput) {
  const day = today(ctx.now);
  if (input.receivedOn > day) throw invalid('Ngày đến không được sau hôm nay.');
  if (input.docDate && input.docDate > input.receivedOn) throw invalid('Ngày của văn bản không được sau ngày đến.');
  return ctx.db.transaction(async (tx) => {
    await checkLinks(tx, councilId, input);
    if (input.senderAgencyId) await agencyName(tx, input.senderAgencyId);
    const year = Number(input.receivedOn.slice(0, 4));
    const number = await nextIncomingNumber(tx, councilId, year);
    const values = {
      councilId, year, number, receivedOn: input.receivedOn, receivedTime: input.receivedTime ?? null,
      senderName: input.senderName, senderAgencyId: input.senderAgencyId ?? null, docSymbol: input.docSymbol ?? '', docDate: input.docDate ?? null,
      kind: input.kind, summary: input.summary, urgency: input.urgency ?? 'normal', secret: input.secret ?? false,
      sessionId: input.sessionId ?? null, petitionId: input.petitionId ?? null, createdById: ctx.actor.id,
    };
    const [row] = await tx.insert(incomingDocuments).values({ ...values, searchKey: incomingSearchKey(values) }).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'incoming_document.register', entityType: 'incoming_document', entityId: row!.id, councilId,
      after: { number, year, receivedOn: row!.receivedOn, senderName: row!.senderName, docSymbol: row!.docSymbol, kind: row!.kind, urgency: row!.urgency, secret: row!.secret },
    });
    return out(row!);
  });
}

export interface AssignInput {
  handlerUserId: string;
  due?: string | null;
  workingDays?: number | null;
  note?: string;
}

/** Routes the document to a named handler with a deadline (a date, or working days from today). */
export async function assignIncoming(ctx: ActionCtx, councilId: string, id: string, input: AssignInput) {
  const day = today(ctx.now);
  const calendar = await loadCalendar(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const d = await incomingOf(tx, councilId, id, { lock: true });
    const state = domain(() => incomingTransition(d.state as IncomingState, 'assign'));
    const handler = await personOf(tx, councilId, input.handlerUserId, 'Người xử lý');
    const due = domain(() => handlingDue(day, input, calendar));
    const [row] = await tx.update(incomingDocuments).set({
      state, handlerUserId: handler.id, assignedOn: day, due, assignNote: input.note ?? '', version: d.version + 1, updatedAt: new Date(),
    }).where(eq(incomingDocuments.id, d.id)).returning();
    await notify(tx, { userIds: [handler.id], councilId }, {
      kind: 'incoming.assigned',
      title: `Văn bản đến số ${d.number}/${d.year} giao bạn xử lý${due ? `, hạn ${shortDate(due)}` : ''}`,
      body: d.secret ? `${d.senderName} ${d.docSymbol}` : d.summary,
      link: `/councils/${councilId}/incoming/${d.id}`,
    });
    await recordEvent(tx, ctx.actor, {
      action: 'incoming_document.assign', entityType: 'incoming_document', entityId: d.id, councilId,
      before: { state: d.state, handlerUserId: d.handlerUserId, due: d.due }, after: { state, handlerUserId: handler.id, handlerName: handler.fullName, due, assignedOn: day },
    });
    return out(row!);
  });
}

/** The handler (or the secretariat) closes it: replied (with the reply's number) or filed. */
export async function finishIncoming(ctx: ActionCtx, councilId: string, id: string, input: { outcome: 'reply' | 'file' | 'start'; note?: string; on?: string }, opts: { manager: boolean }) {
  const day = today(ctx.now);
  const on = input.on ?? day;
  if (on > day) throw invalid('Ngày hoàn thành không được sau hôm nay.');
  return ctx.db.transaction(async (tx) => {
    const d = await incomingOf(tx, councilId, id, { lock: true });
    if (!opts.manager && d.handlerUserId !== ctx.actor.id) throw forbidden('Chỉ người được giao xử lý văn bản này hoặc Văn phòng, Thường trực mới ghi được kết quả.');
    const state = domain(() => incomingTransition(d.state as IncomingState, input.outcome));
    if (input.outcome !== 'start' && on < d.receivedOn) throw invalid('Ngày hoàn thành không được trước ngày đến.');
    const finished = input.outcome !== 'start';
    const [row] = await tx.update(incomingDocuments).set({
      state, ...(finished ? { completedOn: on, outcomeNote: input.note ?? '' } : {}), version: d.version + 1, updatedAt: new Date(),
    }).where(eq(incomingDocuments.id, d.id)).returning();
    await recordEvent(tx, ctx.actor, {
      action: `incoming_document.${input.outcome}`, entityType: 'incoming_document', entityId: d.id, councilId,
      before: { state: d.state }, after: { state, ...(finished ? { completedOn: on, note: input.note ?? '' } : {}) },
    });
    return out(row!);
  });
}

export async function uploadIncomingFile(ctx: ActionCtx, councilId: string, id: string, file: UploadedFile) {
  if (file.data.length > MAX_INCOMING_FILE_BYTES) throw invalid(`Tệp lớn quá ${Math.round(MAX_INCOMING_FILE_BYTES / 1024 / 1024)} MB.`);
  const { mimeType } = checkFileContent(file, INCOMING_FILE_KINDS);
  return ctx.db.transaction(async (tx) => {
    const d = await incomingOf(tx, councilId, id, { lock: true });
    if (d.secret) throw conflict('Văn bản mật chỉ được vào sổ, không tải bản chụp lên hệ thống.');
    const [{ n }] = (await tx.select({ n: sql<number>`coalesce(max(${incomingDocumentFiles.version}), 0)::int` })
      .from(incomingDocumentFiles).where(eq(incomingDocumentFiles.documentId, d.id))) as [{ n: number }];
    const [f] = await tx.insert(incomingDocumentFiles).values({
      documentId: d.id, version: n + 1, fileName: file.name.slice(0, 200), mimeType, size: file.data.length, content: file.data, uploadedBy: ctx.actor.id,
    }).returning({ id: incomingDocumentFiles.id, version: incomingDocumentFiles.version, fileName: incomingDocumentFiles.fileName, mimeType: incomingDocumentFiles.mimeType, size: incomingDocumentFiles.size, createdAt: incomingDocumentFiles.createdAt });
    await recordEvent(tx, ctx.actor, { action: 'incoming_document.upload', entityType: 'incoming_document', entityId: d.id, councilId, after: { file: f } });
    return out(f!);
  });
}

// Invitations -------------------------------------------------------------------------------------

export interface InvitationInput {
  title: string;
  organizerName: string;
  organizerAgencyId?: string | null;
  startsAt: string;
  endsAt?: string | null;
  location?: string;
  inviteeUserId: string;
  incomingDocumentId?: string | null;
  sessionId?: string | null;
}

export async function receiveInvitation(ctx: ActionCtx, councilId: string, input: InvitationInput) {
  const starts = new Date(input.startsAt);
  const ends = input.endsAt ? new Date(input.endsAt) : null;
  if (ends && ends <= starts) throw invalid('Giờ kết thúc phải sau giờ bắt đầu.');
  return ctx.db.transaction(async (tx) => {
    const invitee = await personOf(tx, councilId, input.inviteeUserId, 'Người được mời');
    if (input.organizerAgencyId) await agencyName(tx, input.organizerAgencyId);
    if (input.incomingDocumentId) await incomingOf(tx, councilId, input.incomingDocumentId);
    if (input.sessionId) await sessionOfCouncil(tx, councilId, input.sessionId);
    const [row] = await tx.insert(executiveInvitations).values({
      councilId, title: input.title, organizerName: input.organizerName, organizerAgencyId: input.organizerAgencyId ?? null,
      startsAt: starts, endsAt: ends, location: input.location ?? '', inviteeUserId: invitee.id,
      incomingDocumentId: input.incomingDocumentId ?? null, sessionId: input.sessionId ?? null,
      searchKey: ` ${searchWords(`${input.title} ${input.organizerName} ${input.location ?? ''}`).join(' ')} `,
    }).returning();
    await notify(tx, { userIds: [invitee.id], councilId }, {
      kind: 'invitation.received', title: `Giấy mời: ${input.title}`, body: `${input.organizerName}, ${input.location ?? ''}`.trim(),
      link: `/councils/${councilId}/invitations`,
    });
    await recordEvent(tx, ctx.actor, {
      action: 'executive_invitation.receive', entityType: 'executive_invitation', entityId: row!.id, councilId,
      after: { title: row!.title, organizerName: row!.organizerName, startsAt: row!.startsAt, inviteeUserId: invitee.id, inviteeName: invitee.fullName },
    });
    return out(row!);
  });
}

export interface InvitationStep {
  action: InvitationAction;
  attendeeUserId?: string | null;
  note?: string;
  notes?: string;
}

/** Accept, delegate to another person, decline; then attended or absent with the notes filed. */
export async function stepInvitation(ctx: ActionCtx, councilId: string, id: string, input: InvitationStep, opts: { manager: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const inv = await invitationOf(tx, councilId, id, { lock: true });
    if (!opts.manager && inv.inviteeUserId !== ctx.actor.id && inv.attendeeUserId !== ctx.actor.id) throw forbidden('Chỉ người được mời, người dự thay hoặc Văn phòng mới cập nhật được giấy mời này.');
    const state = domain(() => invitationTransition(inv.state as InvitationState, input.action));
    if ((input.action === 'attended' || input.action === 'absent') && inv.startsAt > ctx.now) throw invalid('Cuộc họp chưa diễn ra: chưa ghi được việc dự họp.');
    let attendeeUserId = inv.attendeeUserId;
    let attendeeName: string | null = null;
    if (input.action === 'delegate') {
      if (!input.attendeeUserId) throw invalid('Hãy chọn người dự thay.');
      if (input.attendeeUserId === inv.inviteeUserId) throw invalid('Người dự thay phải là người khác người được mời.');
      const p = await personOf(tx, councilId, input.attendeeUserId, 'Người dự thay');
      attendeeUserId = p.id;
      attendeeName = p.fullName;
    }
    if (input.action === 'accept') attendeeUserId = null;
    const [row] = await tx.update(executiveInvitations).set({
      state, attendeeUserId,
      ...(input.note !== undefined ? { decisionNote: input.note } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      version: inv.version + 1, updatedAt: new Date(),
    }).where(eq(executiveInvitations.id, inv.id)).returning();
    if (input.action === 'delegate' && attendeeUserId) {
      await notify(tx, { userIds: [attendeeUserId], councilId }, { kind: 'invitation.received', title: `Được cử dự thay: ${inv.title}`, body: inv.organizerName, link: `/councils/${councilId}/invitations` });
    }
    await recordEvent(tx, ctx.actor, {
      action: `executive_invitation.${input.action}`, entityType: 'executive_invitation', entityId: inv.id, councilId,
      before: { state: inv.state, attendeeUserId: inv.attendeeUserId }, after: { state, attendeeUserId, ...(attendeeName ? { attendeeName } : {}) },
    });
    return out(row!);
  });
}

// Periodic reports --------------------------------------------------------------------------------

/** The council's kinds, copied from the shipped sets the first time the council needs them. */
export async function ensureKinds(tx: DbOrTx, councilId: string) {
  const existing = await tx.select({ id: periodicReportKinds.id }).from(periodicReportKinds).where(eq(periodicReportKinds.councilId, councilId)).limit(1);
  if (existing.length) return;
  await tx.insert(periodicReportKinds).values(defaultKindRows().map((k) => ({
    councilId, ruleSetKey: k.ruleSetKey, key: k.key, title: k.title, owner: k.owner, periods: k.periods.join(','),
    leadValue: k.leadValue, leadUnit: k.leadUnit, validFrom: k.validFrom, validTo: k.validTo, source: k.source, verified: k.verified,
  }))).onConflictDoNothing();
}

export async function installKinds(ctx: ActionCtx, councilId: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await tx.select({ id: periodicReportKinds.id }).from(periodicReportKinds).where(eq(periodicReportKinds.councilId, councilId));
    if (before.length) throw conflict('HĐND đã có danh mục báo cáo định kỳ.');
    await ensureKinds(tx, councilId);
    await recordEvent(tx, ctx.actor, { action: 'periodic_report_kind.install', entityType: 'periodic_report_kind', entityId: councilId, councilId, after: { count: defaultKindRows().length } });
    return { installed: defaultKindRows().length };
  });
}

/** A council edits its copy of a kind: lead time, title, validity (UNVERIFIED defaults are data). */
export async function updateKind(ctx: ActionCtx, councilId: string, kindId: string, patch: { title?: string; leadValue?: number; leadUnit?: 'days' | 'working_days'; validTo?: string | null }) {
  return ctx.db.transaction(async (tx) => {
    const [k] = await tx.select().from(periodicReportKinds).where(and(eq(periodicReportKinds.id, kindId), eq(periodicReportKinds.councilId, councilId))).for('update');
    if (!k) throw invalid('Loại báo cáo không thuộc HĐND này.');
    if (patch.validTo && patch.validTo <= k.validFrom) throw invalid('Ngày hết hiệu lực phải sau ngày có hiệu lực.');
    const [row] = await tx.update(periodicReportKinds).set({ ...patch, updatedAt: new Date() }).where(eq(periodicReportKinds.id, k.id)).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'periodic_report_kind.update', entityType: 'periodic_report_kind', entityId: k.id, councilId,
      before: { title: k.title, leadValue: k.leadValue, leadUnit: k.leadUnit, validTo: k.validTo }, after: patch,
    });
    return out(row!);
  });
}

export interface ExpectInput {
  kindKey: string;
  agencyId: string;
  year: number;
  period: ReportPeriod;
  sessionId?: string | null;
  due?: string | null;
  verifyingBodyId?: string | null;
}

type ReportRow = typeof periodicReports.$inferSelect;

/** Projects the report onto the follow-up engine: the agency owes it until received. */
async function project(tx: DbOrTx, r: ReportRow, title: string, day: string) {
  const { timing } = periodicTiming(r.due, r.receivedOn, day);
  await syncObligation(tx, {
    kind: 'periodic_report', sourceId: r.id, councilId: r.councilId, agencyId: r.agencyId,
    title: `${title} (${REPORT_PERIOD_LABELS[r.period as ReportPeriod].toLowerCase()} năm ${r.year})`,
    detail: 'Báo cáo định kỳ gửi Thường trực HĐND trước kỳ họp',
    link: `/agencies/${r.agencyId}/obligations?kind=periodic_report`,
    originalDue: r.originalDue, due: r.due, answeredOn: r.receivedOn, closedOn: r.verifiedOn ?? r.receivedOn,
    stateLabel: PERIODIC_TIMING_LABELS[timing],
  });
}

/** Expects a periodic report of an agency: the kind in force on the session's opening (or the due date). */
export async function expectReport(ctx: ActionCtx, councilId: string, input: ExpectInput) {
  const day = today(ctx.now);
  const calendar = await loadCalendar(ctx.db);
  return ctx.db.transaction(async (tx) => {
    await ensureKinds(tx, councilId);
    await agencyName(tx, input.agencyId);
    const session = input.sessionId ? await sessionOfCouncil(tx, councilId, input.sessionId) : null;
    if (!session && !input.due) throw invalid('Hãy chọn kỳ họp hoặc nhập hạn gửi báo cáo.');
    const on = session?.openingDate ?? input.due!;
    const kinds = await tx.select().from(periodicReportKinds).where(and(eq(periodicReportKinds.councilId, councilId), eq(periodicReportKinds.key, input.kindKey)));
    const [kind] = kindsInForce(kinds.map((k) => ({ ...k, validTo: k.validTo })), on);
    if (!kind) throw invalid(`Không có loại báo cáo "${input.kindKey}" có hiệu lực ngày ${shortDate(on)}.`);
    if (!kind.periods.split(',').includes(input.period)) throw invalid(`"${kind.title}" không phải báo cáo của ${REPORT_PERIOD_LABELS[input.period].toLowerCase()}.`);
    const due = input.due ?? periodicReportDue(session!.openingDate, { leadValue: kind.leadValue, leadUnit: kind.leadUnit as 'days' | 'working_days' }, calendar);
    const [dup] = await tx.select({ id: periodicReports.id }).from(periodicReports).where(and(
      eq(periodicReports.councilId, councilId), eq(periodicReports.kindId, kind.id), eq(periodicReports.agencyId, input.agencyId), eq(periodicReports.year, input.year), eq(periodicReports.period, input.period),
    ));
    if (dup) throw conflict('Báo cáo này của cơ quan cho kỳ này đã có trong danh sách.');
    const [row] = await tx.insert(periodicReports).values({
      councilId, kindId: kind.id, agencyId: input.agencyId, year: input.year, period: input.period, sessionId: session?.id ?? null,
      originalDue: due, due, verifyingBodyId: input.verifyingBodyId ?? null,
    }).returning();
    await project(tx, row!, kind.title, day);
    await recordEvent(tx, ctx.actor, {
      action: 'periodic_report.expect', entityType: 'periodic_report', entityId: row!.id, councilId, agencyId: input.agencyId,
      after: { kind: kind.key, ruleSetKey: kind.ruleSetKey, year: input.year, period: input.period, due, sessionId: row!.sessionId },
    });
    return out(row!);
  });
}

/** The report arrived (on time or late, computed), optionally with its entry in the incoming register. */
export async function receiveReport(ctx: ActionCtx, councilId: string, id: string, input: { receivedOn: string; incomingDocumentId?: string | null }) {
  const day = today(ctx.now);
  if (input.receivedOn > day) throw invalid('Ngày nhận không được sau hôm nay.');
  return ctx.db.transaction(async (tx) => {
    const r = await periodicReportOf(tx, councilId, id, { lock: true });
    if (r.receivedOn) throw conflict(`Báo cáo đã được nhận ngày ${shortDate(r.receivedOn)}.`);
    if (input.incomingDocumentId) await incomingOf(tx, councilId, input.incomingDocumentId);
    const [row] = await tx.update(periodicReports).set({ receivedOn: input.receivedOn, incomingDocumentId: input.incomingDocumentId ?? null, version: r.version + 1, updatedAt: new Date() })
      .where(eq(periodicReports.id, r.id)).returning();
    const [kind] = await tx.select({ title: periodicReportKinds.title }).from(periodicReportKinds).where(eq(periodicReportKinds.id, r.kindId));
    await project(tx, row!, kind!.title, day);
    const t = periodicTiming(row!.due, row!.receivedOn, day);
    await recordEvent(tx, ctx.actor, {
      action: 'periodic_report.receive', entityType: 'periodic_report', entityId: r.id, councilId, agencyId: r.agencyId,
      before: { receivedOn: null }, after: { receivedOn: input.receivedOn, timing: t.timing, daysLate: t.daysLate, incomingDocumentId: row!.incomingDocumentId },
    });
    return { ...out(row!), timing: t.timing, timingLabel: PERIODIC_TIMING_LABELS[t.timing], daysLate: t.daysLate };
  });
}

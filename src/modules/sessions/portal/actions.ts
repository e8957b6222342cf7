// Actions of the delegates' portal: the secretariat publishes a received file version to the
// delegates; a delegate records that they opened a published file (the page sends it: GETs stay
// pure), writes a private note, confirms attendance, registers to speak or withdraws. Each is one
// transaction and one audit event; a note's text never enters the audit log.
import { and, desc, eq, sql } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { notify } from '../../notifications/service.ts';
import { users } from '../../accounts/schema.ts';
import { delegates } from '../../directory/schema.ts';
import { checkAttendance, speechText } from '../../../domain/sessions/portal.ts';
import { assertOpen, documentOf, itemOf, out, sessionOf, type ActionCtx, type DbOrTx } from '../common.ts';
import { sessionDocumentFiles } from '../schema.ts';
import { sessionAttendance, sessionNotes, sessionPublications, sessionReads, sessionSpeakers } from '../portalSchema.ts';

/**
 * The council's delegate record of a user, linked as elsewhere (petitions' delegate groups): an
 * active delegate of that council with the user's e-mail. Null when the account has none.
 */
export async function delegateOf(db: DbOrTx, userId: string | null, councilId: string) {
  if (!userId) return null;
  const [d] = await db
    .select({ id: delegates.id, fullName: delegates.fullName, termId: delegates.termId })
    .from(users)
    .innerJoin(delegates, and(eq(delegates.councilId, councilId), eq(delegates.status, 'active'), sql`lower(${delegates.email}) = lower(${users.email})`, sql`${users.email} <> ''`))
    .where(eq(users.id, userId))
    .orderBy(delegates.id)
    .limit(1);
  return d ?? null;
}

const NOT_A_DELEGATE = 'Tài khoản của bạn chưa được gắn với một đại biểu của HĐND này (địa chỉ thư điện tử của tài khoản phải trùng với hồ sơ đại biểu). Hãy liên hệ Văn phòng.';

async function requireDelegate(db: DbOrTx, ctx: ActionCtx, councilId: string) {
  const d = await delegateOf(db, ctx.actor.id, councilId);
  if (!d) throw conflict(NOT_A_DELEGATE);
  return d;
}

/** The publication delegates see now: the latest one of the document. */
export async function currentPublication(db: DbOrTx, documentId: string) {
  const [p] = await db.select().from(sessionPublications).where(eq(sessionPublications.documentId, documentId))
    .orderBy(desc(sessionPublications.version)).limit(1);
  return p ?? null;
}

/** A document the delegates may see (published), of this council. */
async function publishedDocument(db: DbOrTx, councilId: string, documentId: string) {
  const doc = await documentOf(db, { councilId }, documentId);
  const pub = await currentPublication(db, doc.id);
  if (!pub) throw notFound('tài liệu kỳ họp');
  return { doc, pub };
}

/** A published file version of a published document (older published versions stay readable). */
export async function publishedFile(db: DbOrTx, councilId: string, documentId: string, fileId: string) {
  const { doc } = await publishedDocument(db, councilId, documentId);
  const [p] = await db.select().from(sessionPublications).where(and(eq(sessionPublications.documentId, doc.id), eq(sessionPublications.fileId, fileId)));
  if (!p) throw notFound('tệp của tài liệu kỳ họp');
  const [f] = await db.select().from(sessionDocumentFiles).where(eq(sessionDocumentFiles.id, fileId));
  return { doc, publication: p, file: f! };
}

/** The secretariat publishes a document's latest received version to the delegates. */
export async function publishDocument(ctx: ActionCtx, councilId: string, documentId: string) {
  return ctx.db.transaction(async (tx) => {
    const doc = await documentOf(tx, { councilId }, documentId, { lock: true });
    const s = await sessionOf(tx, councilId, doc.sessionId);
    assertOpen(s);
    const [file] = await tx.select().from(sessionDocumentFiles).where(eq(sessionDocumentFiles.documentId, doc.id))
      .orderBy(desc(sessionDocumentFiles.version)).limit(1);
    if (!file) throw conflict(`Tài liệu "${doc.title}" chưa có tệp nào: hãy nhận tệp (hoặc bản quét hồ sơ giấy) trước khi phát hành cho đại biểu.`);
    const before = await currentPublication(tx, doc.id);
    if (before && before.version >= file.version) throw conflict(`Phiên bản ${file.version} của tài liệu "${doc.title}" đã được phát hành cho đại biểu.`);
    const [p] = await tx.insert(sessionPublications).values({
      documentId: doc.id, sessionId: doc.sessionId, councilId, fileId: file.id, version: file.version, publishedBy: ctx.actor.id, publishedAt: ctx.now,
    }).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'session_document.publish', entityType: 'session_document', entityId: doc.id, councilId,
      before: before ? { version: before.version, publishedAt: before.publishedAt } : null,
      after: { version: p!.version, fileName: file.fileName, publishedAt: p!.publishedAt },
    });
    await notify(tx, { councilId, roles: ['delegate'] }, {
      kind: 'session.published',
      title: before ? `Tài liệu kỳ họp đã thay đổi: ${doc.title} (bản ${file.version})` : `Tài liệu kỳ họp mới: ${doc.title}`,
      body: s.title,
      link: `/councils/${councilId}/portal`,
    });
    return out(p!);
  });
}

/** A delegate opened (or downloaded) a published file: the first and latest time are kept. */
export async function recordOpened(ctx: ActionCtx, councilId: string, documentId: string, fileId: string) {
  return ctx.db.transaction(async (tx) => {
    const d = await requireDelegate(tx, ctx, councilId);
    const { doc, publication } = await publishedFile(tx, councilId, documentId, fileId);
    const [row] = await tx.insert(sessionReads).values({
      councilId, sessionId: doc.sessionId, documentId: doc.id, fileId, version: publication.version, delegateId: d.id, userId: ctx.actor.id,
      firstOpenedAt: ctx.now, lastOpenedAt: ctx.now,
    }).onConflictDoUpdate({
      target: [sessionReads.delegateId, sessionReads.fileId],
      set: { lastOpenedAt: ctx.now, opens: sql`${sessionReads.opens} + 1` },
    }).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'session_document.open', entityType: 'session_document', entityId: doc.id, councilId,
      after: { delegateId: d.id, version: publication.version, opens: row!.opens },
    });
    return { version: row!.version, firstOpenedAt: row!.firstOpenedAt.toISOString(), lastOpenedAt: row!.lastOpenedAt.toISOString(), opens: row!.opens };
  });
}

/**
 * The user's private note on a published document; an empty text deletes it. The audit event
 * says that a note changed, never what it says.
 */
export async function saveNote(ctx: ActionCtx, councilId: string, documentId: string, input: { text: string }) {
  const text = input.text.normalize('NFC').trim();
  if (text.length > 20_000) throw invalid('Ghi chú dài quá 20000 ký tự.');
  if (!ctx.actor.id) throw conflict(NOT_A_DELEGATE);
  const userId = ctx.actor.id;
  return ctx.db.transaction(async (tx) => {
    const { doc } = await publishedDocument(tx, councilId, documentId);
    const [before] = await tx.select({ id: sessionNotes.id }).from(sessionNotes).where(and(eq(sessionNotes.userId, userId), eq(sessionNotes.documentId, doc.id)));
    let id = before?.id ?? null;
    let updatedAt: Date | null = null;
    if (!text) {
      if (before) await tx.delete(sessionNotes).where(eq(sessionNotes.id, before.id));
    } else {
      const [row] = await tx.insert(sessionNotes).values({ councilId, documentId: doc.id, userId, text, createdAt: ctx.now, updatedAt: ctx.now })
        .onConflictDoUpdate({ target: [sessionNotes.userId, sessionNotes.documentId], set: { text, updatedAt: ctx.now } }).returning();
      id = row!.id;
      updatedAt = row!.updatedAt;
    }
    if (id) {
      await recordEvent(tx, ctx.actor, {
        action: text ? 'session_note.save' : 'session_note.delete', entityType: 'session_note', entityId: id, councilId,
        before: { exists: !!before }, after: { exists: !!text },
      });
    }
    return { documentId: doc.id, text: text || null, updatedAt: updatedAt?.toISOString() ?? null };
  });
}

/** A delegate confirms attendance of a session not yet closed (present, online, or absent with reason). */
export async function confirmAttendance(ctx: ActionCtx, councilId: string, sessionId: string, input: { status: string; reason?: string | null }) {
  const check = checkAttendance(input);
  if (!check.ok) throw invalid(check.message);
  return ctx.db.transaction(async (tx) => {
    const s = await sessionOf(tx, councilId, sessionId);
    if (s.state === 'closed') throw conflict(`${s.title} đã bế mạc; không thể xác nhận tham dự.`);
    const d = await requireDelegate(tx, ctx, councilId);
    const [before] = await tx.select().from(sessionAttendance).where(and(eq(sessionAttendance.sessionId, s.id), eq(sessionAttendance.delegateId, d.id)));
    const values = { status: check.status, reason: check.reason, confirmedBy: ctx.actor.id, confirmedAt: ctx.now };
    const [row] = await tx.insert(sessionAttendance).values({ councilId, sessionId: s.id, delegateId: d.id, ...values })
      .onConflictDoUpdate({ target: [sessionAttendance.sessionId, sessionAttendance.delegateId], set: values }).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'session_attendance.confirm', entityType: 'session_attendance', entityId: row!.id, councilId,
      before: before ? { status: before.status, reason: before.reason } : null,
      after: { delegateId: d.id, status: row!.status, reason: row!.reason },
    });
    return out(row!);
  });
}

/** A delegate registers to speak on an item (or changes the intended text); a withdrawn registration comes back. */
export async function registerToSpeak(ctx: ActionCtx, councilId: string, itemId: string, input: { text?: string | null }) {
  const text = speechText(input.text);
  if (text === null) throw invalid('Nội dung dự kiến phát biểu dài quá 20000 ký tự.');
  return ctx.db.transaction(async (tx) => {
    const item = await itemOf(tx, councilId, itemId);
    const s = await sessionOf(tx, councilId, item.sessionId);
    assertOpen(s);
    const d = await requireDelegate(tx, ctx, councilId);
    const [before] = await tx.select().from(sessionSpeakers).where(and(eq(sessionSpeakers.itemId, item.id), eq(sessionSpeakers.delegateId, d.id)));
    const [row] = await tx.insert(sessionSpeakers).values({ councilId, sessionId: s.id, itemId: item.id, delegateId: d.id, text, state: 'registered', registeredAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: [sessionSpeakers.itemId, sessionSpeakers.delegateId],
        // Coming back after a withdrawal counts from now (the queue is in registration order).
        set: { text, state: 'registered', updatedAt: ctx.now, registeredAt: before?.state === 'withdrawn' ? ctx.now : before?.registeredAt ?? ctx.now },
      }).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'session_speaker.register', entityType: 'session_speaker', entityId: row!.id, councilId,
      before: before ? { state: before.state, text: before.text } : null,
      after: { delegateId: d.id, itemTitle: item.title, state: row!.state, text: row!.text },
    });
    return out(row!);
  });
}

/** A delegate withdraws a registration: the row and its text are kept, marked withdrawn. */
export async function withdrawSpeech(ctx: ActionCtx, councilId: string, itemId: string) {
  return ctx.db.transaction(async (tx) => {
    const item = await itemOf(tx, councilId, itemId);
    assertOpen(await sessionOf(tx, councilId, item.sessionId));
    const d = await requireDelegate(tx, ctx, councilId);
    const [before] = await tx.select().from(sessionSpeakers).where(and(eq(sessionSpeakers.itemId, item.id), eq(sessionSpeakers.delegateId, d.id)));
    if (!before || before.state !== 'registered') throw conflict('Bạn chưa đăng ký phát biểu về nội dung này.');
    const [row] = await tx.update(sessionSpeakers).set({ state: 'withdrawn', updatedAt: ctx.now }).where(eq(sessionSpeakers.id, before.id)).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'session_speaker.withdraw', entityType: 'session_speaker', entityId: before.id, councilId,
      before: { state: before.state }, after: { state: row!.state },
    });
    return out(row!);
  });
}

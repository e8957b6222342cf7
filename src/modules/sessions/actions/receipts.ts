// Receiving an expected document: the presenting agency uploads a file through its own login (or
// the secretariat uploads a scan), or the secretariat records a paper submission with the date it
// arrived. Every upload is a new version (nothing overwritten); the first receipt's date decides
// lateness, later ones are revisions. The file is checked by content before anything is written.
import { eq, sql } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { FileLimit } from '../../../server/input.ts';
import { checkFileContent, type FileKind, type UploadedFile } from '../../../server/upload.ts';
import { submissionTransition, type SubmissionState } from '../../../domain/sessions/index.ts';
import { recordEvent } from '../../audit/service.ts';
import { assertOpen, documentOf, out, sessionOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { sessionDocumentFiles, sessionDocuments, sessionItems } from '../schema.ts';

export const MAX_SESSION_FILE_BYTES = FileLimit.attachment;
/** Session documents are PDF or Word (.docx), judged by content (server/upload.ts). */
export const SESSION_FILE_KINDS: FileKind[] = ['pdf', 'docx'];

type Scope = { councilId?: string; agencyId?: string };

/** Marks the receipt on the document and moves its item from planned to received (then assigned if a Ban is set). */
async function markReceived(tx: DbOrTx, doc: typeof sessionDocuments.$inferSelect, on: string, via: 'upload' | 'paper') {
  const first = doc.receivedOn === null;
  const [row] = await tx.update(sessionDocuments).set(first
    ? { receivedOn: on, receivedVia: via, updatedAt: new Date() }
    : { lastRevisedOn: on > (doc.lastRevisedOn ?? '') ? on : doc.lastRevisedOn, updatedAt: new Date() })
    .where(eq(sessionDocuments.id, doc.id)).returning();
  const [item] = await tx.select().from(sessionItems).where(eq(sessionItems.id, doc.itemId));
  if (item && item.state === 'planned') {
    let state = submissionTransition(item.state as SubmissionState, 'receive');
    if (item.committeeBodyId) state = submissionTransition(state, 'assign');
    await tx.update(sessionItems).set({ state, updatedAt: new Date() }).where(eq(sessionItems.id, item.id));
  }
  return { row: row!, first };
}

export async function uploadDocumentFile(ctx: ActionCtx, scope: Scope, documentId: string, file: UploadedFile, opts: { receivedOn?: string } = {}) {
  if (file.data.length > MAX_SESSION_FILE_BYTES) throw invalid(`Tệp lớn quá ${Math.round(MAX_SESSION_FILE_BYTES / 1024 / 1024)} MB.`);
  const { mimeType } = checkFileContent(file, SESSION_FILE_KINDS);
  const day = today(ctx.now);
  const on = opts.receivedOn ?? day;
  if (on > day) throw invalid('Ngày nhận không được sau hôm nay.');
  return ctx.db.transaction(async (tx) => {
    const doc = await documentOf(tx, scope, documentId, { lock: true });
    assertOpen(await sessionOf(tx, doc.councilId, doc.sessionId));
    const [{ n }] = (await tx.select({ n: sql<number>`coalesce(max(${sessionDocumentFiles.version}), 0)::int` })
      .from(sessionDocumentFiles).where(eq(sessionDocumentFiles.documentId, doc.id))) as [{ n: number }];
    const [f] = await tx.insert(sessionDocumentFiles).values({
      documentId: doc.id, version: n + 1, fileName: file.name.slice(0, 200), mimeType, size: file.data.length,
      content: file.data, receivedOn: on, uploadedBy: ctx.actor.id,
    }).returning({
      id: sessionDocumentFiles.id, version: sessionDocumentFiles.version, fileName: sessionDocumentFiles.fileName,
      mimeType: sessionDocumentFiles.mimeType, size: sessionDocumentFiles.size, receivedOn: sessionDocumentFiles.receivedOn, createdAt: sessionDocumentFiles.createdAt,
    });
    const { row, first } = await markReceived(tx, doc, on, 'upload');
    await recordEvent(tx, ctx.actor, {
      action: first ? 'session_document.receive' : 'session_document.revise', entityType: 'session_document', entityId: doc.id,
      councilId: doc.councilId, agencyId: doc.agencyId, before: { receivedOn: doc.receivedOn, lastRevisedOn: doc.lastRevisedOn }, after: { file: f, receivedOn: row.receivedOn, lastRevisedOn: row.lastRevisedOn },
    });
    return { document: out(row), file: out(f!) };
  });
}

export async function recordPaperSubmission(ctx: ActionCtx, councilId: string, documentId: string, input: { receivedOn: string }) {
  if (input.receivedOn > today(ctx.now)) throw invalid('Ngày nhận không được sau hôm nay.');
  return ctx.db.transaction(async (tx) => {
    const doc = await documentOf(tx, { councilId }, documentId, { lock: true });
    assertOpen(await sessionOf(tx, councilId, doc.sessionId));
    if (doc.receivedOn && input.receivedOn < doc.receivedOn) throw conflict(`Tài liệu đã được nhận ngày ${doc.receivedOn}; bản sửa không thể nhận trước ngày đó.`);
    const { row, first } = await markReceived(tx, doc, input.receivedOn, 'paper');
    await recordEvent(tx, ctx.actor, {
      action: first ? 'session_document.receive_paper' : 'session_document.revise_paper', entityType: 'session_document', entityId: doc.id,
      councilId, agencyId: doc.agencyId, before: { receivedOn: doc.receivedOn, lastRevisedOn: doc.lastRevisedOn }, after: { receivedOn: row.receivedOn, lastRevisedOn: row.lastRevisedOn, via: 'paper' },
    });
    return out(row);
  });
}

export async function getDocumentFile(db: DbOrTx, scope: Scope, documentId: string, fileId: string) {
  const doc = await documentOf(db, scope, documentId);
  const [f] = await db.select().from(sessionDocumentFiles).where(eq(sessionDocumentFiles.id, fileId));
  if (!f || f.documentId !== doc.id) throw notFound('tệp của tài liệu kỳ họp');
  return f;
}

// Attachments (scans, documents handed over) on letters and reception records, checked by their
// content (server/upload.ts checkFileContent). Ordinary ones are listed for the audiences domain
// redactLetter allows and read by a plain GET. A denunciation's attachments (and those of a
// reception that brought one) follow its identity: listed under a neutral name, opened only by
// its named handlers (for a reception: the person who received the citizen) through an audited
// POST; the event names the file by its id, never its name; no export carries them.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { conflict, forbidden, invalid, notFound } from '../../server/errors.ts';
import { checkFileContent, FILE_KINDS, type FileKind, type UploadedFile } from '../../server/upload.ts';
import { canSee, type Audience, type LetterAttachment } from '../../domain/letters/index.ts';
import { recordEvent } from '../audit/service.ts';
import { letterOf, type ActionCtx, type DbOrTx, type LetterRow } from './common.ts';
import { letterAttachments, receptionRecords } from './schema.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 30;
export const ATTACHMENT_FILE_KINDS: readonly FileKind[] = ['pdf', 'png', 'jpeg', 'webp'];
export type AttachmentKind = 'handwriting' | 'evidence' | 'other';
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = { handwriting: 'Bản chụp đơn, bút tích', evidence: 'Tài liệu, chứng cứ', other: 'Tài liệu khác' };

type Row = typeof letterAttachments.$inferSelect;
const meta = { id: letterAttachments.id, letterId: letterAttachments.letterId, receptionId: letterAttachments.receptionId, kind: letterAttachments.kind, fileName: letterAttachments.fileName, mimeType: letterAttachments.mimeType, size: letterAttachments.size, createdAt: letterAttachments.createdAt };

const labelOf = (mimeType: string) => Object.values(FILE_KINDS).find((k) => k.mimeType === mimeType)?.label ?? 'tệp';
/** A protected attachment's listed name: its place and type, never the name it was uploaded with (it may name the denouncer). */
const neutralName = (i: number, mimeType: string) => `Tài liệu kèm theo ${i + 1} (${labelOf(mimeType)})`;

export type AttachmentView = LetterAttachment & { kindLabel: string; mimeType: string; size: number; createdAt: string; protected: boolean };

/** The attachments of these letters or receptions (no bytes, names as uploaded: the caller protects a denunciation's with protectList). */
export async function attachmentsOf(db: DbOrTx, by: { letterIds?: string[]; receptionIds?: string[] }) {
  const m = new Map<string, AttachmentView[]>();
  const letterIds = by.letterIds ?? [];
  const receptionIds = by.receptionIds ?? [];
  if (!letterIds.length && !receptionIds.length) return m;
  const rows = await db
    .select(meta)
    .from(letterAttachments)
    .where(letterIds.length ? inArray(letterAttachments.letterId, letterIds) : inArray(letterAttachments.receptionId, receptionIds))
    .orderBy(asc(letterAttachments.createdAt), asc(letterAttachments.id));
  for (const r of rows) {
    const owner = (r.letterId ?? r.receptionId)!;
    const list = m.get(owner) ?? [];
    list.push({ id: r.id, kind: r.kind as AttachmentKind, name: r.fileName, kindLabel: ATTACHMENT_KIND_LABELS[r.kind as AttachmentKind], mimeType: r.mimeType, size: r.size, createdAt: r.createdAt.toISOString(), protected: false });
    m.set(owner, list);
  }
  return m;
}

/** For a protected owner: neutral names, flagged; the domain decides who sees the list at all. */
export function protectList(list: AttachmentView[]): AttachmentView[] {
  return list.map((a, i) => ({ ...a, name: neutralName(i, a.mimeType), protected: true }));
}

async function insertAttachment(tx: DbOrTx, ctx: ActionCtx, owner: { councilId: string; letterId?: string; receptionId?: string }, kind: AttachmentKind, file: UploadedFile, mimeType: string) {
  const where = owner.letterId ? eq(letterAttachments.letterId, owner.letterId) : eq(letterAttachments.receptionId, owner.receptionId!);
  const [n] = await tx.select({ n: count() }).from(letterAttachments).where(where);
  if ((n?.n ?? 0) >= MAX_ATTACHMENTS) throw conflict(`Mỗi hồ sơ kèm tối đa ${MAX_ATTACHMENTS} tệp.`);
  const [row] = await tx.insert(letterAttachments).values({
    councilId: owner.councilId, letterId: owner.letterId ?? null, receptionId: owner.receptionId ?? null, kind,
    fileName: file.name.slice(0, 200), mimeType, size: file.data.length, content: file.data, uploadedBy: ctx.actor.id,
  }).returning(meta);
  return row!;
}

function checkUpload(file: UploadedFile, kind: string): { kind: AttachmentKind; mimeType: string } {
  if (!Object.hasOwn(ATTACHMENT_KIND_LABELS, kind)) throw invalid('Loại tài liệu kèm theo phải là bản chụp đơn, tài liệu chứng cứ hoặc tài liệu khác.');
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw invalid(`Tệp lớn quá ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
  return { kind: kind as AttachmentKind, mimeType: checkFileContent(file, ATTACHMENT_FILE_KINDS).mimeType };
}

/** Attaches a scan to a letter. A denunciation's: by a named handler only; the event never names the file. */
export async function attachToLetter(ctx: ActionCtx, councilId: string, letterId: string, file: UploadedFile, kindInput: string) {
  const { kind, mimeType } = checkUpload(file, kindInput);
  return ctx.db.transaction(async (tx) => {
    const l = await letterOf(tx, councilId, letterId, { lock: true });
    if (l.handleAsDenunciation && (!ctx.actor.id || !l.handlerIds.includes(ctx.actor.id))) throw forbidden('Chỉ người được giao đích danh xử lý đơn tố cáo mới được kèm tài liệu vào đơn.');
    const row = await insertAttachment(tx, ctx, { councilId, letterId }, kind, file, mimeType);
    await recordEvent(tx, ctx.actor, {
      action: 'letter.attach', entityType: 'letter', entityId: l.id, councilId,
      after: { reference: l.reference, attachmentId: row.id, kind, mimeType, size: row.size, ...(l.handleAsDenunciation ? {} : { fileName: row.fileName }) },
    });
    return { id: row.id, kind, kindLabel: ATTACHMENT_KIND_LABELS[kind], name: l.handleAsDenunciation ? neutralName(0, mimeType) : row.fileName, mimeType, size: row.size };
  });
}

const receptionProtected = (r: { kinds: string[] }) => r.kinds.includes('denunciation');
/** Who received the citizen (the row's own people): the only ones to read a denunciation's reception. */
export const ownsReception = (r: { createdById: string | null; delegateId: string | null }, viewer: { userId: string; delegateId: string | null }) =>
  r.createdById === viewer.userId || (viewer.delegateId !== null && r.delegateId === viewer.delegateId);

async function receptionOf(db: DbOrTx, councilId: string, receptionId: string) {
  const [r] = await db.select().from(receptionRecords).where(and(eq(receptionRecords.id, receptionId), eq(receptionRecords.councilId, councilId)));
  if (!r) throw notFound('lượt tiếp công dân');
  return r;
}

/** Attaches a scan to a reception record (by the secretariat, or the delegate who received the citizen). */
export async function attachToReception(ctx: ActionCtx, councilId: string, receptionId: string, file: UploadedFile, kindInput: string, viewer: { userId: string; delegateId: string | null; staff: boolean }) {
  const { kind, mimeType } = checkUpload(file, kindInput);
  return ctx.db.transaction(async (tx) => {
    const r = await receptionOf(tx, councilId, receptionId);
    const own = ownsReception(r, viewer);
    if (!own && !viewer.staff) throw notFound('lượt tiếp công dân');
    if (receptionProtected(r) && !own) throw forbidden('Chỉ người đã tiếp công dân mới được kèm tài liệu vào lượt tiếp có nội dung tố cáo.');
    const row = await insertAttachment(tx, ctx, { councilId, receptionId }, kind, file, mimeType);
    await recordEvent(tx, ctx.actor, {
      action: 'reception.attach', entityType: 'reception', entityId: r.id, councilId,
      after: { number: r.number, year: r.year, attachmentId: row.id, kind, mimeType, size: row.size, ...(receptionProtected(r) ? {} : { fileName: row.fileName }) },
    });
    return { id: row.id, kind, kindLabel: ATTACHMENT_KIND_LABELS[kind], name: receptionProtected(r) ? neutralName(0, mimeType) : row.fileName, mimeType, size: row.size };
  });
}

async function fileOf(db: DbOrTx, where: ReturnType<typeof and>): Promise<Row> {
  const [f] = await db.select().from(letterAttachments).where(where);
  if (!f) throw notFound('tệp kèm theo');
  return f;
}

/** An ordinary letter's attachment for an audience the domain lets see it (a plain read, nothing written). */
export async function readLetterAttachment(db: DbOrTx, letter: LetterRow, attachmentId: string, audience: Exclude<Audience, 'public'>) {
  const f = await fileOf(db, and(eq(letterAttachments.id, attachmentId), eq(letterAttachments.letterId, letter.id)));
  if (letter.handleAsDenunciation) throw forbidden('Tài liệu kèm đơn tố cáo chỉ người được giao đích danh mở, qua bước được ghi nhật ký.');
  if (!canSee(letter, f.kind === 'handwriting' ? 'handwriting' : 'evidence', audience)) throw notFound('tệp kèm theo');
  return f;
}

/** A denunciation's attachment, opened by a named handler: an audited step (the event names the file by id only). */
export async function openProtectedLetterAttachment(ctx: ActionCtx, councilId: string, letterId: string, attachmentId: string) {
  return ctx.db.transaction(async (tx) => {
    const l = await letterOf(tx, councilId, letterId);
    const f = await fileOf(tx, and(eq(letterAttachments.id, attachmentId), eq(letterAttachments.letterId, letterId)));
    if (!l.handleAsDenunciation) throw conflict('Tệp này không thuộc đơn tố cáo: tải trực tiếp, không cần bước mở có ghi nhật ký.');
    if (!ctx.actor.id || !l.handlerIds.includes(ctx.actor.id)) throw forbidden('Chỉ người được giao đích danh xử lý đơn mới mở được tài liệu kèm đơn tố cáo.');
    await recordEvent(tx, ctx.actor, { action: 'letter.attachment_view', entityType: 'letter', entityId: l.id, councilId, after: { reference: l.reference, attachmentId: f.id } });
    return f;
  });
}

/** A reception's attachment: ordinary ones for the council's readers; a denunciation's only for who received the citizen, audited (then a POST). */
export async function readReceptionAttachment(db: DbOrTx, councilId: string, receptionId: string, attachmentId: string, viewer: { userId: string; delegateId: string | null; staff: boolean }) {
  const r = await receptionOf(db, councilId, receptionId);
  if (!viewer.staff && !ownsReception(r, viewer)) throw notFound('lượt tiếp công dân');
  if (receptionProtected(r)) throw forbidden('Tài liệu của lượt tiếp có nội dung tố cáo chỉ người đã tiếp công dân mở, qua bước được ghi nhật ký.');
  return fileOf(db, and(eq(letterAttachments.id, attachmentId), eq(letterAttachments.receptionId, receptionId)));
}

export async function openProtectedReceptionAttachment(ctx: ActionCtx, councilId: string, receptionId: string, attachmentId: string, viewer: { userId: string; delegateId: string | null }) {
  return ctx.db.transaction(async (tx) => {
    const r = await receptionOf(tx, councilId, receptionId);
    const f = await fileOf(tx, and(eq(letterAttachments.id, attachmentId), eq(letterAttachments.receptionId, receptionId)));
    if (!receptionProtected(r)) throw conflict('Tệp này không thuộc lượt tiếp có nội dung tố cáo: tải trực tiếp.');
    if (!ownsReception(r, viewer)) throw forbidden('Chỉ người đã tiếp công dân mới mở được tài liệu của lượt tiếp có nội dung tố cáo.');
    await recordEvent(tx, ctx.actor, { action: 'reception.attachment_view', entityType: 'reception', entityId: r.id, councilId, after: { number: r.number, year: r.year, attachmentId: f.id } });
    return f;
  });
}

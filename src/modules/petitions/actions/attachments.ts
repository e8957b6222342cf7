// Attach a file (the agency's letter, a photo, a scan) to an answer. Stored in the database as
// bytea, size-limited; served back only to the agency and the council concerned.
import { eq } from 'drizzle-orm';
import { invalid, notFound } from '../../../server/errors.ts';
import { FileLimit } from '../../../server/input.ts';
import { checkFileContent, type FileKind } from '../../../server/upload.ts';
import { recordEvent } from '../../audit/service.ts';
import { out, type ActionCtx } from '../common.ts';
import { responseAttachments, responses } from '../schema.ts';

export const MAX_ATTACHMENT_BYTES = FileLimit.attachment;
/** Checked by content (server/upload.ts), not by the type the client declares. */
const ATTACHMENT_KINDS: FileKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'webp', 'txt'];

export async function addAttachment(
  ctx: ActionCtx,
  scope: { agencyId?: string; councilId?: string },
  responseId: string,
  file: { name: string; type: string; data: Uint8Array },
) {
  if (file.data.length === 0) throw invalid('Tệp đính kèm rỗng.');
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw invalid('Tệp đính kèm lớn quá 10 MB.');
  const type = checkFileContent(file, ATTACHMENT_KINDS).mimeType;
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(responses).where(eq(responses.id, responseId));
    if (!r || (scope.agencyId && r.agencyId !== scope.agencyId) || (scope.councilId && r.councilId !== scope.councilId)) {
      throw notFound('trả lời kiến nghị');
    }
    const [row] = await tx
      .insert(responseAttachments)
      .values({ responseId, fileName: file.name.slice(0, 200), mimeType: type, size: file.data.length, content: file.data })
      .returning({ id: responseAttachments.id, fileName: responseAttachments.fileName, mimeType: responseAttachments.mimeType, size: responseAttachments.size, createdAt: responseAttachments.createdAt });
    await recordEvent(tx, ctx.actor, {
      action: 'petition.attach',
      entityType: 'petition',
      entityId: r.petitionId,
      councilId: r.councilId,
      agencyId: r.agencyId,
      after: { responseId, ...row },
    });
    return out(row!);
  });
}

export async function getAttachment(db: ActionCtx['db'], scope: { agencyId?: string; councilId?: string }, attachmentId: string) {
  const [row] = await db
    .select({ a: responseAttachments, r: responses })
    .from(responseAttachments)
    .innerJoin(responses, eq(responses.id, responseAttachments.responseId))
    .where(eq(responseAttachments.id, attachmentId));
  if (!row || (scope.agencyId && row.r.agencyId !== scope.agencyId) || (scope.councilId && row.r.councilId !== scope.councilId)) {
    throw notFound('tệp đính kèm');
  }
  return row.a;
}

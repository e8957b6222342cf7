// Edit one opinion (text, voter data, locality) with optimistic concurrency on its version. The
// previous version stays in the audit log ('opinion.update', before → after), which is the
// opinion's history (queries/opinionHistory.ts) and shows in its petition's timeline; the search
// columns follow the new text. An opinion in a petition already forwarded keeps its text and
// locality (assertSourcesEditable): the agency resolves what it received.
import { and, eq } from 'drizzle-orm';
import { conflict, invalid } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { OPINION_TAKEN, opinionOf, out, roundOf, searchColumnsOf, type ActionCtx, type DbOrTx } from '../common.ts';
import { auditSafe } from '../personal.ts';
import { opinions, petitions } from '../schema.ts';
import { assertSourcesEditable } from './petitionRows.ts';
import { textColumns } from './createOpinions.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';

export async function updateOpinionIn(
  tx: DbOrTx,
  ctx: ActionCtx,
  councilId: string,
  opinionId: string,
  input: { version: number; text?: string; voterName?: string; voterHamlet?: string; voterCount?: number; unitId?: string | null },
) {
  const before = await opinionOf(tx, councilId, opinionId, { lock: true });
  await roundOf(tx, councilId, before.roundId);
  if (before.version !== input.version) throw conflict(OPINION_TAKEN);
  const { version: _v, text, ...rest } = input;
  const textCols = text !== undefined ? textColumns(text) : null;
  if (textCols && !textCols.text) throw invalid('Nội dung ý kiến không được để trống.');
  const changesSource = (textCols && textCols.text !== before.text) || (rest.unitId !== undefined && rest.unitId !== before.unitId);
  if (changesSource && before.petitionId) {
    const [p] = await tx.select({ id: petitions.id, number: petitions.number, status: petitions.status }).from(petitions).where(eq(petitions.id, before.petitionId));
    if (p) {
      assertSourcesEditable(p, 'sửa nội dung hoặc địa bàn của ý kiến thuộc kiến nghị này',
        'Ý kiến được giữ nguyên như khi chuyển; điều cần đính chính hãy ghi vào kiến nghị khi đánh giá trả lời, hoặc sửa khi kiến nghị được chuyển sang đợt sau.');
    }
  }
  const [after] = await tx
    .update(opinions)
    .set({
      ...rest,
      ...(textCols ? { ...textCols, ...searchColumnsOf(textCols.text) } : {}),
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(opinions.id, opinionId), eq(opinions.version, input.version)))
    .returning();
  if (!after) throw conflict(OPINION_TAKEN);
  await recordEvent(tx, ctx.actor, {
    action: 'opinion.update',
    entityType: 'opinion',
    entityId: opinionId,
    councilId,
    before: auditSafe(before),
    after: auditSafe(after),
  });
  const o = withoutSearchKeys(out(after));
  return o;
}

export async function updateOpinion(
  ctx: ActionCtx,
  councilId: string,
  opinionId: string,
  input: { version: number; text?: string; voterName?: string; voterHamlet?: string; voterCount?: number; unitId?: string | null },
) {
  return ctx.db.transaction((tx) => updateOpinionIn(tx, ctx, councilId, opinionId, input));
}

// Classify opinions (phân loại): field, competent level, competent agency — or mark a complaint or
// denunciation, which leaves the petition track (NQLT 72/2025 Điều 37 k4). The clerk confirms what
// the suggestions propose; one call may confirm many opinions (all or nothing).
import { and, eq, inArray } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { agencies } from '../../directory/schema.ts';
import { OPINION_TAKEN, councilLevels, out, type ActionCtx, type DbOrTx } from '../common.ts';
import { auditSafe } from '../personal.ts';
import { opinions, petitionFields } from '../schema.ts';
import { LEVEL_LABELS } from '../../../domain/petitions/counting.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';

export interface ClassifyItem {
  opinionId: string;
  version: number;
  kind?: 'petition' | 'complaint';
  fieldId?: string | null;
  competentLevel?: string | null;
  agencyId?: string | null;
}

/** Checks a (field, level, agency) triple against the council's taxonomy and levels in force. */
export async function checkClassification(
  tx: DbOrTx,
  councilId: string,
  c: { fieldId?: string | null; competentLevel?: string | null; agencyId?: string | null },
  levels?: string[],
) {
  if (c.fieldId) {
    const [f] = await tx.select().from(petitionFields).where(eq(petitionFields.id, c.fieldId));
    if (!f || f.councilId !== councilId) throw notFound('lĩnh vực');
  }
  if (c.competentLevel) {
    const lv = levels ?? (await councilLevels(tx, councilId));
    if (!lv.includes(c.competentLevel)) {
      throw invalid(
        `Cấp thẩm quyền "${LEVEL_LABELS[c.competentLevel] ?? c.competentLevel}" không có trong hệ thống chính quyền của HĐND này (các cấp hiện hành: ${lv.map((l) => LEVEL_LABELS[l] ?? l).join(', ')}).`,
      );
    }
  }
  if (c.agencyId) {
    const [a] = await tx.select().from(agencies).where(eq(agencies.id, c.agencyId));
    if (!a) throw notFound('cơ quan có thẩm quyền');
  }
}

export async function classifyOpinions(ctx: ActionCtx, councilId: string, items: ClassifyItem[]) {
  if (!items.length) throw invalid('Chưa chọn ý kiến nào để phân loại.');
  return ctx.db.transaction(async (tx) => {
    const levels = await councilLevels(tx, councilId);
    const ids = items.map((i) => i.opinionId);
    if (new Set(ids).size !== ids.length) throw invalid('Danh sách có ý kiến bị lặp lại.');
    const rows = await tx.select().from(opinions).where(inArray(opinions.id, [...ids].sort())).orderBy(opinions.id).for('update');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const result = [];
    for (const item of items) {
      const before = byId.get(item.opinionId);
      if (!before || before.councilId !== councilId) throw notFound('ý kiến cử tri');
      if (before.version !== item.version) throw conflict(OPINION_TAKEN, { opinionId: before.id });
      await checkClassification(tx, councilId, item, levels);
      if (item.kind === 'complaint' && before.petitionId) {
        throw conflict('Ý kiến đang nằm trong một kiến nghị; hãy tách ra khỏi kiến nghị trước khi đánh dấu là khiếu nại, tố cáo.');
      }
      const [after] = await tx
        .update(opinions)
        .set({
          ...(item.kind ? { kind: item.kind } : {}),
          ...(item.fieldId !== undefined ? { fieldId: item.fieldId } : {}),
          ...(item.competentLevel !== undefined ? { competentLevel: item.competentLevel } : {}),
          ...(item.agencyId !== undefined ? { agencyId: item.agencyId } : {}),
          classifiedAt: ctx.now,
          version: before.version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(opinions.id, before.id), eq(opinions.version, item.version)))
        .returning();
      if (!after) throw conflict(OPINION_TAKEN, { opinionId: before.id });
      await recordEvent(tx, ctx.actor, {
        action: item.kind === 'complaint' ? 'opinion.mark_complaint' : 'opinion.classify',
        entityType: 'opinion',
        entityId: before.id,
        councilId,
        before: auditSafe(before),
        after: auditSafe(after),
      });
      const o = withoutSearchKeys(out(after));
      result.push(o);
    }
    return { items: result };
  });
}

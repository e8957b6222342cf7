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
import { levelAgencyMismatch } from '../../../domain/petitions/levels.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';

export interface ClassifyItem {
  opinionId: string;
  version: number;
  kind?: 'petition' | 'complaint';
  fieldId?: string | null;
  competentLevel?: string | null;
  agencyId?: string | null;
  /** Why the agency's level differs from the competent level (required when they differ). */
  levelReason?: string | null;
}

/**
 * Checks a (field, level, agency) triple against the council's taxonomy and levels in force, and
 * the level against the agency's: when they differ the clerk must state why (`levelReason`).
 * Returns the reason to store ('' when they agree). Pass the values as they will be after the change.
 */
export async function checkClassification(
  tx: DbOrTx,
  councilId: string,
  c: { fieldId?: string | null; competentLevel?: string | null; agencyId?: string | null; levelReason?: string | null },
  levels?: string[],
  ref: Record<string, unknown> = {},
): Promise<{ levelReason: string }> {
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
  let agency: typeof agencies.$inferSelect | undefined;
  if (c.agencyId) {
    [agency] = await tx.select().from(agencies).where(eq(agencies.id, c.agencyId));
    if (!agency) throw notFound('cơ quan có thẩm quyền');
  }
  const mismatch = levelAgencyMismatch(c.competentLevel, agency);
  if (!mismatch) return { levelReason: '' };
  const reason = (c.levelReason ?? '').trim();
  if (reason.length < 5) throw invalid(mismatch, { field: 'levelReason', levelMismatch: true, ...ref });
  return { levelReason: reason };
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
      const competentLevel = item.competentLevel !== undefined ? item.competentLevel : before.competentLevel;
      const agencyId = item.agencyId !== undefined ? item.agencyId : before.agencyId;
      const unchanged = competentLevel === before.competentLevel && agencyId === before.agencyId;
      const { levelReason } = await checkClassification(
        tx, councilId, { fieldId: item.fieldId, competentLevel, agencyId, levelReason: item.levelReason ?? (unchanged ? before.levelReason : '') }, levels,
        { opinionId: before.id },
      );
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
          levelReason,
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

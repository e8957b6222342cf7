// Merge opinions into one new petition (tổng hợp): the canonical text is chosen (one opinion's) or
// edited; every source is kept through the opinions. Two clerks merging the same opinions at once:
// rows are locked in id order and updated only if still free at the version seen, so one wins and
// the other gets 409 "Ý kiến này vừa được người khác tổng hợp…"; nothing is duplicated or lost.
import { invalid } from '../../../server/errors.ts';
import { lockOpinions, out, roundOf, type ActionCtx } from '../common.ts';
import { checkClassification } from './classifyOpinions.ts';
import { insertPetition, moveOpinions } from './petitionRows.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';

export interface MergeInput {
  roundId: string;
  opinions: { id: string; version: number }[];
  /** Edited canonical text; otherwise the text of `canonicalOpinionId` (or the first opinion). */
  text?: string;
  canonicalOpinionId?: string;
  fieldId?: string | null;
  competentLevel?: string | null;
  agencyId?: string | null;
  /** Why the agency's level differs from the competent level (required when they differ). */
  levelReason?: string | null;
}

export async function mergeOpinions(ctx: ActionCtx, councilId: string, input: MergeInput) {
  if (!input.opinions.length) throw invalid('Hãy chọn ít nhất một ý kiến để tổng hợp thành kiến nghị.');
  return ctx.db.transaction(async (tx) => {
    await roundOf(tx, councilId, input.roundId, { open: true });
    const rows = await lockOpinions(tx, councilId, input.opinions, { free: true });
    for (const r of rows) if (r.roundId !== input.roundId) throw invalid('Chỉ tổng hợp các ý kiến của cùng một đợt.');
    const canonical = input.canonicalOpinionId ? rows.find((r) => r.id === input.canonicalOpinionId) : rows[0];
    if (!canonical) throw invalid('Ý kiến chọn làm nội dung kiến nghị phải nằm trong các ý kiến được tổng hợp.');
    const text = input.text?.trim() || canonical.text;
    const classified = rows.find((r) => r.fieldId || r.competentLevel || r.agencyId);
    const cls = {
      fieldId: input.fieldId !== undefined ? input.fieldId : (canonical.fieldId ?? classified?.fieldId ?? null),
      competentLevel: input.competentLevel !== undefined ? input.competentLevel : (canonical.competentLevel ?? classified?.competentLevel ?? null),
      agencyId: input.agencyId !== undefined ? input.agencyId : (canonical.agencyId ?? classified?.agencyId ?? null),
    };
    const inherited = [canonical, ...rows].find((r) => r.competentLevel === cls.competentLevel && r.agencyId === cls.agencyId)?.levelReason;
    const { levelReason } = await checkClassification(tx, councilId, { ...cls, levelReason: input.levelReason ?? inherited });
    const p = await insertPetition(tx, ctx.actor, { councilId, roundId: input.roundId, text, ...cls, levelReason }, 'petition.merge', {
      opinionIds: rows.map((r) => r.id),
    });
    await moveOpinions(tx, ctx.actor, councilId, input.opinions, p.id, null, 'opinion.merge');
    const o = withoutSearchKeys(out(p));
    return { ...o, opinionIds: rows.map((r) => r.id) };
  });
}

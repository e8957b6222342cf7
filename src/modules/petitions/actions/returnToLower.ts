// The upper council sends back a petition a lower council forwarded to it, when the matter is in
// fact for the lower level to resolve ("thuộc thẩm quyền cấp xã, đề nghị HĐND phường chuyển UBND
// phường giải quyết"). It mirrors an agency's return (returnPetition.ts) on the lower side: the
// lower dispatch item becomes 'returned' with the reason, the lower petition moves by the 'return'
// transition, the lower secretariat is notified and re-routes it (a returned petition can be
// dispatched again). On the upper side the opinion leaves the intake: it is deleted, as a mistyped
// opinion is (deleteOpinion.ts) — the opinions table has no hidden state, and the audit event keeps
// the deleted row. Only an opinion not yet merged into a petition here can be returned.
import { and, eq } from 'drizzle-orm';
import { conflict, invalid } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';
import { OPINION_TAKEN, councilRow, opinionOf, out, today, type ActionCtx } from '../common.ts';
import { auditSafe } from '../personal.ts';
import { dispatchItems, opinions, petitions } from '../schema.ts';
import { notify } from '../../notifications/service.ts';
import { returnItem } from './returnPetition.ts';

export interface ReturnToLowerInput {
  reason: string;
  version: number;
}

/** "Hội đồng nhân dân tỉnh Quảng Ngãi" → "HĐND tỉnh Quảng Ngãi" (notification titles). */
const short = (name: string) => name.replace(/^Hội đồng nhân dân\s+/u, 'HĐND ');

export async function returnToLower(ctx: ActionCtx, councilId: string, opinionId: string, input: ReturnToLowerInput) {
  return ctx.db.transaction(async (tx) => {
    // Lock order: the opinion, the lower petition, then its dispatch item (as answer.ts does
    // petition → item), so that a concurrent answer or dispatch cannot deadlock with this.
    const o = await opinionOf(tx, councilId, opinionId, { lock: true });
    if (!o.sourcePetitionId) {
      throw invalid('Chỉ trả lại được kiến nghị do HĐND cấp dưới chuyển lên; ý kiến này được tiếp nhận trực tiếp tại HĐND cấp này.');
    }
    if (o.petitionId) {
      const [merged] = await tx.select({ number: petitions.number }).from(petitions).where(eq(petitions.id, o.petitionId));
      throw conflict(
        `Kiến nghị này đã được tổng hợp vào kiến nghị số ${merged?.number ?? '?'} của HĐND cấp này. Hãy tách ý kiến khỏi kiến nghị trước khi trả lại cho HĐND cấp dưới.`,
        { opinionId: o.id },
      );
    }
    if (o.version !== input.version) throw conflict(OPINION_TAKEN, { opinionId: o.id });
    const [lower] = await tx.select().from(petitions).where(eq(petitions.id, o.sourcePetitionId)).for('update');
    const [item] = await tx
      .select()
      .from(dispatchItems)
      .where(and(eq(dispatchItems.upperOpinionId, o.id), eq(dispatchItems.state, 'pending')))
      .for('update');
    if (!lower || !item || item.petitionId !== lower.id) {
      throw conflict('Không còn tìm thấy lượt chuyển kiến nghị này của HĐND cấp dưới đang chờ xem xét; không thể trả lại.');
    }
    const upper = await councilRow(tx, councilId);
    const lowerCouncil = await councilRow(tx, lower.councilId);

    // Lower side: exactly what an agency's return does. The link to the opinion goes with it (the
    // opinion is deleted below; the audit keeps the id).
    const { status, item: after } = await returnItem(tx, lower, item.id, input.reason, today(ctx.now), { upperOpinionId: null });

    // Upper side: the opinion leaves the intake.
    await tx.delete(opinions).where(eq(opinions.id, o.id));

    await recordEvent(tx, ctx.actor, {
      action: 'opinion.return_to_lower',
      entityType: 'opinion',
      entityId: o.id,
      councilId,
      before: auditSafe(withoutSearchKeys(o)),
      after: {
        reason: input.reason,
        toCouncilId: lower.councilId,
        toCouncil: lowerCouncil.name,
        lowerPetitionId: lower.id,
        lowerPetitionNumber: lower.number,
        dispatchItemId: item.id,
      },
    });
    await recordEvent(tx, ctx.actor, {
      action: 'petition.return',
      entityType: 'petition',
      entityId: lower.id,
      councilId: lower.councilId,
      before: { status: lower.status },
      // `agencyName` names who returned it, as for an agency's return (the timeline shows it).
      after: {
        status, reason: input.reason, agencyName: upper.name, returnedByCouncilId: councilId,
        dispatchItemId: item.id, upperOpinionId: o.id,
      },
    });
    await notify(tx, { councilId: lower.councilId }, {
      kind: 'petition.returned',
      title: `${short(upper.name)} trả lại kiến nghị số ${lower.number}`,
      body: `Lý do: ${input.reason.replace(/[.\s]+$/u, '')}. Kiến nghị không thuộc thẩm quyền xem xét của ${short(upper.name)}; vui lòng chuyển kiến nghị đến cơ quan có thẩm quyền giải quyết.`,
      link: `/councils/${lower.councilId}/petitions/${lower.id}`,
    });
    return { ...out(after), petitionId: lower.id, petitionStatus: status };
  });
}

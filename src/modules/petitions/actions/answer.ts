// An agency answers a petition sent to it (or the secretariat types the answer of the agency's
// letter). Results per NQLT 72/2025 Điều 49 k2: resolved; in progress with a roadmap and a
// committed date; explained; plus "not resolved". When the petition came from a lower-level
// council, the answer flows back down to that council's petition, and so on to every source.
import { petitionAnswered } from '../followup.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { recordEvent, type Actor } from '../../audit/service.ts';
import { nextStatus, refusal, RESPONSE_RESULT_LABELS, type PetitionStatus, type ResponseResult } from '../../../domain/petitions/status.ts';
import { notify } from '../../notifications/service.ts';
import { agencies } from '../../directory/schema.ts';
import { out, petitionOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { dispatchItems, opinions, petitions, responses } from '../schema.ts';

export interface AnswerInput {
  result: ResponseResult;
  text: string;
  letterNumber?: string;
  letterDate?: string | null;
  roadmap?: string;
  committedDate?: string | null;
}

export function checkAnswer(input: AnswerInput, day: string) {
  if (input.result === 'in_progress') {
    if (!input.roadmap?.trim()) throw invalid('Kiến nghị đang giải quyết cần nêu lộ trình giải quyết.');
    if (!input.committedDate) throw invalid('Kiến nghị đang giải quyết cần có thời hạn hoàn thành cam kết.');
    if (input.committedDate < day) throw invalid('Thời hạn hoàn thành cam kết không thể trước ngày hôm nay.');
  }
}

/**
 * Records `input` as the answer to `petitionId` through `item` (locked by the caller), updates the
 * item and the petition, then flows down to lower-level petitions that this one answers for.
 */
export async function applyAnswer(
  tx: DbOrTx,
  actor: Actor,
  day: string,
  petition: typeof petitions.$inferSelect,
  item: typeof dispatchItems.$inferSelect | null,
  input: AnswerInput,
  fromResponseId: string | null,
  agencyId: string | null,
  depth = 0,
) {
  const status = nextStatus(petition.status as PetitionStatus, 'answer');
  if (!status) throw conflict(`Kiến nghị số ${petition.number}: ${refusal(petition.status as PetitionStatus, 'answer')}`);
  const [resp] = await tx
    .insert(responses)
    .values({
      petitionId: petition.id,
      dispatchItemId: item?.id ?? null,
      councilId: petition.councilId,
      agencyId,
      result: input.result,
      text: input.text,
      letterNumber: input.letterNumber ?? '',
      letterDate: input.letterDate ?? null,
      roadmap: input.roadmap ?? '',
      committedDate: input.result === 'in_progress' ? (input.committedDate ?? null) : null,
      respondedOn: day,
      fromResponseId,
    })
    .returning();
  if (item) {
    await tx.update(dispatchItems).set({ state: 'answered', closedAt: new Date(), updatedAt: new Date() }).where(eq(dispatchItems.id, item.id));
    await petitionAnswered(tx, item.id, day, input.result);
  }
  await tx.update(petitions).set({ status, version: petition.version + 1, updatedAt: new Date() }).where(eq(petitions.id, petition.id));
  await recordEvent(tx, actor, {
    action: fromResponseId ? 'petition.answer_from_upper' : 'petition.answer',
    entityType: 'petition',
    entityId: petition.id,
    councilId: petition.councilId,
    agencyId,
    before: { status: petition.status },
    after: { status, response: resp },
  });
  // The secretariat hears of an answer it did not type: an agency's, or one flowing down from above.
  // (answerAsAgency tells it of the agency's own answer; here the answers that flow down.)
  if (depth > 0) await tellSecretariat(tx, petition, input.result, agencyId);
  // Flow down: lower-level petitions whose opinion arrived in this petition.
  if (depth < 5) {
    const lowerOps = await tx
      .select({ opinionId: opinions.id, sourcePetitionId: opinions.sourcePetitionId })
      .from(opinions)
      .where(and(eq(opinions.petitionId, petition.id)));
    for (const lo of lowerOps) {
      if (!lo.sourcePetitionId) continue;
      const [lower] = await tx.select().from(petitions).where(eq(petitions.id, lo.sourcePetitionId)).for('update');
      if (!lower || lower.status === 'closed') continue;
      const [lowerItem] = await tx
        .select()
        .from(dispatchItems)
        .where(and(eq(dispatchItems.upperOpinionId, lo.opinionId), inArray(dispatchItems.state, ['pending', 'answered'])))
        .for('update');
      await applyAnswer(tx, actor, day, lower, lowerItem ?? null, input, resp!.id, agencyId, depth + 1);
    }
  }
  return resp!;
}

async function tellSecretariat(tx: DbOrTx, petition: typeof petitions.$inferSelect, result: ResponseResult, agencyId: string | null) {
  const [a] = agencyId ? await tx.select({ name: agencies.name, shortName: agencies.shortName }).from(agencies).where(eq(agencies.id, agencyId)) : [];
  await notify(tx, { councilId: petition.councilId }, {
    kind: 'petition.answered',
    title: `${a?.shortName || a?.name || 'Cơ quan có thẩm quyền'} đã trả lời kiến nghị số ${petition.number}: ${RESPONSE_RESULT_LABELS[result]}`,
    body: petition.text.length > 200 ? `${petition.text.slice(0, 200)}…` : petition.text,
    link: `/councils/${petition.councilId}/petitions/${petition.id}`,
  });
}

/** The agency's answer through its inbox (`agencyId` scope). */
export async function answerAsAgency(ctx: ActionCtx, agencyId: string, itemId: string, input: AnswerInput) {
  const day = today(ctx.now);
  checkAnswer(input, day);
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx.select().from(dispatchItems).where(eq(dispatchItems.id, itemId)).for('update');
    if (!item || item.agencyId !== agencyId) throw notFound('kiến nghị được chuyển đến cơ quan');
    if (item.state === 'returned') throw conflict('Kiến nghị này đã được trả lại; không thể trả lời.');
    const [p] = await tx.select().from(petitions).where(eq(petitions.id, item.petitionId)).for('update');
    const resp = await applyAnswer(tx, ctx.actor, day, p!, item, input, null, agencyId);
    await tellSecretariat(tx, p!, input.result, agencyId);
    return out(resp);
  });
}

/** The secretariat records the answer an agency sent on paper (council scope). */
export async function answerForAgency(ctx: ActionCtx, councilId: string, petitionId: string, input: AnswerInput) {
  const day = today(ctx.now);
  checkAnswer(input, day);
  return ctx.db.transaction(async (tx) => {
    const p = await petitionOf(tx, councilId, petitionId, { lock: true });
    const [item] = await tx
      .select()
      .from(dispatchItems)
      .where(and(eq(dispatchItems.petitionId, p.id), inArray(dispatchItems.state, ['pending', 'answered'])))
      .orderBy(dispatchItems.createdAt)
      .for('update');
    if (!item) throw conflict('Kiến nghị chưa được chuyển đến cơ quan nào; hãy chuyển trước khi ghi nhận trả lời.');
    if (item.targetCouncilId) throw conflict('Kiến nghị đã chuyển lên HĐND cấp trên; trả lời sẽ được cập nhật từ cấp trên.');
    return out(await applyAnswer(tx, ctx.actor, day, p, item, input, null, item.agencyId));
  });
}

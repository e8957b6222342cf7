// Review an answer (giám sát việc giải quyết kiến nghị): a committee, the standing committee, a
// delegate group or the secretariat assesses the latest answer as satisfactory or not, with a
// comment. A satisfactory answer that resolved or explained the matter closes the petition;
// anything else stays outstanding and carries over to the next round (carryOver.ts).
import { desc, eq } from 'drizzle-orm';
import { conflict, notFound } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { bodies } from '../../directory/schema.ts';
import { closesOnSatisfactoryReview, nextStatus, refusal, type PetitionStatus, type ResponseResult, type ReviewVerdict } from '../../../domain/petitions/status.ts';
import { out, petitionOf, today, type ActionCtx } from '../common.ts';
import { petitionReviewed } from '../followup.ts';
import { petitions, responses, reviews } from '../schema.ts';

export async function reviewAnswer(
  ctx: ActionCtx,
  councilId: string,
  petitionId: string,
  input: { verdict: ReviewVerdict; comment?: string; bodyId?: string | null },
) {
  return ctx.db.transaction(async (tx) => {
    const p = await petitionOf(tx, councilId, petitionId, { lock: true });
    if (input.bodyId) {
      const [b] = await tx.select().from(bodies).where(eq(bodies.id, input.bodyId));
      if (!b || b.councilId !== councilId) throw notFound('cơ quan của HĐND thực hiện đánh giá');
    }
    const [resp] = await tx.select().from(responses).where(eq(responses.petitionId, p.id)).orderBy(desc(responses.createdAt)).limit(1);
    if (!resp) throw conflict('Kiến nghị chưa có trả lời để đánh giá.');
    const ok = input.verdict === 'satisfactory' && closesOnSatisfactoryReview(resp.result as ResponseResult);
    const status = nextStatus(p.status as PetitionStatus, ok ? 'review_ok' : 'review_not_ok');
    if (!status) throw conflict(refusal(p.status as PetitionStatus, 'review_ok'));
    const [rv] = await tx
      .insert(reviews)
      .values({
        petitionId: p.id,
        responseId: resp.id,
        roundId: p.roundId,
        councilId,
        bodyId: input.bodyId ?? null,
        verdict: input.verdict,
        comment: input.comment ?? '',
        reviewerId: ctx.actor.id,
        reviewerName: ctx.actor.name,
      })
      .returning();
    await tx.update(petitions).set({ status, version: p.version + 1, updatedAt: new Date() }).where(eq(petitions.id, p.id));
    if (resp.dispatchItemId) await petitionReviewed(tx, resp.dispatchItemId, today(ctx.now), ok);
    await recordEvent(tx, ctx.actor, {
      action: 'petition.review',
      entityType: 'petition',
      entityId: p.id,
      councilId,
      before: { status: p.status },
      after: { status, review: rv },
    });
    return { ...out(rv!), petitionStatus: status };
  });
}

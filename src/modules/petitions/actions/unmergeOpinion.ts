// Take one opinion back out of a petition (it returns to the round's unmerged opinions).
import { conflict } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { lockOpinions, petitionOf, type ActionCtx } from '../common.ts';
import { bumpPetition, moveOpinions, opinionCount } from './petitionRows.ts';

export async function unmergeOpinion(ctx: ActionCtx, councilId: string, petitionId: string, input: { opinionId: string; version: number }) {
  return ctx.db.transaction(async (tx) => {
    const p = await petitionOf(tx, councilId, petitionId, { lock: true });
    await lockOpinions(tx, councilId, [{ id: input.opinionId, version: input.version }], { petitionId });
    if ((await opinionCount(tx, petitionId)) <= 1) {
      throw conflict('Kiến nghị phải còn ít nhất một ý kiến của cử tri; không thể tách ý kiến cuối cùng.');
    }
    await moveOpinions(tx, ctx.actor, councilId, [{ id: input.opinionId, version: input.version }], null, petitionId, 'opinion.unmerge');
    const after = await bumpPetition(tx, p.id, p.version);
    await recordEvent(tx, ctx.actor, {
      action: 'petition.remove_opinion',
      entityType: 'petition',
      entityId: p.id,
      councilId,
      after: { opinionId: input.opinionId, version: after.version },
    });
    return { ok: true as const, petitionVersion: after.version };
  });
}

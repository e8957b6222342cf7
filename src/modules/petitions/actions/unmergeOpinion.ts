// Take opinions back out of a petition (they return to the round's unmerged opinions). Only while
// the petition is with the secretariat (assertSourcesEditable); the petition keeps at least one.
// Undo: add them back (addToPetition) with the versions returned here.
import { conflict, invalid } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { PETITION_CHANGED, lockOpinions, petitionOf, type ActionCtx } from '../common.ts';
import { assertSourcesEditable, bumpPetition, moveOpinions, opinionCount, opinionRefs } from './petitionRows.ts';

export interface UnmergeInput {
  /** One opinion (the original form) … */
  opinionId?: string;
  version?: number;
  /** … or several (an undo of 'add to petition'). */
  opinions?: { id: string; version: number }[];
  /** The petition's version as seen; when given, a change since is a 409. */
  petitionVersion?: number;
}

export async function unmergeOpinion(ctx: ActionCtx, councilId: string, petitionId: string, input: UnmergeInput) {
  const items = input.opinions ?? (input.opinionId && input.version ? [{ id: input.opinionId, version: input.version }] : []);
  if (!items.length) throw invalid('Hãy chọn ý kiến cần tách ra khỏi kiến nghị.');
  return ctx.db.transaction(async (tx) => {
    const p = await petitionOf(tx, councilId, petitionId, { lock: true });
    if (input.petitionVersion !== undefined && p.version !== input.petitionVersion) throw conflict(PETITION_CHANGED);
    assertSourcesEditable(p, 'tách ý kiến ra');
    await lockOpinions(tx, councilId, items, { petitionId });
    if ((await opinionCount(tx, petitionId)) <= items.length) {
      throw conflict('Kiến nghị phải còn ít nhất một ý kiến của cử tri; không thể tách ý kiến cuối cùng.');
    }
    await moveOpinions(tx, ctx.actor, councilId, items, null, petitionId, 'opinion.unmerge');
    const after = await bumpPetition(tx, p.id, p.version);
    await recordEvent(tx, ctx.actor, {
      action: 'petition.remove_opinion',
      entityType: 'petition',
      entityId: p.id,
      councilId,
      after: { opinionId: items[0]!.id, opinionIds: items.map((i) => i.id), version: after.version },
    });
    return { ok: true as const, petitionVersion: after.version, opinions: await opinionRefs(tx, items.map((i) => i.id)) };
  });
}

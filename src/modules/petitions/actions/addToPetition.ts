// Add opinions to an existing petition ("the same issue, raised again"): the petition keeps one
// answer for every source. Same concurrency guarantees as a merge. Only while the petition is with
// the secretariat (assertSourcesEditable). Undo: take the same opinions out (unmergeOpinion) with
// the versions returned here.
import { invalid } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { PETITION_CHANGED, lockOpinions, out, petitionOf, type ActionCtx } from '../common.ts';
import { conflict } from '../../../server/errors.ts';
import { assertSourcesEditable, bumpPetition, moveOpinions, opinionRefs } from './petitionRows.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';

export async function addToPetition(
  ctx: ActionCtx,
  councilId: string,
  petitionId: string,
  input: { version?: number; opinions: { id: string; version: number }[] },
) {
  if (!input.opinions.length) throw invalid('Hãy chọn ít nhất một ý kiến để thêm vào kiến nghị.');
  return ctx.db.transaction(async (tx) => {
    const p = await petitionOf(tx, councilId, petitionId, { lock: true });
    if (input.version !== undefined && p.version !== input.version) throw conflict(PETITION_CHANGED);
    assertSourcesEditable(p, 'bổ sung ý kiến');
    await lockOpinions(tx, councilId, input.opinions, { free: true });
    await moveOpinions(tx, ctx.actor, councilId, input.opinions, p.id, null, 'opinion.merge');
    const after = await bumpPetition(tx, p.id, p.version);
    await recordEvent(tx, ctx.actor, {
      action: 'petition.add_opinions',
      entityType: 'petition',
      entityId: p.id,
      councilId,
      after: { opinionIds: input.opinions.map((o) => o.id), version: after.version },
    });
    const o = withoutSearchKeys(out(after));
    return { ...o, opinions: await opinionRefs(tx, input.opinions.map((x) => x.id)) };
  });
}

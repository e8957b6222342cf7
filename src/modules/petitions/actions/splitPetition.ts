// Split a petition into several (a provincial report split 51 petitions into 77 items): each group
// of its opinions becomes a new petition with its own text; the rest stay. Only before dispatch.
import { eq } from 'drizzle-orm';
import { conflict, invalid } from '../../../server/errors.ts';
import { petitionRoundEntries, petitions } from '../schema.ts';
import { recordEvent } from '../../audit/service.ts';
import { PETITION_CHANGED, lockOpinions, out, petitionOf, type ActionCtx } from '../common.ts';
import { assertSourcesEditable, bumpPetition, insertPetition, moveOpinions, opinionCount } from './petitionRows.ts';

export interface SplitInput {
  version: number;
  groups: { opinions: { id: string; version: number }[]; text: string }[];
}

export async function splitPetition(ctx: ActionCtx, councilId: string, petitionId: string, input: SplitInput) {
  if (!input.groups.length) throw invalid('Hãy chọn các ý kiến để tách thành kiến nghị mới.');
  return ctx.db.transaction(async (tx) => {
    const p = await petitionOf(tx, councilId, petitionId, { lock: true });
    if (p.version !== input.version) throw conflict(PETITION_CHANGED);
    assertSourcesEditable(p, 'tách kiến nghị');
    const all = input.groups.flatMap((g) => g.opinions);
    await lockOpinions(tx, councilId, all, { petitionId });
    if (all.length >= (await opinionCount(tx, petitionId))) {
      throw invalid('Kiến nghị ban đầu phải còn ít nhất một ý kiến sau khi tách.');
    }
    const created = [];
    for (const g of input.groups) {
      if (!g.opinions.length || !g.text.trim()) throw invalid('Mỗi kiến nghị tách ra cần có ý kiến và nội dung.');
      const np = await insertPetition(
        tx,
        ctx.actor,
        { councilId, roundId: p.roundId, text: g.text.trim(), fieldId: p.fieldId, competentLevel: p.competentLevel, agencyId: p.agencyId, levelReason: p.levelReason },
        'petition.split_from',
        { splitFrom: p.id, opinionIds: g.opinions.map((o) => o.id) },
      );
      // The new petition inherits the history of rounds the original has been through.
      await tx.update(petitions).set({ originRoundId: p.originRoundId }).where(eq(petitions.id, np.id));
      const entries = await tx.select().from(petitionRoundEntries).where(eq(petitionRoundEntries.petitionId, p.id));
      for (const e of entries) {
        await tx.insert(petitionRoundEntries).values({ petitionId: np.id, roundId: e.roundId, reason: e.reason, at: e.at }).onConflictDoNothing();
      }
      await moveOpinions(tx, ctx.actor, councilId, g.opinions, np.id, p.id, 'opinion.split');
      created.push(np);
    }
    const after = await bumpPetition(tx, p.id, p.version);
    await recordEvent(tx, ctx.actor, {
      action: 'petition.split',
      entityType: 'petition',
      entityId: p.id,
      councilId,
      after: { into: created.map((c) => c.id), version: after.version },
    });
    return { petition: out(after), created: created.map((c) => ({ id: c.id, number: c.number, text: c.text })) };
  });
}

// Open a round (đợt tiếp xúc cử tri) of a council. The sequence orders the council's rounds so the
// system can count how many sessions a petition stays outstanding.
import { eq, sql } from 'drizzle-orm';
import { invalid } from '../../../server/errors.ts';
import { insertAudited } from '../../audit/service.ts';
import { terms } from '../../directory/schema.ts';
import { councilRow, out, type ActionCtx } from '../common.ts';
import { petitionRounds } from '../schema.ts';
import { ensureFields } from './fields.ts';

export interface CreateRoundInput {
  name: string;
  kind: 'before_session' | 'after_session' | 'continuous';
  sessionName?: string;
  termId?: string | null;
  startDate: string;
  endDate?: string | null;
}

export async function createRound(ctx: ActionCtx, councilId: string, input: CreateRoundInput) {
  if (input.endDate && input.endDate < input.startDate) throw invalid('Ngày kết thúc đợt phải từ ngày bắt đầu trở đi.');
  return ctx.db.transaction(async (tx) => {
    await councilRow(tx, councilId);
    await tx.execute(sql`select id from councils where id = ${councilId} for update`);
    if (input.termId) {
      const [t] = await tx.select().from(terms).where(eq(terms.id, input.termId));
      if (!t || t.councilId !== councilId) throw invalid('Nhiệm kỳ không thuộc HĐND này.');
    }
    const [{ n }] = (await tx
      .select({ n: sql<number>`coalesce(max(${petitionRounds.sequence}), 0)::int` })
      .from(petitionRounds)
      .where(eq(petitionRounds.councilId, councilId))) as [{ n: number }];
    const row = await insertAudited(
      tx,
      ctx.actor,
      petitionRounds,
      {
        councilId,
        termId: input.termId ?? null,
        name: input.name,
        kind: input.kind,
        sequence: n + 1,
        sessionName: input.sessionName ?? '',
        startDate: input.startDate,
        endDate: input.endDate ?? null,
      },
      { entityType: 'petition_round', action: 'petition_round.create', councilId },
    );
    // A council's first round installs the default field taxonomy (then edited by the secretariat).
    await ensureFields(tx, ctx.actor, councilId);
    return out(row);
  });
}

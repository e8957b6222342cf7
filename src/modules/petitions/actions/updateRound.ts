// Edit a round's name, dates, or publish it on the public page. Publishing runs the privacy guard
// on the round's petitions: those that may name a person stay off the public page (`privacyHeld`)
// until the clerk edits them or confirms they are not personal (privacy.ts).
import { invalid, notFound } from '../../../server/errors.ts';
import { updateAudited } from '../../audit/service.ts';
import { out, roundOf, type ActionCtx } from '../common.ts';
import { petitionRounds } from '../schema.ts';
import { checkRoundPrivacy } from '../privacy.ts';

export interface UpdateRoundInput {
  name?: string;
  sessionName?: string;
  startDate?: string;
  endDate?: string | null;
  published?: boolean;
}

export async function updateRound(ctx: ActionCtx, councilId: string, roundId: string, input: UpdateRoundInput) {
  return ctx.db.transaction(async (tx) => {
    const r = await roundOf(tx, councilId, roundId);
    const start = input.startDate ?? r.startDate;
    const end = input.endDate === undefined ? r.endDate : input.endDate;
    if (end && end < start) throw invalid('Ngày kết thúc đợt phải từ ngày bắt đầu trở đi.');
    const row = await updateAudited(tx, ctx.actor, petitionRounds, roundId, input, {
      entityType: 'petition_round',
      action: input.published === true && !r.published ? 'petition_round.publish' : 'petition_round.update',
      councilId,
    });
    if (!row) throw notFound('đợt tiếp xúc cử tri');
    const held = row.published ? await checkRoundPrivacy(tx, councilId, roundId) : [];
    return { ...out(row), privacyHeld: held.map((h) => ({ id: h.id, number: h.number, kinds: [...new Set(h.findings.map((f) => f.kind))] })) };
  });
}

// Edit a petition's canonical text or its classification (field, competent level, agency).
import { recordEvent } from '../../audit/service.ts';
import { conflict } from '../../../server/errors.ts';
import { PETITION_CHANGED, out, petitionOf, type ActionCtx } from '../common.ts';
import { checkClassification } from './classifyOpinions.ts';
import { bumpPetition } from './petitionRows.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';

export interface UpdatePetitionInput {
  version: number;
  text?: string;
  fieldId?: string | null;
  competentLevel?: string | null;
  agencyId?: string | null;
  /** Why the agency's level differs from the competent level (required when they differ). */
  levelReason?: string | null;
}

export async function updatePetition(ctx: ActionCtx, councilId: string, petitionId: string, input: UpdatePetitionInput) {
  return ctx.db.transaction(async (tx) => {
    const before = await petitionOf(tx, councilId, petitionId, { lock: true });
    if (before.version !== input.version) throw conflict(PETITION_CHANGED);
    if (before.status === 'closed') throw conflict('Kiến nghị đã giải quyết xong; không sửa được nữa.');
    const competentLevel = input.competentLevel !== undefined ? input.competentLevel : before.competentLevel;
    const agencyId = input.agencyId !== undefined ? input.agencyId : before.agencyId;
    const unchanged = competentLevel === before.competentLevel && agencyId === before.agencyId;
    const { levelReason } = await checkClassification(tx, councilId, {
      fieldId: input.fieldId, competentLevel, agencyId, levelReason: input.levelReason ?? (unchanged ? before.levelReason : ''),
    });
    const { version, levelReason: _typed, ...set } = input;
    const after = await bumpPetition(tx, petitionId, version, { ...set, levelReason });
    const b = withoutSearchKeys(before);
    const a = withoutSearchKeys(after);
    await recordEvent(tx, ctx.actor, { action: 'petition.update', entityType: 'petition', entityId: petitionId, councilId, before: b, after: a });
    return out(a);
  });
}

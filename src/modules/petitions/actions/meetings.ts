// Contact meetings (hội nghị tiếp xúc cử tri) of a round: create and edit. The delegate group must
// belong to the council, and so must the delegates present (or, for a joint meeting, the other
// level's council named on it).
import { eq, inArray } from 'drizzle-orm';
import { invalid, notFound } from '../../../server/errors.ts';
import { insertAudited, updateAudited } from '../../audit/service.ts';
import { adminUnits, bodies, councils, delegates } from '../../directory/schema.ts';
import { meetingOf, out, roundOf, type ActionCtx, type DbOrTx } from '../common.ts';
import { contactMeetings } from '../schema.ts';

export interface MeetingInput {
  heldOn: string;
  place?: string;
  mode?: 'in_person' | 'online' | 'hybrid';
  unitId?: string | null;
  bodyId?: string | null;
  delegatesPresent?: string[];
  delegateIds?: string[];
  votersAttending?: number;
  chairedBy?: string;
  jointCouncilId?: string | null;
  notes?: string;
}

async function check(tx: DbOrTx, councilId: string, input: Partial<MeetingInput>, jointOf: string | null = null) {
  if (input.bodyId) {
    const [b] = await tx.select().from(bodies).where(eq(bodies.id, input.bodyId));
    if (!b || b.councilId !== councilId) throw notFound('tổ đại biểu');
    if (b.kind !== 'delegate_group' && b.kind !== 'standing' && b.kind !== 'committee') throw invalid('Cơ quan chủ trì không hợp lệ.');
  }
  if (input.unitId) {
    const [u] = await tx.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.id, input.unitId));
    if (!u) throw notFound('đơn vị hành chính');
  }
  if (input.jointCouncilId) {
    if (input.jointCouncilId === councilId) throw invalid('Hội nghị liên tịch phải với HĐND cấp khác.');
    const [c] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.id, input.jointCouncilId));
    if (!c) throw notFound('hội đồng nhân dân phối hợp');
  }
  const ids = [...new Set(input.delegateIds ?? [])];
  if (ids.length) {
    const found = await tx.select({ id: delegates.id, councilId: delegates.councilId }).from(delegates).where(inArray(delegates.id, ids));
    const joint = input.jointCouncilId === undefined ? jointOf : input.jointCouncilId;
    const allowed = new Set([councilId, ...(joint ? [joint] : [])]);
    const stranger = ids.find((id) => !found.some((d) => d.id === id && allowed.has(d.councilId)));
    if (stranger) {
      throw invalid(
        joint
          ? 'Đại biểu dự hội nghị phải là đại biểu của HĐND này hoặc của HĐND cùng tiếp xúc cử tri.'
          : 'Đại biểu dự hội nghị phải là đại biểu của HĐND này.',
        { delegateId: stranger },
      );
    }
  }
}

export async function createMeeting(ctx: ActionCtx, councilId: string, roundId: string, input: MeetingInput) {
  return ctx.db.transaction(async (tx) => {
    await roundOf(tx, councilId, roundId, { open: true });
    await check(tx, councilId, input);
    return out(
      await insertAudited(tx, ctx.actor, contactMeetings, { ...input, councilId, roundId }, {
        entityType: 'contact_meeting',
        action: 'contact_meeting.create',
        councilId,
      }),
    );
  });
}

export async function updateMeeting(ctx: ActionCtx, councilId: string, meetingId: string, input: Partial<MeetingInput>, roundId?: string) {
  return ctx.db.transaction(async (tx) => {
    const m = await meetingOf(tx, councilId, meetingId, roundId);
    await roundOf(tx, councilId, m.roundId, { open: true });
    // Changing the joint council re-checks the delegates already recorded.
    const delegateIds = input.delegateIds ?? (input.jointCouncilId !== undefined ? m.delegateIds : undefined);
    await check(tx, councilId, { ...input, delegateIds }, m.jointCouncilId);
    return out(
      (await updateAudited(tx, ctx.actor, contactMeetings, meetingId, input, {
        entityType: 'contact_meeting',
        action: 'contact_meeting.update',
        councilId,
      }))!,
    );
  });
}

// Delete a contact meeting created by mistake. Only an empty one (no opinion recorded under it)
// of an open round can go: its opinions are the minutes, so the clerk deletes those typed by
// mistake first, each with its own audit event. The audit log keeps the deleted meeting row.
import { count, eq } from 'drizzle-orm';
import { conflict } from '../../../server/errors.ts';
import { deleteAudited } from '../../audit/service.ts';
import { meetingOf, roundOf, totalOf, type ActionCtx } from '../common.ts';
import { contactMeetings, opinions } from '../schema.ts';

export async function deleteMeeting(ctx: ActionCtx, councilId: string, meetingId: string, roundId?: string) {
  return ctx.db.transaction(async (tx) => {
    // Lock the meeting: an opinion being added to it concurrently either committed before (and is
    // counted below) or waits on this lock and then fails its foreign key.
    await tx.select({ id: contactMeetings.id }).from(contactMeetings).where(eq(contactMeetings.id, meetingId)).for('update');
    const m = await meetingOf(tx, councilId, meetingId, roundId);
    await roundOf(tx, councilId, m.roundId, { open: true });
    const n = await totalOf(tx.select({ total: count() }).from(opinions).where(eq(opinions.meetingId, meetingId)));
    if (n > 0) {
      throw conflict(
        `Cuộc tiếp xúc còn ${n.toLocaleString('vi-VN')} ý kiến cử tri nên không xóa được. ` +
          'Chỉ xóa được cuộc tiếp xúc chưa có ý kiến nào: hãy xóa các ý kiến ghi nhầm trước ' +
          '(ý kiến đã tổng hợp vào kiến nghị thì tách khỏi kiến nghị rồi mới xóa).',
        { opinionCount: n },
      );
    }
    await deleteAudited(tx, ctx.actor, contactMeetings, meetingId, {
      entityType: 'contact_meeting',
      action: 'contact_meeting.delete',
      councilId,
    });
    return { ok: true as const };
  });
}

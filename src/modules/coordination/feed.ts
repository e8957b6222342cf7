// The executive's meetings a user is expected at, for the per-user calendar feed of the sessions
// module (sessions/calendarFeed.ts feedEvents calls this: one feed, not a second one). The
// invitee while accepted or undecided, or the person delegated; nothing once declined.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { CalendarEvent } from '../../domain/sessions/index.ts';
import { INVITATION_STATE_LABELS, invitationGoer, type InvitationState } from '../../domain/coordination/index.ts';
import type { DbOrTx } from '../petitions/common.ts';
import { executiveInvitations } from './schema.ts';

const utc = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

export async function invitationEvents(db: DbOrTx, userId: string, publicUrl: string): Promise<CalendarEvent[]> {
  const rows = await db.select().from(executiveInvitations).where(and(
    or(eq(executiveInvitations.inviteeUserId, userId), eq(executiveInvitations.attendeeUserId, userId)),
    inArray(executiveInvitations.state, ['received', 'accepted', 'delegated', 'attended']),
  ));
  return rows
    .filter((i) => {
      const goer = invitationGoer({ state: i.state as InvitationState, inviteeUserId: i.inviteeUserId, attendeeUserId: i.attendeeUserId });
      return goer === userId;
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((i) => ({
      uid: `executive-invitation-${i.id}@nghitruong`,
      start: utc(i.startsAt),
      ...(i.endsAt ? { end: utc(i.endsAt) } : {}),
      summary: `${i.title} (${i.organizerName})`,
      ...(i.location ? { location: i.location } : {}),
      description: `Giấy mời của ${i.organizerName}. ${INVITATION_STATE_LABELS[i.state as InvitationState]}.`,
      url: `${publicUrl}/councils/${i.councilId}/invitations`,
      sequence: i.version,
    }));
}

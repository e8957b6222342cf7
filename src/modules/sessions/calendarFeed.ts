// A user's calendar feed: a secret URL a calendar app subscribes to without a cookie. The token
// is 32 random bytes; only its SHA-256 is stored, so the URL is shown once, when it is made (a
// lost URL is regenerated, which also cuts off the old one). Creating, regenerating and revoking
// are audited; reading the feed writes nothing.
//
// What the feed holds, and no more than the user may see in the app:
// - staff of a council who may read sessions (secretariat, standing and committee members): every
//   session of that council;
// - delegates (the role, or an account linked to a delegate record) and the Front's staff: their
//   council's sessions once convened (planned dates are not theirs to see yet);
// - an agency's responders: the sessions where their agency presents an item, with their items;
// - a delegate's petition contact meetings (tiếp xúc cử tri) they are recorded at.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { notFound } from '../../server/errors.ts';
import { recordEvent, type Actor } from '../audit/service.ts';
import { roleGrants, users } from '../accounts/schema.ts';
import { councils, delegates } from '../directory/schema.ts';
import { contactMeetings, petitionRounds } from '../petitions/schema.ts';
import type { CalendarEvent } from '../../domain/sessions/index.ts';
import { icalendar } from '../../domain/sessions/index.ts';
import type { DbOrTx } from './common.ts';
import type { Db } from '../../db/client.ts';
import { councilSessions, sessionItems } from './schema.ts';
import { calendarFeedTokens, sessionConvocations } from './convocationSchema.ts';
import { sessionEvent } from './convocation.ts';
import { invitationEvents } from '../coordination/feed.ts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
export const feedPath = (token: string) => `/api/calendar-feeds/${token}`;

const READ_ROLES = ['secretariat', 'standing_member', 'committee_member'];
const CONVENED_ROLES = ['delegate', 'front_staff'];

export async function feedStatus(db: DbOrTx, userId: string) {
  const [row] = await db.select({ createdAt: calendarFeedTokens.createdAt }).from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, userId));
  return { active: !!row, createdAt: row ? row.createdAt.toISOString() : null };
}

/** Makes the user's feed URL, replacing any earlier one (which stops working at once). */
export async function createFeedToken(db: Db, actor: Actor & { id: string }, publicUrl: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(calendarFeedTokens).where(eq(calendarFeedTokens.userId, actor.id)).returning({ id: calendarFeedTokens.id, createdAt: calendarFeedTokens.createdAt });
    const [row] = await tx.insert(calendarFeedTokens).values({ userId: actor.id, tokenHash: hashOf(token), createdAt: now }).returning({ id: calendarFeedTokens.id });
    await recordEvent(tx, actor, {
      action: before ? 'calendar_feed.regenerate' : 'calendar_feed.create', entityType: 'calendar_feed', entityId: row!.id,
      ...(before ? { before: { id: before.id, createdAt: before.createdAt } } : {}), after: { id: row!.id, userId: actor.id },
    });
  });
  return { url: `${publicUrl}${feedPath(token)}`, createdAt: now.toISOString(), active: true };
}

export async function revokeFeedToken(db: Db, actor: Actor & { id: string }) {
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(calendarFeedTokens).where(eq(calendarFeedTokens.userId, actor.id)).returning();
    if (!before) throw notFound('đường dẫn lịch của bạn');
    await recordEvent(tx, actor, { action: 'calendar_feed.revoke', entityType: 'calendar_feed', entityId: before.id, before: { id: before.id, userId: actor.id, createdAt: before.createdAt } });
  });
  return { active: false, createdAt: null };
}

/** The active user a token belongs to, or null (unknown, revoked or replaced token; inactive user). */
async function userOfToken(db: DbOrTx, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db.select({ id: users.id, email: users.email, delegateId: users.delegateId })
    .from(calendarFeedTokens).innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .where(and(eq(calendarFeedTokens.tokenHash, hashOf(token)), eq(users.active, true)));
  return row ?? null;
}

const shortDate = (d: string) => d.split('-').reverse().join('/');

/** The events of one user (see the header). */
export async function feedEvents(db: DbOrTx, user: { id: string; email: string; delegateId: string | null }, publicUrl: string): Promise<CalendarEvent[]> {
  const grants = await db.select({ role: roleGrants.role, councilId: roleGrants.councilId, agencyId: roleGrants.agencyId }).from(roleGrants).where(eq(roleGrants.userId, user.id));
  const readCouncils = new Set(grants.filter((g) => g.councilId && READ_ROLES.includes(g.role)).map((g) => g.councilId!));
  const convenedCouncils = new Set(grants.filter((g) => g.councilId && CONVENED_ROLES.includes(g.role)).map((g) => g.councilId!));
  const agencyIds = [...new Set(grants.filter((g) => g.agencyId && g.role === 'agency_responder').map((g) => g.agencyId!))];
  // The delegate records this account stands for: linked by id, or by the same e-mail.
  const email = user.email.trim().toLowerCase();
  const myDelegates = await db.select({ id: delegates.id, councilId: delegates.councilId }).from(delegates).where(and(
    eq(delegates.status, 'active'),
    or(user.delegateId ? eq(delegates.id, user.delegateId) : undefined, email ? sql`lower(${delegates.email}) = ${email}` : undefined) ?? sql`false`,
  ));
  for (const d of myDelegates) convenedCouncils.add(d.councilId);
  for (const c of readCouncils) convenedCouncils.delete(c);

  const convened = sql`(${councilSessions.state} in ('convened', 'inProgress', 'closed') or ${councilSessions.convenedOn} is not null
    or exists (select 1 from ${sessionConvocations} sc where sc.session_id = ${councilSessions.id}))`;
  const councilScope = [
    readCouncils.size ? inArray(councilSessions.councilId, [...readCouncils]) : undefined,
    convenedCouncils.size ? and(inArray(councilSessions.councilId, [...convenedCouncils]), convened) : undefined,
  ].filter((x) => x !== undefined);
  const sessions = councilScope.length
    ? await db.select({ s: councilSessions, councilName: councils.name }).from(councilSessions)
      .innerJoin(councils, eq(councils.id, councilSessions.councilId)).where(or(...councilScope))
    : [];
  // Sessions where one of the user's agencies presents: those items only.
  const presented = agencyIds.length
    ? await db.select({ s: councilSessions, councilName: councils.name, itemTitle: sessionItems.title }).from(sessionItems)
      .innerJoin(councilSessions, eq(councilSessions.id, sessionItems.sessionId))
      .innerJoin(councils, eq(councils.id, councilSessions.councilId))
      .where(inArray(sessionItems.presenterAgencyId, agencyIds))
    : [];
  const byId = new Map<string, { s: typeof councilSessions.$inferSelect; councilName: string; items: string[]; staff: boolean }>();
  for (const r of sessions) byId.set(r.s.id, { s: r.s, councilName: r.councilName, items: [], staff: readCouncils.has(r.s.councilId) });
  for (const r of presented) {
    const e = byId.get(r.s.id) ?? { s: r.s, councilName: r.councilName, items: [], staff: false };
    e.items.push(r.itemTitle);
    byId.set(r.s.id, e);
  }
  const ids = [...byId.keys()];
  const convs = ids.length
    ? await db.select().from(sessionConvocations).where(inArray(sessionConvocations.sessionId, ids)).orderBy(desc(sessionConvocations.createdAt))
    : [];
  const latest = new Map<string, (typeof convs)[number]>();
  for (const c of convs) if (!latest.has(c.sessionId)) latest.set(c.sessionId, c);
  const events: CalendarEvent[] = [...byId.values()]
    .sort((a, b) => a.s.openingDate.localeCompare(b.s.openingDate))
    .map(({ s, councilName, items, staff }) => sessionEvent(s, councilName, latest.get(s.id) ?? null, {
      ...(items.length ? { description: `Nội dung cơ quan trình bày:\n${items.map((t) => `- ${t}`).join('\n')}` } : {}),
      ...(staff ? { url: `${publicUrl}/councils/${s.councilId}/sessions/${s.id}` } : {}),
    }));

  // Contact meetings with voters the user's delegate records attended.
  if (myDelegates.length) {
    const meetings = await db.select({ m: contactMeetings, roundName: petitionRounds.name }).from(contactMeetings)
      .innerJoin(petitionRounds, eq(petitionRounds.id, contactMeetings.roundId))
      .where(and(isNotNull(contactMeetings.heldOn), or(...myDelegates.map((d) => sql`${contactMeetings.delegateIds} @> ${JSON.stringify([d.id])}::jsonb`))));
    for (const { m, roundName } of meetings.sort((a, b) => a.m.heldOn.localeCompare(b.m.heldOn))) {
      events.push({
        uid: `contact-meeting-${m.id}@nghitruong`,
        start: m.heldOn,
        allDay: true,
        summary: `Tiếp xúc cử tri: ${roundName}`,
        ...(m.place ? { location: m.place } : {}),
        description: `Hội nghị tiếp xúc cử tri ngày ${shortDate(m.heldOn)}.`,
      });
    }
  }
  // The executive's meetings the user attends for the council (coordination module).
  events.push(...await invitationEvents(db, user.id, publicUrl));
  return events;
}

/** The feed of the token's user as text/calendar, or null for a token that opens nothing. */
export async function feedCalendar(db: DbOrTx, token: string, publicUrl: string, now: Date): Promise<string | null> {
  const user = await userOfToken(db, token);
  if (!user) return null;
  return icalendar(await feedEvents(db, user, publicUrl), { name: 'Lịch kỳ họp, tiếp xúc cử tri và cuộc họp được mời - Nghị Trường', method: 'PUBLISH', stamp: now.toISOString() });
}

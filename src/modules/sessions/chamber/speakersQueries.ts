// Reads of the speakers' list of an agenda item: the portal's registrations (in advance, or added
// from the floor) that are not withdrawn, in the chair's order (registrations the chair has not
// placed yet follow, in registration order), each with its status, allotted time and clock.
import { and, asc, eq } from 'drizzle-orm';
import {
  SPEAKER_STATUS_LABELS, SPEECH_KIND_LABELS, speakingClock, type SpeakerStatus, type SpeechKind,
} from '../../../domain/sessions/floor.ts';
import type { SessionRuleSet } from '../../../domain/sessions/index.ts';
import { delegates } from '../../directory/schema.ts';
import { itemOf, ruleSetOf, sessionOf, type DbOrTx } from '../common.ts';
import { councilSessions, sessionItems } from '../schema.ts';
import { sessionSpeakers } from '../portalSchema.ts';
import { chamberSpeakerLists, chamberSpeakers } from './attendanceSchema.ts';

type Page = { page: number; pageSize: number };

/** Seconds allotted to a speech of `kind` by the council profile. */
export const allottedFor = (set: SessionRuleSet, kind: SpeechKind) => set.profile.speakingMinutes[kind] * 60;

/** The list as stored: registered speakers joined with their floor row (null when not placed yet), in order. */
export async function listRows(db: DbOrTx, itemId: string) {
  const rows = await db.select({
    id: sessionSpeakers.id, delegateId: sessionSpeakers.delegateId, fullName: delegates.fullName, delegatePosition: delegates.position,
    text: sessionSpeakers.text, registeredAt: sessionSpeakers.registeredAt, floor: chamberSpeakers,
  }).from(sessionSpeakers)
    .innerJoin(delegates, eq(delegates.id, sessionSpeakers.delegateId))
    .leftJoin(chamberSpeakers, eq(chamberSpeakers.speakerId, sessionSpeakers.id))
    .where(and(eq(sessionSpeakers.itemId, itemId), eq(sessionSpeakers.state, 'registered')))
    .orderBy(asc(sessionSpeakers.registeredAt), asc(sessionSpeakers.id));
  const placed = rows.filter((r) => r.floor).sort((a, b) => a.floor!.position - b.floor!.position);
  return [...placed, ...rows.filter((r) => !r.floor)];
}

export async function listVersion(db: DbOrTx, itemId: string): Promise<number> {
  const [l] = await db.select({ version: chamberSpeakerLists.version }).from(chamberSpeakerLists).where(eq(chamberSpeakerLists.itemId, itemId));
  return l?.version ?? 0;
}

/** The whole list of an item as JSON, with the clock of each speaker at `now`. */
export async function speakerEntries(db: DbOrTx, itemId: string, now: Date = new Date()) {
  const [item] = await db.select({ sessionId: sessionItems.sessionId, councilId: sessionItems.councilId }).from(sessionItems).where(eq(sessionItems.id, itemId));
  const [s] = await db.select({ ruleSetKey: councilSessions.ruleSetKey }).from(councilSessions).where(eq(councilSessions.id, item!.sessionId));
  const set = await ruleSetOf(db, item!.councilId, s!.ruleSetKey);
  const rows = await listRows(db, itemId);
  return rows.map((r, i) => {
    const kind = (r.floor?.kind ?? 'speech') as SpeechKind;
    const status = (r.floor?.status ?? 'waiting') as SpeakerStatus;
    const allottedSeconds = r.floor?.allottedSeconds ?? allottedFor(set, kind);
    const startedAt = r.floor?.startedAt ?? null;
    const endedAt = r.floor?.endedAt ?? null;
    return {
      id: r.id, order: i + 1, delegateId: r.delegateId, fullName: r.fullName, delegatePosition: r.delegatePosition, text: r.text,
      fromFloor: r.floor?.fromFloor ?? false, kind, kindLabel: SPEECH_KIND_LABELS[kind], status, statusLabel: SPEAKER_STATUS_LABELS[status],
      allottedSeconds, startedAt: startedAt?.toISOString() ?? null, endedAt: endedAt?.toISOString() ?? null,
      clock: speakingClock(allottedSeconds, startedAt?.getTime() ?? null, endedAt?.getTime() ?? null, now.getTime()),
      registeredAt: r.registeredAt.toISOString(),
    };
  });
}

/** The speaker at the floor of an item and who comes next (for the chair's screen and the full-screen view). */
export async function currentSpeakers(db: DbOrTx, itemId: string, now: Date = new Date()) {
  const all = await speakerEntries(db, itemId, now);
  return {
    speaking: all.find((x) => x.status === 'speaking') ?? null,
    next: all.filter((x) => x.status === 'waiting').slice(0, 3),
    waiting: all.filter((x) => x.status === 'waiting').length,
    done: all.filter((x) => x.status === 'done').length,
    total: all.length,
    version: await listVersion(db, itemId),
  };
}

/** The speakers' list of an agenda item, paged, with its version (sent back with a new order). */
export async function speakerList(db: DbOrTx, councilId: string, itemId: string, p: Page, now: Date) {
  const item = await itemOf(db, councilId, itemId);
  const s = await sessionOf(db, councilId, item.sessionId);
  const set = await ruleSetOf(db, councilId, s.ruleSetKey);
  const all = await speakerEntries(db, item.id, now);
  return {
    items: all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize), total: all.length, page: p.page, pageSize: p.pageSize,
    version: await listVersion(db, item.id),
    item: { id: item.id, title: item.title, position: item.position },
    session: { id: s.id, title: s.title, state: s.state },
    speakingMinutes: set.profile.speakingMinutes,
    speakingMinutesDefault: set.defaults.includes('speakingMinutes.speech'),
    serverNow: now.toISOString(),
  };
}

// Reads of the chamber: the attendance list of a session or an agenda item (every delegate on the
// roll with the mark that counts there, the session's mark, and what they told the portal
// beforehand), the chair's floor numbers (present / seats / serving / what a vote needs now), and
// the delegate's own check-in view. GETs write nothing.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { notFound } from '../../../server/errors.ts';
import { fold } from '../../../domain/text/index.ts';
import { ATTENDANCE_LABELS, type AttendanceStatus } from '../../../domain/sessions/portal.ts';
import { effectiveAttendance, floorNumbers, selfCheckInRefusal } from '../../../domain/sessions/floor.ts';
import { VOTE_RULE_KEYS, voteRuleInForce } from '../../../domain/sessions/votes.ts';
import { SESSION_STATE_LABELS, type SessionState } from '../../../domain/sessions/index.ts';
import { users } from '../../accounts/schema.ts';
import { delegates } from '../../directory/schema.ts';
import { itemOf, itemsOfSession, ruleSetOf, sessionOf, today, type DbOrTx } from '../common.ts';
import { councilSessions } from '../schema.ts';
import { sessionAttendance } from '../portalSchema.ts';
import { delegateOf } from '../portal/actions.ts';
import { chamberAttendance } from './attendanceSchema.ts';
import { rollNow } from './roll.ts';
import { currentSpeakers } from './speakersQueries.ts';

type Page = { page: number; pageSize: number };
const paged = <T>(all: T[], p: Page) => ({ items: all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize), total: all.length, page: p.page, pageSize: p.pageSize });
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const label = (s: AttendanceStatus | null) => ATTENDANCE_LABELS[s ?? 'unconfirmed'];
const NOT_CHECKED = 'Chưa điểm danh';

export type AttendanceFilter = Page & { q?: string; status?: AttendanceStatus | 'none'; itemId?: string };

async function sessionAndItem(db: DbOrTx, councilId: string, sessionId: string, itemId: string | undefined) {
  const s = await sessionOf(db, councilId, sessionId);
  if (!itemId) return { s, item: null };
  const i = await itemOf(db, councilId, itemId);
  if (i.sessionId !== s.id) throw notFound('nội dung của kỳ họp này');
  return { s, item: i };
}

/** Every delegate on the roll with the mark that counts (the item's, else the session's), paged, with the counts. */
export async function attendanceList(db: DbOrTx, councilId: string, sessionId: string, f: AttendanceFilter) {
  const { s, item } = await sessionAndItem(db, councilId, sessionId, f.itemId);
  const roll = await rollNow(db, s.id, item?.id);
  const serving = [...roll.entitled, ...roll.suspended];
  const [people, marks, advance] = await Promise.all([
    serving.length ? db.select({ id: delegates.id, fullName: delegates.fullName, position: delegates.position, sortKey: delegates.sortKey }).from(delegates).where(inArray(delegates.id, serving)).orderBy(asc(delegates.sortKey), asc(delegates.fullName)) : [],
    db.select({ row: chamberAttendance, recordedByName: users.fullName }).from(chamberAttendance).leftJoin(users, eq(users.id, chamberAttendance.recordedBy)).where(eq(chamberAttendance.sessionId, s.id)),
    db.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, s.id)),
  ]);
  const eff = effectiveAttendance(marks.map((m) => ({ delegateId: m.row.delegateId, itemId: m.row.itemId, status: m.row.status as AttendanceStatus, reason: m.row.reason })), item?.id ?? null);
  const rowOf = (delegateId: string, level: 'session' | 'item' | undefined) => marks.find((m) => m.row.delegateId === delegateId && (level === 'item' ? m.row.itemId === item?.id : m.row.itemId === null));
  const all = people.map((d) => {
    const e = eff.get(d.id) ?? null;
    const r = e ? rowOf(d.id, e.level) : undefined;
    const sessionMark = rowOf(d.id, 'session');
    const adv = advance.find((a) => a.delegateId === d.id);
    return {
      delegateId: d.id, fullName: d.fullName, position: d.position,
      status: (e?.status ?? null) as AttendanceStatus | null,
      statusLabel: e ? label(e.status) : NOT_CHECKED,
      reason: e?.reason ?? '',
      /** Where the mark that counts comes from: this agenda item, the whole session, or none yet. */
      level: e?.level ?? null,
      sessionStatus: (sessionMark?.row.status ?? null) as AttendanceStatus | null,
      source: r?.row.source ?? null,
      recordedBy: r?.recordedByName ?? null,
      recordedAt: iso(r?.row.recordedAt),
      checkedInAt: iso(r?.row.checkedInAt),
      /** What the delegate confirmed in the portal beforehand (Điều 33 k2: an absence is told to the chair). */
      advance: adv ? { status: adv.status as AttendanceStatus, statusLabel: label(adv.status as AttendanceStatus), reason: adv.reason } : null,
    };
  });
  const q = f.q ? fold(f.q) : '';
  const shown = all.filter((x) => (!q || fold(x.fullName).includes(q)) && (!f.status || (f.status === 'none' ? x.status === null : x.status === f.status)));
  return {
    ...paged(shown, f),
    session: { id: s.id, title: s.title, state: s.state, stateLabel: SESSION_STATE_LABELS[s.state as SessionState] ?? s.state },
    item: item ? { id: item.id, title: item.title, position: item.position } : null,
    counts: { serving: roll.serving, present: roll.inRoom.length, online: roll.online.length, absent: roll.absent.length, none: roll.notCheckedIn.length },
  };
}

/**
 * The chair's screen: the roll's numbers, what each vote rule needs now (the Điều 49 k2 exception
 * when it applies), the agenda items, and the speaker at the floor of the chosen item.
 */
export async function floorView(db: DbOrTx, councilId: string, sessionId: string, f: { itemId?: string }, now: Date) {
  const { s, item } = await sessionAndItem(db, councilId, sessionId, f.itemId);
  const [roll, items, set] = await Promise.all([rollNow(db, s.id, item?.id), itemsOfSession(db, s.id), ruleSetOf(db, councilId, s.ruleSetKey)]);
  const day = today(now);
  const dates = { today: day, termEndsOn: roll.termEndsOn, totalMeans: roll.totalMeans };
  const rules = VOTE_RULE_KEYS.map((key) => {
    const n = floorNumbers(roll, key, dates);
    let ruleLabel: string = key;
    try {
      ruleLabel = voteRuleInForce(key, day).label;
    } catch {
      // No rule in force that day: floorNumbers says why.
    }
    return { ruleKey: key, ruleLabel, threshold: n.threshold, thresholdError: n.thresholdError, reachable: n.reachable };
  });
  const numbers = floorNumbers(roll, 'resolution', dates);
  const chosen = item ?? items[0] ?? null;
  return {
    session: { id: s.id, title: s.title, state: s.state, stateLabel: SESSION_STATE_LABELS[s.state as SessionState] ?? s.state, openingDate: s.openingDate },
    items: items.map((i) => ({ id: i.id, title: i.title, position: i.position })),
    item: item ? { id: item.id, title: item.title, position: item.position } : null,
    numbers: { seats: numbers.seats, serving: numbers.serving, entitled: numbers.entitled, present: numbers.present, inRoom: numbers.inRoom, online: numbers.online, absent: numbers.absent, notCheckedIn: numbers.notCheckedIn },
    seatsSource: roll.seatsSource,
    seatsExplanation: roll.seatsExplanation,
    termEndsOn: roll.termEndsOn,
    /** The resolution rule first: what an ordinary vote needs now. */
    rules,
    speakingMinutes: set.profile.speakingMinutes,
    speakingMinutesDefault: set.defaults.includes('speakingMinutes.speech'),
    selfCheckIn: set.profile.chamber.selfCheckIn,
    speakers: chosen ? { itemId: chosen.id, itemTitle: chosen.title, ...(await currentSpeakers(db, chosen.id, now)) } : null,
    serverNow: now.toISOString(),
  };
}

/** The delegate's own view: the session, its items, their mark for each, and whether they may check in themselves. */
export async function myCheckIn(db: DbOrTx, councilId: string, sessionId: string, userId: string | null) {
  const s = await sessionOf(db, councilId, sessionId);
  const d = await delegateOf(db, userId, councilId);
  const [items, set] = await Promise.all([itemsOfSession(db, s.id), ruleSetOf(db, councilId, s.ruleSetKey)]);
  const marks = d ? await db.select().from(chamberAttendance).where(and(eq(chamberAttendance.sessionId, s.id), eq(chamberAttendance.delegateId, d.id))) : [];
  const sessionMark = marks.find((m) => m.itemId === null) ?? null;
  const refusal = selfCheckInRefusal(set.profile.chamber.selfCheckIn, s.state);
  return {
    session: { id: s.id, title: s.title, state: s.state, stateLabel: SESSION_STATE_LABELS[s.state as SessionState] ?? s.state, openingDate: s.openingDate },
    delegate: d ? { id: d.id, fullName: d.fullName } : null,
    selfCheckIn: { allowed: refusal === null, refusal, default: set.defaults.includes('chamber.selfCheckIn') },
    mark: sessionMark ? { status: sessionMark.status, statusLabel: label(sessionMark.status as AttendanceStatus), reason: sessionMark.reason, source: sessionMark.source, recordedAt: iso(sessionMark.recordedAt) } : null,
    items: items.map((i) => {
      const m = marks.find((x) => x.itemId === i.id);
      return { id: i.id, title: i.title, position: i.position, mark: m ? { status: m.status, statusLabel: label(m.status as AttendanceStatus), reason: m.reason } : null };
    }),
  };
}

/** Sessions of a council the chamber works on (convened or in progress first, then the rest, newest first). */
export async function chamberSessions(db: DbOrTx, councilId: string, p: Page) {
  const rows = await db.select().from(councilSessions).where(eq(councilSessions.councilId, councilId));
  const rank = (st: string) => (st === 'inProgress' ? 0 : st === 'convened' ? 1 : st === 'planned' ? 2 : 3);
  rows.sort((a, b) => rank(a.state) - rank(b.state) || b.openingDate.localeCompare(a.openingDate));
  return paged(rows.map((s) => ({ id: s.id, title: s.title, state: s.state, stateLabel: SESSION_STATE_LABELS[s.state as SessionState] ?? s.state, openingDate: s.openingDate, closingDate: s.closingDate })), p);
}

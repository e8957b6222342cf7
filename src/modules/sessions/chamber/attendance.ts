// Attendance in the chamber (issue #12): the secretariat checks delegates in, one at a time or in
// bulk, for the whole session or for one agenda item (present in the room, online, absent with a
// reason); a delegate checks in on their own phone when the council's profile allows it. Each
// action validates (zod + domain), runs in ONE transaction with ONE audit event, then tells the
// chamber's screens that the floor changed.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { conflict, forbidden, invalid, notFound } from '../../../server/errors.ts';
import { checkMark, selfCheckInRefusal } from '../../../domain/sessions/floor.ts';
import { SessionRuleError } from '../../../domain/sessions/errors.ts';
import type { AttendanceStatus } from '../../../domain/sessions/portal.ts';
import { recordEvent } from '../../audit/service.ts';
import { delegates } from '../../directory/schema.ts';
import { itemOf, ruleSetOf, sessionOf, type ActionCtx, type DbOrTx } from '../common.ts';
import { delegateOf } from '../portal/actions.ts';
import { chamberAttendance } from './attendanceSchema.ts';
import { floorChanged } from './floorEvents.ts';

type Session = Awaited<ReturnType<typeof sessionOf>>;
export type MarkInput = { status: string; reason?: string | null; sessionItemId?: string | null };

function mark(input: { status: string; reason?: string | null }) {
  try {
    return checkMark(input);
  } catch (err) {
    if (err instanceof SessionRuleError) throw invalid(err.message, { code: err.code });
    throw err;
  }
}

/** Attendance is checked while the session is convened or in progress. */
function assertCheckable(s: Session) {
  if (s.state === 'closed') throw conflict(`${s.title} đã bế mạc; không thể điểm danh hay sửa điểm danh.`);
  if (s.state !== 'convened' && s.state !== 'inProgress') {
    throw conflict(`${s.title} chưa được triệu tập (hoặc đã hoãn): chỉ điểm danh khi kỳ họp đã được triệu tập hoặc đang diễn ra.`);
  }
}

/** The session (locked: check-ins of one session are serialised) and the agenda item, when one is named. */
async function target(tx: DbOrTx, councilId: string, sessionId: string, itemId: string | null | undefined) {
  const s = await sessionOf(tx, councilId, sessionId, { lock: true });
  assertCheckable(s);
  let item: { id: string; title: string } | null = null;
  if (itemId) {
    const i = await itemOf(tx, councilId, itemId);
    if (i.sessionId !== s.id) throw notFound('nội dung của kỳ họp này');
    item = { id: i.id, title: i.title };
  }
  return { s, item };
}

/** Delegates on this session's roll (serving in its term), by id; a stranger or a delegate who left is a 422. */
async function onRoll(tx: DbOrTx, s: Session, ids: readonly string[]) {
  const rows = ids.length
    ? await tx.select({ id: delegates.id, fullName: delegates.fullName, status: delegates.status, termId: delegates.termId }).from(delegates)
      .where(and(eq(delegates.councilId, s.councilId), inArray(delegates.id, [...ids]), or(eq(delegates.termId, s.termId), isNull(delegates.termId))))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const d = byId.get(id);
    if (!d) throw invalid('Đại biểu không có trong danh sách đại biểu của nhiệm kỳ này.', { delegateId: id });
    if (d.status === 'ended') throw invalid(`${d.fullName} đã thôi làm đại biểu: không điểm danh.`, { delegateId: id });
  }
  return byId;
}

type Written = { id: string; delegateId: string; before: { status: string; reason: string } | null; status: AttendanceStatus; reason: string };

/** Insert or update one mark (the session's or an item's) inside the caller's transaction. */
async function writeMark(
  tx: DbOrTx, ctx: ActionCtx, s: Session, itemId: string | null, delegateId: string,
  m: { status: AttendanceStatus; reason: string }, source: 'secretariat' | 'self',
): Promise<Written> {
  const [before] = await tx.select().from(chamberAttendance).where(and(
    eq(chamberAttendance.sessionId, s.id), eq(chamberAttendance.delegateId, delegateId),
    itemId ? eq(chamberAttendance.itemId, itemId) : isNull(chamberAttendance.itemId),
  )).for('update');
  const checkedInAt = before?.checkedInAt ?? (m.status === 'absent' ? null : ctx.now);
  const values = { status: m.status, reason: m.reason, source, recordedBy: ctx.actor.id, recordedAt: ctx.now, checkedInAt };
  const [row] = before
    ? await tx.update(chamberAttendance).set({ ...values, version: before.version + 1 }).where(eq(chamberAttendance.id, before.id)).returning()
    : await tx.insert(chamberAttendance).values({ councilId: s.councilId, sessionId: s.id, itemId, delegateId, ...values }).returning();
  return { id: row!.id, delegateId, before: before ? { status: before.status, reason: before.reason } : null, status: m.status, reason: m.reason };
}

const view = (w: Written, itemId: string | null) => ({ id: w.id, delegateId: w.delegateId, sessionItemId: itemId, status: w.status, reason: w.reason });

/** The secretariat checks one delegate in (or marks them online / absent with a reason). */
export async function checkIn(ctx: ActionCtx, councilId: string, sessionId: string, delegateId: string, input: MarkInput) {
  const m = mark(input);
  const r = await ctx.db.transaction(async (tx) => {
    const { s, item } = await target(tx, councilId, sessionId, input.sessionItemId);
    const d = (await onRoll(tx, s, [delegateId])).get(delegateId)!;
    const w = await writeMark(tx, ctx, s, item?.id ?? null, delegateId, m, 'secretariat');
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_attendance.check', entityType: 'chamber_attendance', entityId: w.id, councilId,
      before: w.before,
      after: { sessionId: s.id, itemId: item?.id ?? null, itemTitle: item?.title ?? null, delegateId, fullName: d.fullName, status: w.status, reason: w.reason, source: 'secretariat' },
    });
    return view(w, item?.id ?? null);
  });
  await floorChanged(ctx.db, { councilId, sessionId, what: 'attendance', itemId: input.sessionItemId ?? undefined });
  return r;
}

/** The secretariat checks many delegates in at once with the same status: one transaction, one audit event. */
export async function bulkCheckIn(ctx: ActionCtx, councilId: string, sessionId: string, input: MarkInput & { delegateIds: string[] }) {
  const m = mark(input);
  const ids = [...new Set(input.delegateIds)];
  if (!ids.length) throw invalid('Hãy chọn ít nhất một đại biểu để điểm danh.');
  const r = await ctx.db.transaction(async (tx) => {
    const { s, item } = await target(tx, councilId, sessionId, input.sessionItemId);
    await onRoll(tx, s, ids);
    const written: Written[] = [];
    for (const id of ids.sort()) written.push(await writeMark(tx, ctx, s, item?.id ?? null, id, m, 'secretariat'));
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_attendance.bulk', entityType: 'council_session', entityId: s.id, councilId,
      before: written.map((w) => ({ delegateId: w.delegateId, before: w.before })),
      after: { itemId: item?.id ?? null, itemTitle: item?.title ?? null, status: m.status, reason: m.reason, delegateIds: ids, source: 'secretariat' },
    });
    return { count: written.length, status: m.status, sessionItemId: item?.id ?? null, items: written.map((w) => view(w, item?.id ?? null)) };
  });
  await floorChanged(ctx.db, { councilId, sessionId, what: 'attendance', itemId: input.sessionItemId ?? undefined });
  return r;
}

/** Whether this council lets delegates check themselves in (profile of the session's rule set; default off). */
export async function selfCheckInAllowed(db: DbOrTx, s: Session): Promise<boolean> {
  return (await ruleSetOf(db, s.councilId, s.ruleSetKey)).profile.chamber.selfCheckIn;
}

/** A delegate checks in on their own phone: only themselves, only when the council allows it. */
export async function selfCheckIn(ctx: ActionCtx, councilId: string, sessionId: string, input: MarkInput) {
  const m = mark(input);
  const r = await ctx.db.transaction(async (tx) => {
    const { s, item } = await target(tx, councilId, sessionId, input.sessionItemId);
    const refusal = selfCheckInRefusal(await selfCheckInAllowed(tx, s), s.state);
    if (refusal) throw forbidden(refusal);
    const d = await delegateOf(tx, ctx.actor.id, councilId);
    if (!d) throw conflict('Tài khoản của bạn chưa được gắn với một đại biểu của HĐND này (địa chỉ thư điện tử của tài khoản phải trùng với hồ sơ đại biểu). Hãy liên hệ Văn phòng.');
    await onRoll(tx, s, [d.id]);
    const w = await writeMark(tx, ctx, s, item?.id ?? null, d.id, m, 'self');
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_attendance.self', entityType: 'chamber_attendance', entityId: w.id, councilId,
      before: w.before,
      after: { sessionId: s.id, itemId: item?.id ?? null, itemTitle: item?.title ?? null, delegateId: d.id, fullName: d.fullName, status: w.status, reason: w.reason, source: 'self' },
    });
    return view(w, item?.id ?? null);
  });
  await floorChanged(ctx.db, { councilId, sessionId, what: 'attendance', itemId: input.sessionItemId ?? undefined });
  return r;
}

/** The secretariat removes a delegate's mark for one agenda item: the session's mark counts again there. */
export async function clearItemMark(ctx: ActionCtx, councilId: string, sessionId: string, delegateId: string, itemId: string) {
  const r = await ctx.db.transaction(async (tx) => {
    const { s, item } = await target(tx, councilId, sessionId, itemId);
    const [before] = await tx.select().from(chamberAttendance).where(and(
      eq(chamberAttendance.sessionId, s.id), eq(chamberAttendance.delegateId, delegateId), eq(chamberAttendance.itemId, item!.id),
    )).for('update');
    if (!before) throw notFound('điểm danh riêng của đại biểu cho nội dung này');
    await tx.delete(chamberAttendance).where(eq(chamberAttendance.id, before.id));
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_attendance.clear_item', entityType: 'chamber_attendance', entityId: before.id, councilId,
      before: { itemId: item!.id, itemTitle: item!.title, delegateId, status: before.status, reason: before.reason }, after: null,
    });
    return { delegateId, sessionItemId: item!.id, cleared: true };
  });
  await floorChanged(ctx.db, { councilId, sessionId, what: 'attendance', itemId });
  return r;
}

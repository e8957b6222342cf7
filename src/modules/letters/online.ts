// Online reception (tiếp công dân trực tuyến): the secretariat publishes reception days with
// online slots; a citizen (public page, no login) asks for a slot — rate-limited per client
// address through the PostgreSQL counters the login limiter keeps (login_attempts, its own key
// prefix); the secretariat confirms (time, link; C22: ≥ 05 working days before) or declines; the
// reception record is written from the request when the citizen has been received. The public
// sees days and free-slot counts only, never another citizen; the audit events name the request
// by id and code, never the citizen.
import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import { randomBytes } from 'node:crypto';
import { conflict, invalid, notFound, tooMany } from '../../server/errors.ts';
import {
  checkRequestable, linkTestDeadline, noticeDeadline, DEFAULT_ONLINE_RECEPTION_RULES, LETTERS_2026_DATE, ONLINE_REQUEST_STATE_LABELS, RECEIVER_KIND_LABELS,
  type OnlineRequestState, type ReceiverKind,
} from '../../domain/letters/index.ts';
import { addressBucket } from '../../domain/accounts/loginThrottle.ts';
import { formatShortDate } from '../../domain/documents/format.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { recordEvent } from '../audit/service.ts';
import { loginAttempts } from '../accounts/schema.ts';
import { councils, delegates } from '../directory/schema.ts';
import { domain, loadCalendar, today, type ActionCtx, type DbOrTx } from './common.ts';
import { recordReception, type ReceptionInput } from './receptions.ts';
import { onlineReceptionRequests, receptionDays } from './schema.ts';

const rules = DEFAULT_ONLINE_RECEPTION_RULES;

export interface DayInput { on: string; receiverKind: ReceiverKind; delegateId?: string | null; receiverName?: string; place?: string; onlineSlots: number }

/** Publishes a reception day of the schedule (with its online slots, if any). */
export async function publishReceptionDay(ctx: ActionCtx, councilId: string, input: DayInput) {
  return ctx.db.transaction(async (tx) => {
    const calendar = await loadCalendar(tx);
    if (!calendar.isWorkingDay(input.on)) throw invalid(`Ngày ${formatShortDate(input.on)} là ngày nghỉ: chọn một ngày làm việc.`);
    if (input.on < today(ctx.now)) throw invalid('Không công bố lịch tiếp cho một ngày đã qua.');
    if (input.onlineSlots > 0 && input.on < LETTERS_2026_DATE) throw invalid(`Tiếp công dân trực tuyến chỉ áp dụng từ ngày ${formatShortDate(LETTERS_2026_DATE)}.`);
    let receiverName = input.receiverName?.trim() || RECEIVER_KIND_LABELS[input.receiverKind];
    if (input.receiverKind === 'delegate') {
      if (!input.delegateId) throw invalid('Ngày tiếp của đại biểu cần chọn đại biểu tiếp.');
      const [d] = await tx.select({ name: delegates.fullName, councilId: delegates.councilId }).from(delegates).where(eq(delegates.id, input.delegateId));
      if (!d || d.councilId !== councilId) throw notFound('đại biểu của Hội đồng nhân dân này');
      receiverName = `Đại biểu ${d.name}`;
    }
    const [row] = await tx.insert(receptionDays).values({
      councilId, on: input.on, receiverKind: input.receiverKind, receiverName, delegateId: input.receiverKind === 'delegate' ? input.delegateId! : null,
      place: input.place?.trim() ?? '', onlineSlots: input.onlineSlots, createdById: ctx.actor.id,
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'reception_day.publish', entityType: 'reception_day', entityId: row!.id, councilId, after: { on: row!.on, receiverKind: row!.receiverKind, onlineSlots: row!.onlineSlots } });
    return { id: row!.id, on: row!.on, receiverName, onlineSlots: row!.onlineSlots };
  });
}

const ACTIVE: OnlineRequestState[] = ['requested', 'confirmed', 'received'];

async function takenByDay(db: DbOrTx, dayIds: string[]) {
  if (!dayIds.length) return new Map<string, number>();
  const rows = await db.select({ dayId: onlineReceptionRequests.dayId, n: count() }).from(onlineReceptionRequests)
    .where(and(inArray(onlineReceptionRequests.dayId, dayIds), inArray(onlineReceptionRequests.state, ACTIVE))).groupBy(onlineReceptionRequests.dayId);
  return new Map(rows.map((r) => [r.dayId, r.n]));
}

/** The public page: the council's name and the days a citizen may still ask for — dates, receivers, free slots; nobody's request. */
export async function publicOnlineDays(db: DbOrTx, councilId: string, day: string, calendar: WorkingCalendar) {
  const [c] = await db.select({ id: councils.id, name: councils.name }).from(councils).where(eq(councils.id, councilId));
  if (!c) throw notFound('hội đồng nhân dân');
  const rows = await db.select().from(receptionDays)
    .where(and(eq(receptionDays.councilId, councilId), eq(receptionDays.published, true), gte(receptionDays.on, day), sql`${receptionDays.onlineSlots} > 0`))
    .orderBy(asc(receptionDays.on)).limit(60);
  const taken = await takenByDay(db, rows.map((r) => r.id));
  const items = rows.flatMap((r) => {
    try {
      checkRequestable({ on: r.on, online: true }, day, calendar, rules);
    } catch {
      return [];
    }
    return [{ id: r.id, on: r.on, receiverName: r.receiverName, receiverKindLabel: RECEIVER_KIND_LABELS[r.receiverKind as ReceiverKind], freeSlots: Math.max(0, r.onlineSlots - (taken.get(r.id) ?? 0)), requestBy: noticeDeadline(r.on, calendar, rules) }];
  });
  return { council: c, items, total: items.length, page: 1, pageSize: items.length, noticeWorkingDays: rules.noticeWorkingDays, source: rules.source };
}

/**
 * Counts one public request under the client's address (login_attempts, prefix "o:") inside the
 * request's transaction, and refuses past the limit: the refusal rolls the count back, so a
 * rejected post changes nothing and the address stays held until its window ends.
 */
export async function countPublicPost(db: DbOrTx, address: string, now: Date) {
  const key = `o:${addressBucket(address)}`;
  const windowEnds = new Date(now.getTime() + rules.publicWindowMinutes * 60_000);
  const [row] = await db.insert(loginAttempts).values({ key, failures: 1, lastFailureAt: now, windowEndsAt: windowEnds })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.windowEndsAt} > excluded.last_failure_at then ${loginAttempts.failures} + 1 else 1 end`,
        windowEndsAt: sql`case when ${loginAttempts.windowEndsAt} > excluded.last_failure_at then ${loginAttempts.windowEndsAt} else excluded.window_ends_at end`,
        lastFailureAt: sql`excluded.last_failure_at`,
      },
    }).returning();
  if (row && row.failures > rules.publicMaxPerWindow) {
    const minutes = Math.max(1, Math.ceil((row.windowEndsAt.getTime() - now.getTime()) / 60_000));
    throw tooMany(`Bạn đã gửi quá ${rules.publicMaxPerWindow} đăng ký trong ${rules.publicWindowMinutes} phút. Vui lòng thử lại sau ${minutes} phút hoặc liên hệ trực tiếp Văn phòng.`);
  }
}

export interface PublicRequestInput { citizenName: string; citizenAddress: string; idDocument: string; phone?: string; email?: string; summary: string }

const newCode = () => `TT-${randomBytes(4).toString('hex').toUpperCase()}`;

/** A citizen asks for an online slot (no login). The answer carries their code and the day, nothing else. */
export async function requestOnlineReception(ctx: ActionCtx, councilId: string, dayId: string, input: PublicRequestInput, address: string) {
  if (!input.phone?.trim() && !input.email?.trim()) throw invalid('Cần số điện thoại hoặc thư điện tử để Văn phòng báo lịch tiếp và đường dẫn.');
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx.select().from(receptionDays).where(and(eq(receptionDays.id, dayId), eq(receptionDays.councilId, councilId), eq(receptionDays.published, true))).for('update');
    if (!d) throw notFound('ngày tiếp công dân');
    const calendar = await loadCalendar(tx);
    domain(() => checkRequestable({ on: d.on, online: d.onlineSlots > 0 }, today(ctx.now), calendar, rules));
    const taken = (await takenByDay(tx, [d.id])).get(d.id) ?? 0;
    if (taken >= d.onlineSlots) throw conflict(`Ngày ${formatShortDate(d.on)} đã hết lượt tiếp trực tuyến. Vui lòng chọn ngày khác.`);
    await countPublicPost(tx, address, ctx.now);
    const code = newCode();
    const [row] = await tx.insert(onlineReceptionRequests).values({
      councilId, dayId: d.id, citizenName: input.citizenName.trim(), citizenAddress: input.citizenAddress.trim(), idDocument: input.idDocument.trim(),
      phone: input.phone?.trim() ?? '', email: input.email?.trim() ?? '', summary: input.summary.trim(), code,
    }).returning({ id: onlineReceptionRequests.id });
    await recordEvent(tx, { id: null, name: 'Công dân (đăng ký trực tuyến)' }, { action: 'online_reception.request', entityType: 'online_reception_request', entityId: row!.id, councilId, after: { code, dayId: d.id, on: d.on } });
    return { code, on: d.on, receiverName: d.receiverName, state: 'requested', stateLabel: ONLINE_REQUEST_STATE_LABELS.requested, requestBy: noticeDeadline(d.on, calendar, rules) };
  });
}

/** The secretariat's list of requests (paged), with each day's notice and link-test dates. */
export async function listOnlineRequests(db: DbOrTx, councilId: string, f: { state?: OnlineRequestState; page: number; pageSize: number }, calendar: WorkingCalendar) {
  const where = and(eq(onlineReceptionRequests.councilId, councilId), f.state ? eq(onlineReceptionRequests.state, f.state) : undefined);
  return pageWithTotal(
    f,
    (total) =>
      db.select({ r: onlineReceptionRequests, d: receptionDays, total })
        .from(onlineReceptionRequests).innerJoin(receptionDays, eq(receptionDays.id, onlineReceptionRequests.dayId))
        .where(where).orderBy(asc(receptionDays.on), asc(onlineReceptionRequests.createdAt)),
    () => countWhere(db, onlineReceptionRequests, where),
    ({ r, d }) => ({
      id: r.id, code: r.code, on: d.on, receiverName: d.receiverName, receiverKind: d.receiverKind, citizenName: r.citizenName, citizenAddress: r.citizenAddress, idDocument: r.idDocument,
      phone: r.phone, email: r.email, summary: r.summary, state: r.state, stateLabel: ONLINE_REQUEST_STATE_LABELS[r.state as OnlineRequestState],
      slotTime: r.slotTime, meetingLink: r.meetingLink, decisionNote: r.decisionNote, receptionId: r.receptionId, version: r.version,
      noticeBy: noticeDeadline(d.on, calendar, rules), linkTestBy: linkTestDeadline(d.on, calendar, rules), createdAt: r.createdAt.toISOString(),
    }),
  );
}

async function requestOf(tx: DbOrTx, councilId: string, id: string) {
  const [r] = await tx.select({ r: onlineReceptionRequests, d: receptionDays }).from(onlineReceptionRequests).innerJoin(receptionDays, eq(receptionDays.id, onlineReceptionRequests.dayId))
    .where(and(eq(onlineReceptionRequests.id, id), eq(onlineReceptionRequests.councilId, councilId))).for('update');
  if (!r) throw notFound('đăng ký tiếp công dân trực tuyến');
  return r;
}

/** Confirms (time and link, within C22's notice date) or declines (with the reason) a request. */
export async function decideOnlineRequest(ctx: ActionCtx, councilId: string, requestId: string, input: { decision: 'confirm' | 'decline'; slotTime?: string; meetingLink?: string; note?: string; version?: number }) {
  return ctx.db.transaction(async (tx) => {
    const { r, d } = await requestOf(tx, councilId, requestId);
    if (input.version !== undefined && input.version !== r.version) throw conflict('Đăng ký này vừa được người khác xử lý. Vui lòng tải lại.');
    if (r.state !== 'requested') throw conflict(`Đăng ký ${r.code} đã ở trạng thái "${ONLINE_REQUEST_STATE_LABELS[r.state as OnlineRequestState]}".`);
    const calendar = await loadCalendar(tx);
    if (input.decision === 'confirm') {
      if (!input.slotTime?.trim()) throw invalid('Cần giờ tiếp (ví dụ 08:30).');
      if (!input.meetingLink?.trim() || !/^https:\/\/\S+$/.test(input.meetingLink.trim())) throw invalid('Đường dẫn phòng tiếp trực tuyến phải là địa chỉ https://.');
      const by = noticeDeadline(d.on, calendar, rules);
      if (today(ctx.now) > by) throw conflict(`Đã quá hạn thông báo lịch tiếp trực tuyến ngày ${formatShortDate(d.on)} (chậm nhất ngày ${formatShortDate(by)}, trước ít nhất ${String(rules.noticeWorkingDays).padStart(2, '0')} ngày làm việc — ${rules.source}). Hãy từ chối và hẹn công dân ngày khác.`);
    } else if (!input.note?.trim()) throw invalid('Cần nêu lý do không bố trí được lịch tiếp.');
    const state: OnlineRequestState = input.decision === 'confirm' ? 'confirmed' : 'declined';
    const [after] = await tx.update(onlineReceptionRequests).set({
      state, slotTime: input.decision === 'confirm' ? input.slotTime!.trim() : null, meetingLink: input.decision === 'confirm' ? input.meetingLink!.trim() : null,
      decisionNote: input.note?.trim() ?? '', decidedById: ctx.actor.id, decidedAt: ctx.now, version: r.version + 1, updatedAt: new Date(),
    }).where(eq(onlineReceptionRequests.id, r.id)).returning();
    await recordEvent(tx, ctx.actor, { action: `online_reception.${input.decision}`, entityType: 'online_reception_request', entityId: r.id, councilId, before: { state: r.state }, after: { code: r.code, state, on: d.on } });
    return { id: after!.id, code: after!.code, state, stateLabel: ONLINE_REQUEST_STATE_LABELS[state], version: after!.version };
  });
}

export type ReceiveOnlineInput = Pick<ReceptionInput, 'kinds' | 'request' | 'peopleCount' | 'priorHandling' | 'withinCompetence' | 'guidance' | 'forwarding' | 'outcome' | 'followUp' | 'openLetter'> & { summary?: string };

/** The citizen was received online: the register row is written from the request (same transaction), the request points at it. */
export async function receiveOnlineRequest(ctx: ActionCtx, councilId: string, requestId: string, input: ReceiveOnlineInput) {
  const [pre] = await ctx.db.select({ state: onlineReceptionRequests.state, code: onlineReceptionRequests.code }).from(onlineReceptionRequests).where(and(eq(onlineReceptionRequests.id, requestId), eq(onlineReceptionRequests.councilId, councilId)));
  if (!pre) throw notFound('đăng ký tiếp công dân trực tuyến');
  if (pre.state !== 'confirmed') throw conflict(`Chỉ ghi vào sổ đăng ký đã được xác nhận lịch tiếp (đăng ký ${pre.code}: "${ONLINE_REQUEST_STATE_LABELS[pre.state as OnlineRequestState]}").`);
  return recordReception(ctx, councilId, {
    receivedOn: '', mode: 'online', receiverKind: 'secretariat', citizenName: '', citizenAddress: '', idDocument: '', proxy: false, authorisationRef: null,
    summary: input.summary ?? '', ...input,
  }, { delegateId: null }, {
    fromOnline: async (tx) => {
      const { r, d } = await requestOf(tx, councilId, requestId);
      if (r.state !== 'confirmed') throw conflict('Đăng ký này vừa được người khác xử lý. Vui lòng tải lại.');
      return {
        patch: { receivedOn: d.on, receiverKind: d.receiverKind as ReceiverKind, citizenName: r.citizenName, citizenAddress: r.citizenAddress, idDocument: r.idDocument, summary: input.summary?.trim() || r.summary },
        delegateId: d.delegateId,
        done: async (receptionId: string) => {
          await tx.update(onlineReceptionRequests).set({ state: 'received', receptionId, version: r.version + 1, updatedAt: new Date() }).where(eq(onlineReceptionRequests.id, r.id));
        },
      };
    },
  });
}

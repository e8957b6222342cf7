// The speakers' list of an agenda item (issue #12): registrations come from the delegates' portal
// (`session_speakers`, registered in advance with the intended text) or are added from the floor by
// the chair or the secretariat (a registration row too, so there is one list). The chair orders
// the list (up/down or drag: the whole new order with the list's version, refused when someone
// changed it meanwhile), calls a speaker (speaking, the clock starts), ends the turn (done).
// Each action: ONE transaction (the list row locked), ONE audit event, then the screens are told.
import { and, eq, max, sql } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import {
  checkReorder, speakerTransition, SPEECH_KINDS, type SpeakerStatus, type SpeechKind,
} from '../../../domain/sessions/floor.ts';
import { SessionRuleError } from '../../../domain/sessions/errors.ts';
import { speechText } from '../../../domain/sessions/portal.ts';
import { recordEvent } from '../../audit/service.ts';
import { delegates } from '../../directory/schema.ts';
import { itemOf, ruleSetOf, sessionOf, type ActionCtx, type DbOrTx } from '../common.ts';
import { sessionSpeakers } from '../portalSchema.ts';
import { chamberSpeakerLists, chamberSpeakers } from './attendanceSchema.ts';
import { floorChanged } from './floorEvents.ts';
import { allottedFor, listRows, speakerEntries } from './speakersQueries.ts';

const CHANGED = 'Danh sách phát biểu vừa được người khác thay đổi: hãy tải lại rồi sắp xếp lại.';

function rule<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof SessionRuleError) {
      // A new order that no longer matches the list is a conflict (it changed meanwhile), not bad input.
      if (err.code.startsWith('speaker_order_') && err.code !== 'speaker_order_duplicate') throw conflict(err.message, { code: err.code });
      throw invalid(err.message, { code: err.code });
    }
    throw err;
  }
}

/**
 * The item, its session (not closed), the list row locked for this transaction, and every
 * registration placed on the list (a registration the chair has not placed yet gets its floor
 * row at the end, in registration order).
 */
async function openList(tx: DbOrTx, ctx: ActionCtx, councilId: string, itemId: string) {
  const item = await itemOf(tx, councilId, itemId);
  const s = await sessionOf(tx, councilId, item.sessionId);
  if (s.state === 'closed') throw conflict(`${s.title} đã bế mạc; danh sách phát biểu không thay đổi được nữa.`);
  await tx.insert(chamberSpeakerLists).values({ itemId: item.id, councilId, sessionId: s.id, version: 0 }).onConflictDoNothing();
  const [list] = await tx.select().from(chamberSpeakerLists).where(eq(chamberSpeakerLists.itemId, item.id)).for('update');
  const set = await ruleSetOf(tx, councilId, s.ruleSetKey);
  const rows = await listRows(tx, item.id);
  let last = rows.reduce((m, r) => Math.max(m, r.floor?.position ?? 0), 0);
  for (const r of rows.filter((x) => !x.floor)) {
    await tx.insert(chamberSpeakers).values({
      speakerId: r.id, councilId, sessionId: s.id, itemId: item.id, position: ++last, status: 'waiting', fromFloor: false, kind: 'speech',
      allottedSeconds: allottedFor(set, 'speech'), updatedAt: ctx.now,
    });
  }
  return { item, s, set, list: list!, ids: rows.map((r) => r.id) };
}

async function bump(tx: DbOrTx, ctx: ActionCtx, itemId: string): Promise<number> {
  const [l] = await tx.update(chamberSpeakerLists).set({ version: sql`${chamberSpeakerLists.version} + 1`, updatedAt: ctx.now })
    .where(eq(chamberSpeakerLists.itemId, itemId)).returning({ version: chamberSpeakerLists.version });
  return l!.version;
}

async function result(tx: DbOrTx, ctx: ActionCtx, sessionId: string, itemId: string, version: number) {
  return { sessionId, itemId, version, items: await speakerEntries(tx, itemId, ctx.now) };
}

/** The chair or the secretariat adds a delegate from the floor (at the end of the list). */
export async function addSpeaker(ctx: ActionCtx, councilId: string, itemId: string, input: { delegateId: string; kind?: string; text?: string | null }) {
  const kind = (input.kind ?? 'speech') as SpeechKind;
  if (!(SPEECH_KINDS as readonly string[]).includes(kind)) throw invalid('Loại phát biểu phải là phát biểu, chất vấn hoặc trả lời.');
  const text = speechText(input.text);
  if (text === null) throw invalid('Nội dung phát biểu dài quá 20000 ký tự.');
  const r = await ctx.db.transaction(async (tx) => {
    const { item, s, set, ids } = await openList(tx, ctx, councilId, itemId);
    const [d] = await tx.select().from(delegates).where(and(eq(delegates.id, input.delegateId), eq(delegates.councilId, councilId)));
    if (!d || (d.termId !== null && d.termId !== s.termId)) throw invalid('Đại biểu không có trong danh sách đại biểu của nhiệm kỳ này.');
    if (d.status === 'ended') throw invalid(`${d.fullName} đã thôi làm đại biểu.`);
    const [reg] = await tx.select().from(sessionSpeakers).where(and(eq(sessionSpeakers.itemId, item.id), eq(sessionSpeakers.delegateId, d.id)));
    const [floor] = reg ? await tx.select().from(chamberSpeakers).where(eq(chamberSpeakers.speakerId, reg.id)) : [];
    if (reg && reg.state === 'registered' && floor && floor.status !== 'done') throw conflict(`${d.fullName} đã có trong danh sách phát biểu của nội dung này.`);
    const [row] = reg
      ? await tx.update(sessionSpeakers).set({ state: 'registered', text: text || reg.text, updatedAt: ctx.now, registeredAt: reg.state === 'withdrawn' ? ctx.now : reg.registeredAt })
        .where(eq(sessionSpeakers.id, reg.id)).returning()
      : await tx.insert(sessionSpeakers).values({ councilId, sessionId: s.id, itemId: item.id, delegateId: d.id, text, state: 'registered', registeredAt: ctx.now, updatedAt: ctx.now }).returning();
    const [m] = await tx.select({ n: max(chamberSpeakers.position) }).from(chamberSpeakers).where(eq(chamberSpeakers.itemId, item.id));
    const position = (m?.n ?? 0) + 1;
    const values = { position, status: 'waiting', fromFloor: !reg || reg.state === 'withdrawn' || floor?.fromFloor === true, kind, allottedSeconds: allottedFor(set, kind), startedAt: null, endedAt: null, updatedAt: ctx.now };
    await tx.insert(chamberSpeakers).values({ speakerId: row!.id, councilId, sessionId: s.id, itemId: item.id, ...values })
      .onConflictDoUpdate({ target: chamberSpeakers.speakerId, set: values });
    const version = await bump(tx, ctx, item.id);
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_speaker.add', entityType: 'session_speaker', entityId: row!.id, councilId,
      before: reg ? { state: reg.state, status: floor?.status ?? null } : null,
      after: { itemId: item.id, itemTitle: item.title, delegateId: d.id, fullName: d.fullName, kind, position, again: !!floor, listed: ids.length + (ids.includes(row!.id) ? 0 : 1) },
    });
    return result(tx, ctx, s.id, item.id, version);
  });
  await floorChanged(ctx.db, { councilId, sessionId: r.sessionId, what: 'speakers', itemId: r.itemId });
  return r;
}

/** The chair sets a new order: every speaker on the list once, with the version the chair saw. */
export async function reorderSpeakers(ctx: ActionCtx, councilId: string, itemId: string, input: { order: string[]; version: number }) {
  const r = await ctx.db.transaction(async (tx) => {
    const { item, s, list, ids } = await openList(tx, ctx, councilId, itemId);
    if (list.version !== input.version) throw conflict(CHANGED, { version: list.version });
    const positions = rule(() => checkReorder(ids, input.order));
    for (const [id, position] of positions) {
      await tx.update(chamberSpeakers).set({ position, updatedAt: ctx.now }).where(eq(chamberSpeakers.speakerId, id));
    }
    const version = await bump(tx, ctx, item.id);
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_speaker.reorder', entityType: 'session_item', entityId: item.id, councilId,
      before: { order: ids, version: list.version }, after: { order: input.order, version, itemTitle: item.title },
    });
    return result(tx, ctx, s.id, item.id, version);
  });
  await floorChanged(ctx.db, { councilId, sessionId: r.sessionId, what: 'speakers', itemId: r.itemId });
  return r;
}

/** The chair calls a speaker (speaking: the clock starts), ends the turn (done), skips or puts one back. */
export async function setSpeakerStatus(ctx: ActionCtx, councilId: string, speakerId: string, input: { status: string }) {
  const [reg] = await ctx.db.select({ itemId: sessionSpeakers.itemId, councilId: sessionSpeakers.councilId, state: sessionSpeakers.state }).from(sessionSpeakers).where(eq(sessionSpeakers.id, speakerId));
  if (!reg || reg.councilId !== councilId || reg.state !== 'registered') throw notFound('người trong danh sách phát biểu');
  const r = await ctx.db.transaction(async (tx) => {
    const { item, s } = await openList(tx, ctx, councilId, reg.itemId);
    const [floor] = await tx.select().from(chamberSpeakers).where(eq(chamberSpeakers.speakerId, speakerId));
    if (!floor) throw notFound('người trong danh sách phát biểu');
    const from = floor.status as SpeakerStatus;
    const others = (await tx.select({ id: chamberSpeakers.speakerId }).from(chamberSpeakers).where(and(eq(chamberSpeakers.itemId, item.id), eq(chamberSpeakers.status, 'speaking'))))
      .filter((x) => x.id !== speakerId).length;
    const to = rule(() => speakerTransition(from, input.status, input.status === 'speaking' ? others : 0));
    if (to === 'speaking' && s.state !== 'inProgress' && s.state !== 'convened') {
      throw conflict(`${s.title} chưa diễn ra: chỉ mời đại biểu phát biểu khi kỳ họp đã được triệu tập hoặc đang diễn ra.`);
    }
    const times = to === 'speaking' ? { startedAt: ctx.now, endedAt: null }
      : to === 'done' ? { endedAt: from === 'speaking' ? ctx.now : null, startedAt: from === 'speaking' ? floor.startedAt : null }
      : { startedAt: null, endedAt: null };
    await tx.update(chamberSpeakers).set({ status: to, ...times, updatedAt: ctx.now }).where(eq(chamberSpeakers.speakerId, speakerId));
    const version = await bump(tx, ctx, item.id);
    const [d] = await tx.select({ fullName: delegates.fullName }).from(delegates).innerJoin(sessionSpeakers, eq(sessionSpeakers.delegateId, delegates.id)).where(eq(sessionSpeakers.id, speakerId));
    const seconds = to === 'done' && from === 'speaking' && floor.startedAt ? Math.round((ctx.now.getTime() - floor.startedAt.getTime()) / 1000) : null;
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_speaker.status', entityType: 'session_speaker', entityId: speakerId, councilId,
      before: { status: from }, after: { status: to, itemTitle: item.title, fullName: d?.fullName ?? '', spokeSeconds: seconds, allottedSeconds: floor.allottedSeconds },
    });
    return result(tx, ctx, s.id, item.id, version);
  });
  await floorChanged(ctx.db, { councilId, sessionId: r.sessionId, what: 'speakers', itemId: r.itemId });
  return r;
}

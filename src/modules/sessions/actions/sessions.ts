// Sessions: create (regular ones numbered within the term), edit dates and title, and move through
// the states of domain sessionTransition (convene, open, close, postpone with a reason, reschedule).
// A session keeps the rule set in force at its convening date (before that, at its opening date).
import { and, eq, sql } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { nextRegularNumber, sessionTransition, SESSION_KIND_LABELS, type SessionAction, type SessionKind, type SessionState } from '../../../domain/sessions/index.ts';
import { recordEvent } from '../../audit/service.ts';
import { terms } from '../../directory/schema.ts';
import { assertOpen, inForce, out, recomputeDueDates, ruleError, ruleSetsOf, sessionOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { councilSessions, sessionPlans } from '../schema.ts';

export interface SessionInput {
  termId: string;
  kind: SessionKind;
  title?: string;
  openingDate: string;
  closingDate?: string | null;
  firstOfTerm?: boolean;
  planId?: string | null;
}

async function checkRefs(tx: DbOrTx, councilId: string, input: { termId?: string; planId?: string | null }) {
  if (input.termId) {
    const [t] = await tx.select().from(terms).where(eq(terms.id, input.termId));
    if (!t || t.councilId !== councilId) throw notFound('nhiệm kỳ (khóa) của HĐND');
  }
  if (input.planId) {
    const [p] = await tx.select().from(sessionPlans).where(eq(sessionPlans.id, input.planId));
    if (!p || p.councilId !== councilId) throw notFound('kế hoạch tổ chức các kỳ họp');
  }
}

function checkDates(opening: string, closing: string | null | undefined) {
  if (closing && closing < opening) throw invalid('Ngày bế mạc không được trước ngày khai mạc.');
}

export async function createSession(ctx: ActionCtx, councilId: string, input: SessionInput) {
  checkDates(input.openingDate, input.closingDate);
  const sets = await ruleSetsOf(ctx.db, councilId);
  const set = inForce(sets, input.openingDate);
  return ctx.db.transaction(async (tx) => {
    await checkRefs(tx, councilId, input);
    // Numbering and "first of term" are decided one at a time per council.
    await tx.execute(sql`select id from councils where id = ${councilId} for update`);
    const existing = await tx.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), eq(councilSessions.termId, input.termId)));
    if (input.firstOfTerm && existing.some((s) => s.firstOfTerm)) throw conflict('Nhiệm kỳ này đã có kỳ họp thứ nhất.');
    const number = input.kind === 'regular' ? nextRegularNumber(existing) : null;
    const title = input.title?.trim() || (number ? `Kỳ họp thứ ${number}` : SESSION_KIND_LABELS[input.kind]);
    const [row] = await tx.insert(councilSessions).values({
      councilId, termId: input.termId, planId: input.planId ?? null, kind: input.kind, number, title,
      firstOfTerm: input.firstOfTerm ?? false, openingDate: input.openingDate, closingDate: input.closingDate ?? null,
      ruleSetKey: set.key,
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'council_session.create', entityType: 'council_session', entityId: row!.id, councilId, after: row });
    return out(row!);
  });
}

export async function updateSession(
  ctx: ActionCtx, councilId: string, sessionId: string,
  input: { title?: string; openingDate?: string; closingDate?: string | null; planId?: string | null },
) {
  const sets = await ruleSetsOf(ctx.db, councilId);
  return ctx.db.transaction(async (tx) => {
    const before = await sessionOf(tx, councilId, sessionId, { lock: true });
    assertOpen(before);
    await checkRefs(tx, councilId, input);
    const openingDate = input.openingDate ?? before.openingDate;
    checkDates(openingDate, input.closingDate === undefined ? before.closingDate : input.closingDate);
    // Not yet convened: the rule set follows the opening date.
    const ruleSetKey = before.convenedOn ? before.ruleSetKey : inForce(sets, openingDate).key;
    const [row] = await tx.update(councilSessions).set({
      ...(input.title ? { title: input.title } : {}),
      openingDate, ruleSetKey,
      ...(input.closingDate !== undefined ? { closingDate: input.closingDate } : {}),
      ...(input.planId !== undefined ? { planId: input.planId } : {}),
      version: before.version + 1, updatedAt: new Date(),
    }).where(eq(councilSessions.id, sessionId)).returning();
    const recomputed = await recomputeDueDates(tx, [sessionId]);
    await recordEvent(tx, ctx.actor, { action: 'council_session.update', entityType: 'council_session', entityId: sessionId, councilId, before, after: { ...row, recomputed } });
    return out(row!);
  });
}

export async function transitionSession(
  ctx: ActionCtx, councilId: string, sessionId: string,
  input: { action: SessionAction; reason?: string; openingDate?: string; closingDate?: string | null },
) {
  if (input.action === 'postpone' && !input.reason?.trim()) throw invalid('Hãy nêu lý do hoãn kỳ họp.');
  if (input.action === 'reschedule' && !input.openingDate) throw invalid('Hãy chọn ngày khai mạc mới của kỳ họp.');
  const sets = await ruleSetsOf(ctx.db, councilId);
  const day = today(ctx.now);
  return ctx.db.transaction(async (tx) => {
    const before = await sessionOf(tx, councilId, sessionId, { lock: true });
    let state: SessionState;
    try {
      state = sessionTransition(before.state as SessionState, input.action);
    } catch (err) {
      return ruleError(err);
    }
    const patch: Partial<typeof councilSessions.$inferInsert> = { state, version: before.version + 1, updatedAt: new Date() };
    if (input.action === 'postpone') patch.postponedReason = input.reason!.trim();
    if (input.action === 'convene') {
      patch.convenedOn = day;
      patch.ruleSetKey = inForce(sets, day).key;
    }
    if (input.action === 'reschedule') {
      checkDates(input.openingDate!, input.closingDate);
      patch.openingDate = input.openingDate!;
      patch.closingDate = input.closingDate ?? null;
      patch.postponedReason = '';
      if (!before.convenedOn) patch.ruleSetKey = inForce(sets, input.openingDate!).key;
    }
    const [row] = await tx.update(councilSessions).set(patch).where(eq(councilSessions.id, sessionId)).returning();
    const recomputed = input.action === 'convene' || input.action === 'reschedule' ? await recomputeDueDates(tx, [sessionId]) : 0;
    await recordEvent(tx, ctx.actor, {
      action: `council_session.${input.action}` as const, entityType: 'council_session', entityId: sessionId, councilId,
      before: { state: before.state, openingDate: before.openingDate, ruleSetKey: before.ruleSetKey },
      after: { state: row!.state, openingDate: row!.openingDate, ruleSetKey: row!.ruleSetKey, reason: input.reason ?? null, recomputed },
    });
    return out(row!);
  });
}

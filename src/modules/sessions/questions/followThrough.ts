// Interpellation follow-through (issue #12): the correction of an answer (đính chính: versioned,
// the text it replaced kept with the reason, one audit event) and the escalation of an overdue
// commitment through the follow-up engine's ladder (src/domain/followup/escalation.ts, the
// council's ladder kept by the oversight module's follow-up profile — the one ladder of the app).
import { asc, eq } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { ESCALATION_STEP_LABELS, nextEscalation, type EscalationStepKind } from '../../../domain/followup/index.ts';
import { COMMITMENT_STATE_LABELS, type CommitmentState } from '../../../domain/sessions/questions.ts';
import { formatShortDate } from '../../../domain/documents/format.ts';
import { ladderOf, takenOf } from '../../oversight/escalation.ts';
import { syncObligation } from '../../followup/service.ts';
import { out, sessionOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { commitmentOf } from './actions.ts';
import { commitmentEscalations, commitments, questionAnswerVersions, questionAnswers } from './schema.ts';

const clean = (s: string | null | undefined) => (s ?? '').normalize('NFC').trim();

// Corrections --------------------------------------------------------------------------------------

export interface CorrectionInput { summary: string; reference?: string | null; reason: string; version: number }

/**
 * Corrects an answer: the text it replaces is kept as a version with the reason; the answer
 * carries the new text, its version + 1 and the day. `version` is the version the user corrected
 * (a stale one is refused: someone corrected it meanwhile).
 */
export async function correctAnswer(ctx: ActionCtx, councilId: string, answerId: string, input: CorrectionInput) {
  const summary = clean(input.summary);
  const reason = clean(input.reason);
  if (!summary) throw invalid('Nội dung trả lời sau đính chính không được để trống.');
  if (summary.length > 20_000) throw invalid('Nội dung trả lời dài quá 20000 ký tự.');
  if (!reason) throw invalid('Cần nêu lý do đính chính câu trả lời.');
  if (reason.length > 2000) throw invalid('Lý do đính chính dài quá 2000 ký tự.');
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(questionAnswers).where(eq(questionAnswers.id, answerId)).for('update');
    if (!before || before.councilId !== councilId) throw notFound('câu trả lời chất vấn');
    if (before.version !== input.version) throw conflict(`Câu trả lời đã được đính chính (phiên bản ${before.version}) sau khi bạn mở; hãy tải lại trước khi đính chính.`);
    const reference = input.reference === undefined || input.reference === null ? before.reference : clean(input.reference);
    if (summary === before.summary && reference === before.reference) throw invalid('Nội dung đính chính trùng nội dung hiện tại.');
    const day = today(ctx.now);
    await tx.insert(questionAnswerVersions).values({
      answerId, version: before.version, summary: before.summary, reference: before.reference, reason, correctedBy: ctx.actor.id, correctedOn: day, createdAt: ctx.now,
    });
    const [after] = await tx.update(questionAnswers).set({ summary, reference, version: before.version + 1, correctedOn: day, updatedAt: ctx.now })
      .where(eq(questionAnswers.id, answerId)).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'question_answer.correct', entityType: 'question_answer', entityId: answerId, councilId,
      before: { version: before.version, summary: before.summary, reference: before.reference }, after: { version: after!.version, summary, reference, reason },
    });
    return { ...out(after!), history: await answerHistory(tx, answerId) };
  });
}

/** The versions an answer had before its corrections, oldest first. */
export async function answerHistory(db: DbOrTx, answerId: string) {
  const rows = await db.select().from(questionAnswerVersions).where(eq(questionAnswerVersions.answerId, answerId)).orderBy(asc(questionAnswerVersions.version));
  return rows.map((r) => ({ version: r.version, summary: r.summary, reference: r.reference, reason: r.reason, correctedOn: r.correctedOn }));
}

// Escalation ---------------------------------------------------------------------------------------

export async function escalationsOfCommitment(db: DbOrTx, commitmentId: string) {
  return db.select().from(commitmentEscalations).where(eq(commitmentEscalations.commitmentId, commitmentId)).orderBy(asc(commitmentEscalations.takenOn), asc(commitmentEscalations.createdAt));
}

/** The ladder, the steps taken and the next step of one commitment (its page). */
export async function commitmentEscalationView(db: DbOrTx, c: typeof commitments.$inferSelect, day: string) {
  const [{ ladder, isDefault }, taken] = await Promise.all([ladderOf(db, c.councilId), escalationsOfCommitment(db, c.id)]);
  const overdue = c.state !== 'closed' && c.dueOn < day;
  const n = overdue ? nextEscalation(ladder, takenOf(taken), c.dueOn, day) : null;
  return {
    ladderIsDefault: isDefault,
    taken: taken.map((e) => ({ id: e.id, kind: e.kind, label: ESCALATION_STEP_LABELS[e.kind as EscalationStepKind] ?? e.kind, stepIndex: e.stepIndex, takenOn: e.takenOn, note: e.note })),
    next: n ? { index: n.index, kind: n.step.kind, label: ESCALATION_STEP_LABELS[n.step.kind], from: n.from, ready: n.ready } : null,
    reason: c.state === 'closed' ? 'Lời hứa đã hoàn thành.' : !overdue ? `Lời hứa chưa quá hạn (hạn ${formatShortDate(c.dueOn)}).` : n ? null : 'Đã đi hết các bước xử lý tiếp.',
  };
}

/**
 * The standing committee takes the next step of the ladder on an overdue commitment: only the
 * step that is next (or a later one of the ladder: the steps between count as skipped), once its
 * day has come. The commitment's follow-up item shows the step taken.
 */
export async function escalateCommitment(ctx: ActionCtx, councilId: string, commitmentId: string, input: { kind: EscalationStepKind; note?: string | null }) {
  const note = clean(input.note);
  if (note.length > 2000) throw invalid('Ghi chú dài quá 2000 ký tự.');
  const day = today(ctx.now);
  return ctx.db.transaction(async (tx) => {
    const c = await commitmentOf(tx, { councilId }, commitmentId, { lock: true });
    if (c.state === 'closed') throw conflict('Lời hứa đã hoàn thành và đóng: không cần xử lý tiếp.');
    if (c.dueOn >= day) throw invalid(`Lời hứa chưa quá hạn (hạn ${formatShortDate(c.dueOn)}): chỉ xử lý tiếp lời hứa quá hạn.`);
    const [{ ladder }, taken] = await Promise.all([ladderOf(tx, councilId), escalationsOfCommitment(tx, c.id)]);
    const next = nextEscalation(ladder, takenOf(taken), c.dueOn, day);
    if (!next) throw conflict('Đã đi hết các bước xử lý tiếp của lời hứa này.');
    const at = ladder.findIndex((s, i) => i >= next.index && s.kind === input.kind);
    const label = ESCALATION_STEP_LABELS[input.kind] ?? input.kind;
    if (at < 0) throw invalid(`"${label}" không phải bước tiếp theo của trình tự xử lý (bước tiếp theo: ${ESCALATION_STEP_LABELS[next.step.kind]}).`);
    if (!next.ready) throw invalid(`Chưa đến ngày thực hiện bước "${ESCALATION_STEP_LABELS[next.step.kind]}": từ ${formatShortDate(next.from)}.`);
    const [row] = await tx.insert(commitmentEscalations).values({
      commitmentId: c.id, councilId, agencyId: c.agencyId, kind: input.kind, stepIndex: at, takenOn: day, note, createdBy: ctx.actor.id, createdAt: ctx.now,
    }).returning();
    const s = await sessionOf(tx, councilId, c.sessionId);
    // The follow-up engine's item says which step was taken (the agency's inbox, the overdue lists).
    await syncObligation(tx, {
      kind: 'commitment', sourceId: c.id, councilId: c.councilId, agencyId: c.agencyId,
      title: c.content.length > 140 ? `${c.content.slice(0, 139)}…` : c.content,
      detail: `${[c.ownerName, c.ownerPost].filter(Boolean).join(', ')} · ${s.title}`,
      link: `/agencies/${c.agencyId}/commitments/${c.id}`, originalDue: c.originalDue, due: c.dueOn, answeredOn: c.doneReportedOn, closedOn: c.closedOn,
      stateLabel: `${COMMITMENT_STATE_LABELS[c.state as CommitmentState] ?? c.state} · Đã xử lý tiếp: ${label}`,
    });
    await recordEvent(tx, ctx.actor, {
      action: 'commitment.escalate', entityType: 'commitment', entityId: c.id, councilId, agencyId: c.agencyId,
      after: { kind: input.kind, stepIndex: at, takenOn: day, note },
    });
    return { ...out(row!), label };
  });
}

// The verification chain of a submission: the standing committee assigns it to a committee (Ban;
// a submission of a Ban is verified by another Ban), the committee records its verification
// meeting and files its report with conclusions point by point, the drafter (the presenting agency
// through its login, or the secretariat for a paper report) files the response report answering
// every point to explain or disagreement. Rules: src/domain/sessions/verification.ts.
// A committee member acts only for items assigned to their own committee.
import { and, asc, eq } from 'drizzle-orm';
import { conflict, forbidden, invalid, notFound } from '../../../server/errors.ts';
import { SUPER_ROLE, type AuthUser } from '../../../server/permissions.ts';
import {
  submissionTransition, summarizeVerification, validateResponse, validateVerificationPoints,
  type ResponseAnswerKind, type SubmissionState, type VerificationConclusion, type VerificationPoint,
} from '../../../domain/sessions/index.ts';
import { recordEvent } from '../../audit/service.ts';
import { bodies } from '../../directory/schema.ts';
import { assertOpen, out, ruleError, sessionOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { sessionDocuments, sessionItems } from '../schema.ts';
import { sessionResponseAnswers, sessionResponses, sessionVerificationPoints, sessionVerifications } from '../verificationSchema.ts';
import { markReceived } from './receipts.ts';

type Item = typeof sessionItems.$inferSelect;
type Verification = typeof sessionVerifications.$inferSelect;

/** Who sees an item: its council, or its presenting agency (another agency's item is a 404). */
export type ItemScope = { councilId: string } | { agencyId: string };

export async function scopedItem(db: DbOrTx, scope: ItemScope, itemId: string, opts: { lock?: boolean } = {}): Promise<Item> {
  const q = db.select().from(sessionItems).where(eq(sessionItems.id, itemId));
  const [i] = opts.lock ? await q.for('update') : await q;
  const visible = i && ('councilId' in scope ? i.councilId === scope.councilId : i.presenterAgencyId === scope.agencyId);
  if (!i || !visible) throw notFound('nội dung trình kỳ họp');
  return i;
}

export async function verificationOf(db: DbOrTx, itemId: string): Promise<Verification | null> {
  const [v] = await db.select().from(sessionVerifications).where(eq(sessionVerifications.itemId, itemId));
  return v ?? null;
}

export async function pointsOf(db: DbOrTx, verificationId: string) {
  return db.select().from(sessionVerificationPoints).where(eq(sessionVerificationPoints.verificationId, verificationId)).orderBy(asc(sessionVerificationPoints.position));
}

function move(item: Item, action: string): SubmissionState {
  try {
    return submissionTransition(item.state as SubmissionState, action);
  } catch (err) {
    return ruleError(err);
  }
}

/**
 * May this user act for the committee verifying an item? The secretariat of the council records
 * for any committee (a report handed in on paper); a committee member only for their own Ban.
 */
export function assertMayVerify(user: AuthUser, councilId: string, committeeBodyId: string | null, committeeName: string) {
  if (!committeeBodyId) throw conflict('Nội dung này chưa được Thường trực phân công cho Ban nào thẩm tra.');
  const ok = user.grants.some((g) => g.role === SUPER_ROLE
    || (g.role === 'secretariat' && g.councilId === councilId)
    || (g.role === 'committee_member' && g.bodyId === committeeBodyId));
  if (!ok) throw forbidden(`Nội dung này được phân công cho ${committeeName} thẩm tra; chỉ thành viên ${committeeName} mới ghi được việc thẩm tra.`);
}

async function bodyName(db: DbOrTx, id: string | null): Promise<string> {
  if (!id) return '';
  const [b] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, id));
  return b?.name ?? '';
}

// Assignment ------------------------------------------------------------------------------------

export async function assignCommittee(ctx: ActionCtx, councilId: string, itemId: string, input: { committeeBodyId: string; submissionNumber?: string }) {
  return ctx.db.transaction(async (tx) => {
    const item = await scopedItem(tx, { councilId }, itemId, { lock: true });
    assertOpen(await sessionOf(tx, councilId, item.sessionId));
    const [b] = await tx.select().from(bodies).where(eq(bodies.id, input.committeeBodyId));
    if (!b || b.councilId !== councilId) throw notFound('Ban của HĐND');
    if (b.kind !== 'committee') throw invalid('Nội dung chỉ được phân công cho một Ban của HĐND thẩm tra.');
    if (item.presenterBodyId === b.id) throw invalid(`${b.name} là cơ quan trình nội dung này; hãy phân công một Ban khác thẩm tra.`);
    const before = await verificationOf(tx, itemId);
    if (before?.reportIssuedOn && before.committeeBodyId !== b.id) {
      throw conflict('Ban đã gửi báo cáo thẩm tra nội dung này; không thể phân công lại Ban khác.');
    }
    // Before the tờ trình arrives the assignment is kept and the state moves on receipt (receipts.ts).
    const state = item.state === 'received' || item.state === 'assigned' ? move(item, 'assign') : item.state;
    await tx.update(sessionItems).set({ committeeBodyId: b.id, state, updatedAt: new Date() }).where(eq(sessionItems.id, itemId));
    const values = { committeeBodyId: b.id, assignedBy: ctx.actor.id, assignedOn: today(ctx.now), submissionNumber: input.submissionNumber?.trim() ?? before?.submissionNumber ?? '', updatedAt: new Date() };
    const [row] = before
      ? await tx.update(sessionVerifications).set(values).where(eq(sessionVerifications.id, before.id)).returning()
      : await tx.insert(sessionVerifications).values({ itemId, sessionId: item.sessionId, councilId, ...values }).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'session_item.assign_committee', entityType: 'session_item', entityId: itemId, councilId,
      before: { committeeBodyId: item.committeeBodyId, state: item.state }, after: { committeeBodyId: b.id, committee: b.name, state, submissionNumber: row!.submissionNumber },
    });
    return { ...out(row!), committeeName: b.name, state };
  });
}

/** The item's verification row, created from the item's assignment when the committee first acts. */
async function openVerification(tx: DbOrTx, item: Item): Promise<Verification> {
  const v = await verificationOf(tx, item.id);
  if (v && v.committeeBodyId === item.committeeBodyId) return v;
  if (v) {
    const [row] = await tx.update(sessionVerifications).set({ committeeBodyId: item.committeeBodyId!, updatedAt: new Date() }).where(eq(sessionVerifications.id, v.id)).returning();
    return row!;
  }
  const [row] = await tx.insert(sessionVerifications).values({
    itemId: item.id, sessionId: item.sessionId, councilId: item.councilId, committeeBodyId: item.committeeBodyId!, assignedOn: today(item.updatedAt),
  }).returning();
  return row!;
}

// Meeting ---------------------------------------------------------------------------------------

export interface MeetingInput { meetingOn: string; attendees: string; drafterPresent: boolean; drafterAttendees?: string }

export async function recordVerificationMeeting(ctx: ActionCtx, user: AuthUser, councilId: string, itemId: string, input: MeetingInput) {
  if (input.meetingOn > today(ctx.now)) throw invalid('Ngày họp thẩm tra không được sau hôm nay.');
  if (input.drafterPresent && !input.drafterAttendees?.trim()) throw invalid('Hãy ghi người đại diện cơ quan soạn thảo dự họp.');
  return ctx.db.transaction(async (tx) => {
    const item = await scopedItem(tx, { councilId }, itemId, { lock: true });
    assertMayVerify(user, councilId, item.committeeBodyId, await bodyName(tx, item.committeeBodyId));
    assertOpen(await sessionOf(tx, councilId, item.sessionId));
    const v = await openVerification(tx, item);
    if (v.reportIssuedOn && input.meetingOn > v.reportIssuedOn) throw conflict('Cuộc họp thẩm tra phải diễn ra trước ngày ban hành báo cáo thẩm tra.');
    const [row] = await tx.update(sessionVerifications).set({
      meetingOn: input.meetingOn, meetingAttendees: input.attendees.trim(), drafterPresent: input.drafterPresent,
      drafterAttendees: input.drafterPresent ? (input.drafterAttendees ?? '').trim() : '', updatedAt: new Date(),
    }).where(eq(sessionVerifications.id, v.id)).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'session_verification.meeting', entityType: 'session_item', entityId: itemId, councilId,
      before: { meetingOn: v.meetingOn, meetingAttendees: v.meetingAttendees, drafterPresent: v.drafterPresent },
      after: { meetingOn: row!.meetingOn, meetingAttendees: row!.meetingAttendees, drafterPresent: row!.drafterPresent, drafterAttendees: row!.drafterAttendees },
    });
    return out(row!);
  });
}

// Report ----------------------------------------------------------------------------------------

export interface ReportInput { number: string; issuedOn: string; conclusion: VerificationConclusion; summary?: string; points: unknown }

/** The expected document of a kind for an item (the first), if the secretariat listed one. */
async function expectedDocument(tx: DbOrTx, itemId: string, kind: string) {
  const [d] = await tx.select().from(sessionDocuments).where(and(eq(sessionDocuments.itemId, itemId), eq(sessionDocuments.kind, kind))).orderBy(asc(sessionDocuments.createdAt)).limit(1).for('update');
  return d ?? null;
}

export async function fileVerificationReport(ctx: ActionCtx, user: AuthUser, councilId: string, itemId: string, input: ReportInput) {
  const checked = validateVerificationPoints(input.points);
  if (!checked.ok) throw invalid(checked.errors.map((e) => e.message).join(' '), checked.errors);
  if (input.issuedOn > today(ctx.now)) throw invalid('Ngày ban hành báo cáo thẩm tra không được sau hôm nay.');
  const summary = summarizeVerification(checked.points);
  return ctx.db.transaction(async (tx) => {
    const item = await scopedItem(tx, { councilId }, itemId, { lock: true });
    const committee = await bodyName(tx, item.committeeBodyId);
    assertMayVerify(user, councilId, item.committeeBodyId, committee);
    assertOpen(await sessionOf(tx, councilId, item.sessionId));
    const v = await openVerification(tx, item);
    if (!v.meetingOn) throw conflict('Hãy ghi cuộc họp thẩm tra (ngày họp, thành phần, cơ quan soạn thảo) trước khi gửi báo cáo thẩm tra.');
    if (input.issuedOn < v.meetingOn) throw invalid('Báo cáo thẩm tra không thể ban hành trước ngày họp thẩm tra.');
    const [answered] = await tx.select({ id: sessionResponses.id }).from(sessionResponses).where(eq(sessionResponses.verificationId, v.id));
    if (answered) throw conflict('Cơ quan soạn thảo đã gửi báo cáo tiếp thu, giải trình; không thể sửa báo cáo thẩm tra.');
    const first = v.reportIssuedOn === null;
    const state = first ? move(item, 'verify') : item.state;
    const old = first ? [] : await pointsOf(tx, v.id);
    if (!first) await tx.delete(sessionVerificationPoints).where(eq(sessionVerificationPoints.verificationId, v.id));
    const points = summary.ordered.map((p, i) => ({
      verificationId: v.id, key: p.key, position: i + 1, reference: p.reference, referenceLabel: p.referenceLabel, conclusion: p.conclusion, content: p.content,
    }));
    const inserted = await tx.insert(sessionVerificationPoints).values(points).returning();
    const [row] = await tx.update(sessionVerifications).set({
      reportNumber: input.number.trim(), reportIssuedOn: input.issuedOn, conclusion: input.conclusion, summary: (input.summary ?? '').trim(),
      needsResponse: summary.needsResponse, reportFiledBy: ctx.actor.id, reportVersion: v.reportVersion + 1, updatedAt: new Date(),
    }).where(eq(sessionVerifications.id, v.id)).returning();
    if (state !== item.state) await tx.update(sessionItems).set({ state, updatedAt: new Date() }).where(eq(sessionItems.id, itemId));
    // The expected verification report, when listed, is received on the report's date.
    const doc = await expectedDocument(tx, itemId, 'verificationReport');
    if (doc && doc.receivedOn === null) await markReceived(tx, doc, input.issuedOn, 'upload');
    await recordEvent(tx, ctx.actor, {
      action: first ? 'session_verification.report' : 'session_verification.correct_report', entityType: 'session_item', entityId: itemId, councilId,
      before: first ? { state: item.state } : { number: v.reportNumber, issuedOn: v.reportIssuedOn, conclusion: v.conclusion, points: old.map(pointAudit) },
      after: { state, committee, number: row!.reportNumber, issuedOn: row!.reportIssuedOn, conclusion: row!.conclusion, points: inserted.map(pointAudit) },
    });
    return { ...out(row!), points: inserted.map(out), counts: summary.counts, requiringAnswer: summary.requiringAnswer };
  });
}

const pointAudit = (p: typeof sessionVerificationPoints.$inferSelect) => ({ key: p.key, reference: p.referenceLabel, conclusion: p.conclusion, content: p.content });

// Response --------------------------------------------------------------------------------------

export interface ResponseInput { number: string; issuedOn: string; summary?: string; answers: unknown }

/** The drafter's response report: the presenting agency through its login (scope agency) or the secretariat on paper (scope council). */
export async function fileResponse(ctx: ActionCtx, scope: ItemScope, itemId: string, input: ResponseInput) {
  if (input.issuedOn > today(ctx.now)) throw invalid('Ngày ban hành báo cáo tiếp thu, giải trình không được sau hôm nay.');
  return ctx.db.transaction(async (tx) => {
    const item = await scopedItem(tx, scope, itemId, { lock: true });
    assertOpen(await sessionOf(tx, item.councilId, item.sessionId));
    const v = await verificationOf(tx, itemId);
    if (!v?.reportIssuedOn) throw conflict('Ban chưa gửi báo cáo thẩm tra nội dung này; chưa có ý kiến để tiếp thu, giải trình.');
    if (input.issuedOn < v.reportIssuedOn) throw invalid('Báo cáo tiếp thu, giải trình không thể ban hành trước báo cáo thẩm tra.');
    const [before] = await tx.select().from(sessionResponses).where(eq(sessionResponses.verificationId, v.id));
    if (before) throw conflict('Báo cáo tiếp thu, giải trình của nội dung này đã được gửi.');
    const rows = await pointsOf(tx, v.id);
    const points: VerificationPoint[] = rows.map((p) => ({ key: p.key, reference: p.reference, conclusion: p.conclusion as VerificationConclusion, content: p.content }));
    const check = validateResponse(points, input.answers);
    if (!check.ok) throw invalid(check.errors.map((e) => e.message).join(' '), { errors: check.errors, unanswered: check.unanswered });
    const answers = input.answers as { pointKey: string; kind: ResponseAnswerKind; text: string }[];
    const via = 'agencyId' in scope ? 'app' : 'paper';
    const [resp] = await tx.insert(sessionResponses).values({
      verificationId: v.id, itemId, councilId: item.councilId, agencyId: item.presenterAgencyId, number: input.number.trim(), issuedOn: input.issuedOn,
      summary: (input.summary ?? '').trim(), filedVia: via, filedBy: ctx.actor.id,
    }).returning();
    const byKey = new Map(rows.map((p) => [p.key, p]));
    const saved = answers.length
      ? await tx.insert(sessionResponseAnswers).values(answers.map((a) => ({ responseId: resp!.id, pointId: byKey.get(a.pointKey)!.id, kind: a.kind, text: a.text.trim() }))).returning()
      : [];
    const state = item.state === 'verified' ? move(item, 'respond') : item.state;
    if (state !== item.state) await tx.update(sessionItems).set({ state, updatedAt: new Date() }).where(eq(sessionItems.id, itemId));
    const doc = await expectedDocument(tx, itemId, 'responseReport');
    if (doc && doc.receivedOn === null) await markReceived(tx, doc, input.issuedOn, via === 'app' ? 'upload' : 'paper');
    await recordEvent(tx, ctx.actor, {
      action: 'session_response.file', entityType: 'session_item', entityId: itemId, councilId: item.councilId, agencyId: item.presenterAgencyId,
      before: { state: item.state },
      after: { state, number: resp!.number, issuedOn: resp!.issuedOn, via, answers: saved.map((a) => ({ point: rows.find((p) => p.id === a.pointId)?.referenceLabel, kind: a.kind, text: a.text })) },
    });
    return { ...out(resp!), answers: saved.map(out), state };
  });
}

// Actions on supervision reports and their recommendations (issue #13): draft a report with its
// recommendations, issue it (ND30 through the documents engine, or an uploaded file with its
// typed number), then each recommendation's events: the agency's answer (accept fully, partly,
// not — reasons required), its progress reports with evidence files, the supervising body's
// extensions, verified closures and reopenings. Every action: validate (zod + domain replay),
// one transaction, one audit event, and the recommendation projected onto the follow-up engine
// (syncObligation) in that same transaction.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { conflict, forbidden, invalid, notFound } from '../../server/errors.ts';
import { FileLimit } from '../../server/input.ts';
import { checkFileContent, type FileKind, type UploadedFile } from '../../server/upload.ts';
import { can, type AuthUser } from '../../server/permissions.ts';
import { fold } from '../../domain/text/normalize.ts';
import {
  applyRecommendationEvent, OversightRuleError, recommendationDueDate, RECOMMENDATION_STATE_LABELS, replayRecommendation,
  type RecommendationAction, type RecommendationActor, type RecommendationEvent, type RecommendationRecord, type RecommendationState,
} from '../../domain/oversight/index.ts';
import { ESCALATION_STEP_LABELS, type EscalationStepKind } from '../../domain/followup/index.ts';
import { recordEvent } from '../audit/service.ts';
import { agencies, bodies } from '../directory/schema.ts';
import { documentIssuers } from '../documents/schema.ts';
import { ensureIssuers, issueDocumentTx, recordTypedNumber } from '../documents/service.ts';
import { loadCalendar, out, today, type ActionCtx, type DbOrTx } from '../petitions/common.ts';
import { syncObligation } from '../followup/service.ts';
import { oversightActivities } from './schema.ts';
import {
  oversightEscalations, oversightEvidenceFiles, oversightRecommendationEvents, oversightRecommendations, oversightReports,
} from './recommendationsSchema.ts';
import { REPORT_TEMPLATE, registerRecommendationTemplates } from './recommendationsTemplates.ts';

registerRecommendationTemplates();

export type { ActionCtx, DbOrTx };
export const MAX_EVIDENCE_BYTES = FileLimit.attachment;
/** Evidence and reports: PDF, Word, Excel, images. Judged by content (server/upload.ts). */
export const EVIDENCE_KINDS: FileKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'];
export const REPORT_FILE_KINDS: FileKind[] = ['pdf', 'docx'];

type Scope = { councilId: string } | { agencyId: string };

/** A domain refusal as a Vietnamese 422. */
export function ruleError(err: unknown): never {
  if (err instanceof OversightRuleError) throw invalid(err.message, { code: err.code });
  throw err;
}

function domain<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    return ruleError(err);
  }
}

// Loaders ------------------------------------------------------------------------------------------

export async function reportOf(db: DbOrTx, councilId: string, reportId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(oversightReports).where(and(eq(oversightReports.id, reportId), eq(oversightReports.councilId, councilId)));
  const [r] = opts.lock ? await q.for('update') : await q;
  if (!r) throw notFound('báo cáo giám sát');
  return r;
}

/** A recommendation seen from the council or from the agency it is addressed to (anything else: 404). */
export async function recommendationOf(db: DbOrTx, scope: Scope, id: string, opts: { lock?: boolean } = {}) {
  const cond = 'councilId' in scope ? eq(oversightRecommendations.councilId, scope.councilId) : eq(oversightRecommendations.agencyId, scope.agencyId);
  const q = db.select().from(oversightRecommendations).where(and(eq(oversightRecommendations.id, id), cond));
  const [r] = opts.lock ? await q.for('update') : await q;
  // an agency never sees a recommendation of a report still in draft
  if (!r || ('agencyId' in scope && r.state === 'draft')) throw notFound('kiến nghị sau giám sát');
  return r;
}

export async function eventsOf(db: DbOrTx, recommendationId: string) {
  return db.select().from(oversightRecommendationEvents).where(eq(oversightRecommendationEvents.recommendationId, recommendationId)).orderBy(asc(oversightRecommendationEvents.seq));
}

export function toDomainEvent(e: typeof oversightRecommendationEvents.$inferSelect): RecommendationEvent {
  return {
    action: e.action as RecommendationAction,
    actor: e.actor as RecommendationActor,
    on: e.on,
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.text ? { text: e.text } : {}),
    ...(e.due ? { due: e.due } : {}),
    ...(e.approvedBy ? { approvedBy: e.approvedBy } : {}),
  };
}

/** The domain record of an issued recommendation, rebuilt from its events. */
export function recordOf(r: typeof oversightRecommendations.$inferSelect, events: (typeof oversightRecommendationEvents.$inferSelect)[]): RecommendationRecord {
  if (r.state === 'draft' || !r.issuedOn || !r.originalDue) throw conflict('Báo cáo giám sát chưa ban hành: kiến nghị chưa được gửi cơ quan.');
  return domain(() => replayRecommendation(r.issuedOn!, r.originalDue!, events.map(toDomainEvent)));
}

/**
 * A committee member acts only on the reports of their own Ban; the secretariat and the Thường
 * trực act on every report of the council.
 */
export function assertSupervises(user: AuthUser | null, permission: string, councilId: string, bodyId: string | null): void {
  if (!user) throw forbidden();
  const wide = user.grants.some((g) => g.role === 'admin' || (g.councilId === councilId && g.bodyId === null && can({ ...user, grants: [g] }, permission, { councilId })));
  if (wide) return;
  const own = user.grants.some((g) => g.councilId === councilId && g.bodyId !== null && g.bodyId === bodyId && can({ ...user, grants: [g] }, permission, { councilId }));
  if (!own) throw forbidden('Chỉ Ban đã giám sát (hoặc Thường trực, Văn phòng HĐND) được thao tác trên báo cáo giám sát này.');
}

// Follow-up projection ---------------------------------------------------------------------------

/** Projects one issued recommendation onto the follow-up engine (inside the caller's transaction). */
export async function projectRecommendation(tx: Tx, r: typeof oversightRecommendations.$inferSelect, escalationLabel?: string | null) {
  if (r.state === 'draft' || !r.originalDue || !r.due) return;
  const [rep] = await tx
    .select({ title: oversightReports.title, body: bodies.name })
    .from(oversightReports)
    .leftJoin(bodies, eq(bodies.id, oversightReports.bodyId))
    .where(eq(oversightReports.id, r.reportId));
  const label = RECOMMENDATION_STATE_LABELS[r.state as RecommendationState];
  await syncObligation(tx, {
    kind: 'recommendation',
    sourceId: r.id,
    councilId: r.councilId,
    agencyId: r.agencyId,
    title: `Kiến nghị ${r.position}: ${r.content.length > 160 ? `${r.content.slice(0, 157)}…` : r.content}`,
    detail: [rep?.body ?? null, rep?.title ?? null].filter(Boolean).join(' · ') || null,
    link: `/agencies/${r.agencyId}/recommendations/${r.id}`,
    originalDue: r.originalDue,
    due: r.due,
    answeredOn: r.answeredOn,
    closedOn: r.closedOn,
    stateLabel: escalationLabel ? `${label} · ${escalationLabel}` : label,
  });
}

// Reports ------------------------------------------------------------------------------------------

export interface RecommendationDraft {
  agencyId: string;
  content: string;
  due?: string | null | undefined;
  workingDays?: number | null | undefined;
}

export interface ReportInput {
  activityId?: string | null | undefined;
  bodyId?: string | null | undefined;
  title: string;
  scope?: string | undefined;
  results?: string | undefined;
  shortcomings?: string | undefined;
  isPublic?: boolean | undefined;
  recommendations: RecommendationDraft[];
}

/** The activity reported on, of this council (its body supervises when the report names none). */
export async function activityOf(tx: DbOrTx, councilId: string, activityId: string) {
  const [a] = await tx.select().from(oversightActivities).where(and(eq(oversightActivities.id, activityId), eq(oversightActivities.councilId, councilId)));
  if (!a) throw invalid('Hoạt động giám sát không thuộc HĐND này.');
  return a;
}

async function checkReferences(tx: DbOrTx, councilId: string, input: Pick<ReportInput, 'bodyId' | 'recommendations'>) {
  if (input.bodyId) {
    const [b] = await tx.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.id, input.bodyId), eq(bodies.councilId, councilId)));
    if (!b) throw invalid('Cơ quan giám sát không thuộc HĐND này.');
  }
  const ids = [...new Set(input.recommendations.map((r) => r.agencyId))];
  if (ids.length) {
    const found = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids));
    if (found.length !== ids.length) throw invalid('Có cơ quan được kiến nghị không có trong danh bạ.');
  }
  input.recommendations.forEach((r, i) => {
    if ((r.due === undefined || r.due === null) && (r.workingDays === undefined || r.workingDays === null)) {
      throw invalid(`Kiến nghị ${i + 1}: cần nhập thời hạn (một ngày, hoặc số ngày làm việc kể từ ngày ban hành).`);
    }
  });
}

async function writeDrafts(tx: Tx, councilId: string, reportId: string, recs: RecommendationDraft[]) {
  if (!recs.length) return [];
  return tx.insert(oversightRecommendations).values(recs.map((r, i) => ({
    reportId, councilId, agencyId: r.agencyId, position: i + 1, content: r.content.trim(),
    plannedDue: r.workingDays ? null : r.due ?? null, plannedWorkingDays: r.workingDays ?? null, searchKey: fold(r.content),
  }))).returning();
}

export async function createReport(ctx: ActionCtx, user: AuthUser | null, councilId: string, input: ReportInput) {
  return ctx.db.transaction(async (tx) => {
    const activity = input.activityId ? await activityOf(tx, councilId, input.activityId) : null;
    const bodyId = input.bodyId === undefined ? activity?.bodyId ?? null : input.bodyId;
    assertSupervises(user, 'oversight.recommendations.manage', councilId, bodyId);
    await checkReferences(tx, councilId, { ...input, bodyId });
    const [r] = await tx.insert(oversightReports).values({
      councilId, activityId: activity?.id ?? null, bodyId, title: input.title.trim(), scope: input.scope ?? '', results: input.results ?? '',
      shortcomings: input.shortcomings ?? '', isPublic: input.isPublic ?? true, createdBy: ctx.actor.id,
    }).returning();
    const recs = await writeDrafts(tx, councilId, r!.id, input.recommendations);
    await recordEvent(tx, ctx.actor, { action: 'oversight_report.create', entityType: 'oversight_report', entityId: r!.id, councilId, after: { report: reportAudit(r!), recommendations: recs.map(recAudit) } });
    return { ...reportOut(r!), recommendations: recs.map(recOut) };
  });
}

/** Edits a draft report; its recommendations are replaced by the list given (the report is not issued yet). */
export async function updateReport(ctx: ActionCtx, user: AuthUser | null, councilId: string, reportId: string, input: ReportInput & { version: number }) {
  return ctx.db.transaction(async (tx) => {
    const r = await reportOf(tx, councilId, reportId, { lock: true });
    assertSupervises(user, 'oversight.recommendations.manage', councilId, r.bodyId);
    if (input.bodyId !== undefined && input.bodyId !== r.bodyId) assertSupervises(user, 'oversight.recommendations.manage', councilId, input.bodyId ?? null);
    if (r.state !== 'draft') throw conflict('Báo cáo đã ban hành: không sửa được nội dung và kiến nghị.');
    if (r.version !== input.version) throw conflict('Báo cáo vừa được người khác sửa. Vui lòng tải lại rồi thực hiện lại.');
    await checkReferences(tx, councilId, input);
    if (input.activityId) await activityOf(tx, councilId, input.activityId);
    const before = await tx.select().from(oversightRecommendations).where(eq(oversightRecommendations.reportId, r.id));
    await tx.delete(oversightRecommendations).where(eq(oversightRecommendations.reportId, r.id));
    const [row] = await tx.update(oversightReports).set({
      activityId: input.activityId ?? r.activityId, bodyId: input.bodyId === undefined ? r.bodyId : input.bodyId, title: input.title.trim(),
      scope: input.scope ?? r.scope, results: input.results ?? r.results, shortcomings: input.shortcomings ?? r.shortcomings,
      isPublic: input.isPublic ?? r.isPublic, version: r.version + 1, updatedAt: new Date(),
    }).where(eq(oversightReports.id, r.id)).returning();
    const recs = await writeDrafts(tx, councilId, r.id, input.recommendations);
    await recordEvent(tx, ctx.actor, {
      action: 'oversight_report.update', entityType: 'oversight_report', entityId: r.id, councilId,
      before: { report: reportAudit(r), recommendations: before.map(recAudit) }, after: { report: reportAudit(row!), recommendations: recs.map(recAudit) },
    });
    return { ...reportOut(row!), recommendations: recs.map(recOut) };
  });
}

/** Publication flag of an issued report (state secrets stay off the public pages). */
export async function setReportPublic(ctx: ActionCtx, user: AuthUser | null, councilId: string, reportId: string, isPublic: boolean) {
  return ctx.db.transaction(async (tx) => {
    const r = await reportOf(tx, councilId, reportId, { lock: true });
    assertSupervises(user, 'oversight.recommendations.manage', councilId, r.bodyId);
    const [row] = await tx.update(oversightReports).set({ isPublic, version: r.version + 1, updatedAt: new Date() }).where(eq(oversightReports.id, r.id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'oversight_report.publication', entityType: 'oversight_report', entityId: r.id, councilId, before: { isPublic: r.isPublic }, after: { isPublic } });
    return reportOut(row!);
  });
}

export interface IssueReportInput {
  version: number;
  issuerId?: string | undefined;
  signerId?: string | undefined;
  signerName?: string | undefined;
  signerTitle?: string | undefined;
}

/**
 * Issues the report: every recommendation gets its issue date (today), its due date on the
 * working-day calendar and goes to its agency's inbox. With `file`, the report was made outside:
 * its typed number is recorded in the register; otherwise the ND30 report is generated.
 */
export async function issueReport(
  ctx: ActionCtx, user: AuthUser | null, councilId: string, reportId: string, input: IssueReportInput,
  uploaded?: { file: UploadedFile; typedNumber: string },
) {
  const day = today(ctx.now);
  let mimeType: string | null = null;
  if (uploaded) {
    if (uploaded.file.data.length > MAX_EVIDENCE_BYTES) throw invalid(`Tệp lớn quá ${Math.round(MAX_EVIDENCE_BYTES / 1024 / 1024)} MB.`);
    mimeType = checkFileContent(uploaded.file, REPORT_FILE_KINDS).mimeType;
  }
  return ctx.db.transaction(async (tx) => {
    const r = await reportOf(tx, councilId, reportId, { lock: true });
    assertSupervises(user, 'oversight.recommendations.manage', councilId, r.bodyId);
    if (r.state !== 'draft') throw conflict('Báo cáo đã được ban hành.');
    if (r.version !== input.version) throw conflict('Báo cáo vừa được người khác sửa. Vui lòng tải lại rồi thực hiện lại.');
    const drafts = await tx.select().from(oversightRecommendations).where(eq(oversightRecommendations.reportId, r.id)).orderBy(asc(oversightRecommendations.position));
    if (!drafts.length) throw invalid('Báo cáo chưa có kiến nghị nào: cần ít nhất một kiến nghị (cơ quan thực hiện, thời hạn).');
    const calendar = await loadCalendar(tx);
    const dues = drafts.map((d) => {
      try {
        return recommendationDueDate(day, { due: d.plannedDue, workingDays: d.plannedWorkingDays }, calendar);
      } catch (err) {
        if (err instanceof OversightRuleError) throw invalid(`Kiến nghị ${d.position}: ${err.message}`, { code: err.code });
        throw err;
      }
    });
    // the due dates are set before the document is built, so the report prints them
    const issued: (typeof oversightRecommendations.$inferSelect)[] = [];
    for (const [i, d] of drafts.entries()) {
      const [row] = await tx.update(oversightRecommendations).set({
        issuedOn: day, originalDue: dues[i]!, due: dues[i]!, state: 'issued', version: d.version + 1, updatedAt: new Date(),
      }).where(eq(oversightRecommendations.id, d.id)).returning();
      issued.push(row!);
    }
    let documentId: string | null = null;
    let symbol: string;
    if (uploaded) {
      const typed = uploaded.typedNumber.trim();
      await recordTypedNumber(tx, ctx.actor, councilId, typed, day, { type: 'oversight_report', id: r.id });
      symbol = typed;
    } else {
      const issuerId = input.issuerId ?? (await issuerOfBody(tx, ctx, councilId, r.bodyId));
      const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, {
        templateKey: REPORT_TEMPLATE, issuerId,
        params: { reportId: r.id, signerId: input.signerId, signerName: input.signerName, signerTitle: input.signerTitle },
      });
      documentId = doc.id;
      symbol = doc.symbol;
    }
    const [row] = await tx.update(oversightReports).set({
      state: 'issued', issuedOn: day, documentId, typedNumber: uploaded ? symbol : null,
      fileName: uploaded ? uploaded.file.name.slice(0, 200) : null, mimeType, fileContent: uploaded ? uploaded.file.data : null,
      version: r.version + 1, updatedAt: new Date(),
    }).where(eq(oversightReports.id, r.id)).returning();
    for (const rec of issued) await projectRecommendation(tx, rec);
    // the activity it reports on is now reported (the programs part's state)
    if (r.activityId) {
      await tx.update(oversightActivities).set({ state: 'reported', updatedAt: new Date() })
        .where(and(eq(oversightActivities.id, r.activityId), inArray(oversightActivities.state, ['planned', 'founded', 'notified', 'fieldwork'])));
    }
    await recordEvent(tx, ctx.actor, {
      action: 'oversight_report.issue', entityType: 'oversight_report', entityId: r.id, councilId,
      before: { state: r.state }, after: { state: 'issued', issuedOn: day, symbol, documentId, recommendations: issued.map(recAudit) },
    });
    return { ...reportOut(row!), symbol, recommendations: issued.map(recOut) };
  });
}

/** The register of the supervising Ban (its issuer), or the Thường trực's when the body has none. */
async function issuerOfBody(tx: Tx, ctx: ActionCtx, councilId: string, bodyId: string | null): Promise<string | undefined> {
  if (!bodyId) return undefined;
  await ensureIssuers(tx, ctx.actor, councilId);
  const [i] = await tx.select({ id: documentIssuers.id }).from(documentIssuers).where(and(eq(documentIssuers.councilId, councilId), eq(documentIssuers.bodyId, bodyId)));
  return i?.id;
}

// Recommendation events ---------------------------------------------------------------------------

export interface RecommendationActInput {
  action: RecommendationAction;
  reason?: string | undefined;
  text?: string | undefined;
  due?: string | undefined;
  approvedBy?: string | undefined;
  isPublic?: boolean | undefined;
}

const AGENCY_ACTIONS: readonly RecommendationAction[] = ['accept', 'accept_partly', 'reject', 'report_progress', 'report_done'];

/**
 * One event on a recommendation: from the agency's inbox (`{agencyId}`: its answer and reports,
 * with evidence files) or from the supervising body (`{councilId}`: extensions, verified
 * closures, reopenings). The domain replays the record and refuses what the state does not allow.
 */
export async function actOnRecommendation(
  ctx: ActionCtx, user: AuthUser | null, scope: Scope, recommendationId: string, input: RecommendationActInput, files: UploadedFile[] = [],
) {
  const actor: RecommendationActor = 'agencyId' in scope ? 'agency' : 'supervisor';
  if (actor === 'agency' && !AGENCY_ACTIONS.includes(input.action)) throw forbidden('Chỉ cơ quan giám sát được gia hạn, xác minh, đóng hoặc mở lại kiến nghị.');
  if (actor === 'supervisor' && AGENCY_ACTIONS.includes(input.action)) throw forbidden('Chỉ cơ quan được kiến nghị trả lời và báo cáo thực hiện kiến nghị (trên Nghị Trường của cơ quan).');
  if (files.length && input.action !== 'report_progress' && input.action !== 'report_done') throw invalid('Chỉ gửi kèm tệp minh chứng với báo cáo tiến độ hoặc báo cáo đã thực hiện.');
  const checked = files.map((f) => {
    if (f.data.length > MAX_EVIDENCE_BYTES) throw invalid(`Tệp "${f.name}" lớn quá ${Math.round(MAX_EVIDENCE_BYTES / 1024 / 1024)} MB.`);
    return { f, mimeType: checkFileContent(f, EVIDENCE_KINDS).mimeType };
  });
  const day = today(ctx.now);
  return ctx.db.transaction(async (tx) => {
    const rec = await recommendationOf(tx, scope, recommendationId, { lock: true });
    if (actor === 'supervisor') {
      const rep = await reportOf(tx, rec.councilId, rec.reportId);
      assertSupervises(user, 'oversight.recommendations.manage', rec.councilId, rep.bodyId);
    }
    const events = await eventsOf(tx, rec.id);
    const record = recordOf(rec, events);
    const event: RecommendationEvent = {
      action: input.action, actor, on: day,
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.due !== undefined ? { due: input.due } : {}),
      ...(input.approvedBy !== undefined ? { approvedBy: input.approvedBy } : {}),
    };
    const next = domain(() => applyRecommendationEvent(record, event));
    const [ev] = await tx.insert(oversightRecommendationEvents).values({
      recommendationId: rec.id, seq: events.length + 1, action: event.action, actor, on: day,
      reason: event.reason?.trim() || null, text: event.text?.trim() || null, due: event.due ?? null, approvedBy: event.approvedBy?.trim() || null,
      isPublic: input.isPublic ?? true, userId: ctx.actor.id, userName: ctx.actor.name,
    }).returning();
    const stored = checked.length
      ? await tx.insert(oversightEvidenceFiles).values(checked.map(({ f, mimeType }) => ({
        recommendationId: rec.id, eventId: ev!.id, fileName: f.name.slice(0, 200), mimeType, size: f.data.length, content: f.data, uploadedBy: ctx.actor.id,
      }))).returning({ id: oversightEvidenceFiles.id, fileName: oversightEvidenceFiles.fileName, mimeType: oversightEvidenceFiles.mimeType, size: oversightEvidenceFiles.size })
      : [];
    const [row] = await tx.update(oversightRecommendations).set({
      state: next.state, due: next.due, answeredOn: next.answeredOn, closedOn: next.closedOn, dispositionReason: next.dispositionReason,
      version: rec.version + 1, updatedAt: new Date(),
    }).where(eq(oversightRecommendations.id, rec.id)).returning();
    await projectRecommendation(tx, row!, await lastEscalationLabel(tx, rec.id));
    await recordEvent(tx, ctx.actor, {
      action: `oversight_recommendation.${input.action}`, entityType: 'oversight_recommendation', entityId: rec.id, councilId: rec.councilId, agencyId: rec.agencyId,
      before: recAudit(rec), after: { ...recAudit(row!), event: out(ev!), files: stored },
    });
    return { ...recOut(row!), event: out(ev!), files: stored };
  });
}

export async function lastEscalationLabel(tx: DbOrTx, recommendationId: string): Promise<string | null> {
  const [e] = await tx.select({ kind: oversightEscalations.kind }).from(oversightEscalations)
    .where(eq(oversightEscalations.recommendationId, recommendationId)).orderBy(sql`${oversightEscalations.takenOn} desc, ${oversightEscalations.createdAt} desc`).limit(1);
  return e ? `Đã xử lý tiếp: ${ESCALATION_STEP_LABELS[e.kind as EscalationStepKind]}` : null;
}

export async function evidenceFile(db: DbOrTx, scope: Scope, recommendationId: string, fileId: string) {
  const rec = await recommendationOf(db, scope, recommendationId);
  const [f] = await db.select().from(oversightEvidenceFiles).where(and(eq(oversightEvidenceFiles.id, fileId), eq(oversightEvidenceFiles.recommendationId, rec.id)));
  if (!f) throw notFound('tệp minh chứng');
  return f;
}

// Shapes -----------------------------------------------------------------------------------------

export function reportOut(r: typeof oversightReports.$inferSelect) {
  const { fileContent: _c, ...rest } = r;
  return { ...out(rest), hasFile: r.fileContent !== null };
}

const reportAudit = (r: typeof oversightReports.$inferSelect) => {
  const { fileContent: _c, ...rest } = r;
  return rest;
};

export function recOut(r: typeof oversightRecommendations.$inferSelect) {
  return out(r);
}

const recAudit = (r: typeof oversightRecommendations.$inferSelect) => {
  const { searchKey: _k, ...rest } = r;
  return rest;
};

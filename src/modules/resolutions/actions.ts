// Resolution actions: each validates (zod at the route, the pure rules here), runs in ONE
// transaction and records ONE audit event. Numbers come from the council's register (documents
// module): issuing the resolution's document takes the next number of the council issuer's series;
// a resolution passed before the system keeps its typed number, recorded in that same register.
import { and, eq, sql } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import {
  checkInForceDate, checkTaskDates, earliestInForce, parseResolutionSymbol, resolutionRulesOn, taskTransition, validateLink,
  type LinkType, type ReportKind, type TaskState,
} from '../../domain/resolutions/index.ts';
import { recordEvent } from '../audit/service.ts';
import { agencies, councils } from '../directory/schema.ts';
import { ensureCouncilIssuer, issueDocumentTx, raiseCounter, recordTypedNumber, type CouncilSeries } from '../documents/service.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { councilSessions, sessionItems } from '../sessions/schema.ts';
import {
  councilGraph, labelOf, out, projectTask, resolutionOf, rule, searchKeyOf, taskOf, today, type ActionCtx, type DbOrTx, type Resolution,
} from './common.ts';
import { resolutionLinks, resolutionSettings, resolutionTaskReports, resolutions, resolutionTasks } from './schema.ts';
import { RESOLUTION_TEMPLATE_KEY } from './templates.ts';
import type { Tx } from '../../db/client.ts';
import { checkPassingVote } from './votes.ts';

export interface ResolutionInput {
  title: string;
  normative: boolean;
  shortenedProcedure?: boolean;
  content?: string;
  passedOn: string;
  sessionId?: string | null;
  itemId?: string | null;
  voteId?: string | null;
  announced?: { for: number; against: number; abstain: number; total: number } | null;
  inForceFrom?: string | null;
}

async function checkSessionAndItem(tx: Tx, councilId: string, input: Pick<ResolutionInput, 'sessionId' | 'itemId' | 'passedOn'>) {
  if (input.itemId && !input.sessionId) throw invalid('Hãy chọn kỳ họp của nội dung trình.');
  if (!input.sessionId) return;
  const [s] = await tx.select().from(councilSessions).where(eq(councilSessions.id, input.sessionId));
  if (!s || s.councilId !== councilId) throw notFound('kỳ họp của HĐND này');
  const last = s.closingDate ?? s.openingDate;
  if (input.passedOn < s.openingDate || input.passedOn > last) {
    throw invalid(`Ngày thông qua phải trong thời gian ${s.title} (${s.openingDate.split('-').reverse().join('/')} – ${last.split('-').reverse().join('/')}).`);
  }
  if (input.itemId) {
    const [i] = await tx.select().from(sessionItems).where(eq(sessionItems.id, input.itemId));
    if (!i || i.sessionId !== s.id) throw notFound('nội dung trình của kỳ họp này');
  }
}

function checkAnnounced(a: ResolutionInput['announced']) {
  if (!a) return;
  if (a.for + a.against + a.abstain > a.total) throw invalid('Tổng số phiếu tán thành, không tán thành và không biểu quyết vượt quá tổng số đại biểu.');
}

function checkDates(r: { passedOn: string; inForceFrom: string | null; normative: boolean; shortenedProcedure: boolean }, ruleSetKey: string) {
  const rules = rule(() => resolutionRulesOn(r.passedOn));
  if (rules.key !== ruleSetKey) throw invalid('Ngày thông qua thuộc một bộ quy định khác; hãy đăng ký lại nghị quyết.');
  if (r.inForceFrom) rule(() => checkInForceDate({ ...r, inForceFrom: r.inForceFrom! }, rules));
  return rules;
}

/** Registers a resolution the council passed (not yet certified or numbered). */
export async function createResolution(ctx: ActionCtx, councilId: string, input: ResolutionInput) {
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.id, councilId));
    if (!c) throw notFound('hội đồng nhân dân');
    const voteId = input.voteId;
    if (voteId) {
      const v = await checkPassingVote(tx, councilId, voteId);
      if (input.sessionId && input.sessionId !== v.sessionId) throw invalid('Lần biểu quyết thuộc một kỳ họp khác.');
      if (input.itemId && v.itemId && input.itemId !== v.itemId) throw invalid('Lần biểu quyết là của một nội dung trình khác.');
      input = { ...input, sessionId: v.sessionId, itemId: input.itemId ?? v.itemId };
      const [used] = await tx.select({ title: resolutions.title }).from(resolutions).where(eq(resolutions.voteId, voteId));
      if (used) throw conflict(`Lần biểu quyết này đã thông qua nghị quyết "${used.title}".`);
    }
    await checkSessionAndItem(tx, councilId, input);
    checkAnnounced(input.announced);
    if (input.passedOn > today(ctx.now)) throw invalid('Ngày thông qua không được sau ngày hôm nay.');
    const rules = rule(() => resolutionRulesOn(input.passedOn));
    const shortened = input.shortenedProcedure ?? false;
    const inForceFrom = input.inForceFrom ?? null;
    checkDates({ passedOn: input.passedOn, inForceFrom, normative: input.normative, shortenedProcedure: shortened }, rules.key);
    if (input.itemId) {
      const [dup] = await tx.select({ id: resolutions.id, title: resolutions.title }).from(resolutions).where(eq(resolutions.itemId, input.itemId));
      if (dup) throw conflict(`Nội dung trình này đã có nghị quyết "${dup.title}".`);
    }
    const [row] = await tx.insert(resolutions).values({
      councilId,
      sessionId: input.sessionId ?? null,
      itemId: input.itemId ?? null,
      voteId: input.voteId ?? null,
      announcedFor: input.announced?.for ?? null,
      announcedAgainst: input.announced?.against ?? null,
      announcedAbstain: input.announced?.abstain ?? null,
      announcedTotal: input.announced?.total ?? null,
      title: input.title,
      normative: input.normative,
      shortenedProcedure: shortened,
      content: input.content ?? '',
      passedOn: input.passedOn,
      ruleSetKey: rules.key,
      inForceFrom,
      searchKey: searchKeyOf({ symbol: null, title: input.title }),
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'resolutions.create', entityType: 'resolution', entityId: row!.id, councilId, after: out(row!) });
    return out(row!);
  });
}

/** Edits a resolution's facts while it is not yet certified (after that, only publication and links change). */
export async function updateResolution(ctx: ActionCtx, councilId: string, id: string, patch: Partial<ResolutionInput>) {
  return ctx.db.transaction(async (tx) => {
    const before = await resolutionOf(tx, councilId, id, { lock: true });
    if (before.certifiedOn) throw conflict(`${labelOf(before)} đã được chứng thực; không thể sửa nội dung đã thông qua.`);
    const next = {
      title: patch.title ?? before.title,
      normative: patch.normative ?? before.normative,
      shortenedProcedure: patch.shortenedProcedure ?? before.shortenedProcedure,
      content: patch.content ?? before.content,
      passedOn: patch.passedOn ?? before.passedOn,
      sessionId: patch.sessionId === undefined ? before.sessionId : patch.sessionId,
      itemId: patch.itemId === undefined ? before.itemId : patch.itemId,
      voteId: patch.voteId === undefined ? before.voteId : patch.voteId,
      inForceFrom: patch.inForceFrom === undefined ? before.inForceFrom : patch.inForceFrom,
    };
    if (patch.voteId) {
      const v = await checkPassingVote(tx, councilId, patch.voteId);
      next.sessionId = v.sessionId;
      next.itemId = next.itemId ?? v.itemId;
    }
    await checkSessionAndItem(tx, councilId, next);
    checkAnnounced(patch.announced);
    const rules = rule(() => resolutionRulesOn(next.passedOn));
    checkDates(next, rules.key);
    const announced = patch.announced === undefined ? {} : {
      announcedFor: patch.announced?.for ?? null, announcedAgainst: patch.announced?.against ?? null,
      announcedAbstain: patch.announced?.abstain ?? null, announcedTotal: patch.announced?.total ?? null,
    };
    const [after] = await tx.update(resolutions).set({
      ...next, ...announced, ruleSetKey: rules.key, searchKey: searchKeyOf({ symbol: null, title: next.title }), updatedAt: new Date(),
    }).where(eq(resolutions.id, id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'resolutions.update', entityType: 'resolution', entityId: id, councilId, before: out(before), after: out(after!) });
    return out(after!);
  });
}

export interface CertifyInput {
  /** The day it enters into force (default: the earliest the rule allows). */
  inForceFrom?: string | null;
  /** A number given before the system ("05/2026/NQ-HĐND"): recorded in the register instead of issuing. */
  typedSymbol?: string | null;
  signerName?: string;
}

/**
 * The chair certifies (ký chứng thực, Luật 72/2025 Điều 32 k5) and the resolution is numbered in
 * the council's series: its document is issued through the register (or, for one passed before
 * the system, its typed number is recorded there). In force from the given date, checked.
 */
export async function certifyResolution(ctx: ActionCtx, councilId: string, id: string, input: CertifyInput) {
  return ctx.db.transaction(async (tx) => {
    const before = await resolutionOf(tx, councilId, id, { lock: true });
    if (before.certifiedOn) throw conflict(`${labelOf(before)} đã được chứng thực ngày ${before.certifiedOn.split('-').reverse().join('/')}.`);
    const day = today(ctx.now);
    if (day < before.passedOn) throw invalid('Không thể chứng thực trước ngày thông qua.');
    const rules = rule(() => resolutionRulesOn(before.passedOn));
    const inForceFrom = input.inForceFrom ?? before.inForceFrom ?? earliestInForce(before, rules);
    checkDates({ ...before, inForceFrom }, before.ruleSetKey);
    let number: number;
    let year: number;
    let symbol: string;
    let documentId: string | null = null;
    let numberSource: 'issued' | 'typed';
    // The council's series: one for all its resolutions, or normative ones in their own register.
    const series: CouncilSeries = before.normative && !(await numberingOf(tx, councilId, before.passedOn)).sharedSeries ? 'normative' : 'all';
    // The certified resolution is what the document prints: dates first, then the document.
    await tx.update(resolutions).set({ inForceFrom, certifiedOn: day, certifiedBy: ctx.actor.id, certifiedByName: input.signerName?.trim() || ctx.actor.name }).where(eq(resolutions.id, id));
    if (input.typedSymbol) {
      const parsed = rule(() => parseResolutionSymbol(input.typedSymbol!, before));
      const recorded = await recordTypedNumber(tx, ctx.actor, councilId, input.typedSymbol, before.passedOn, { type: 'resolution', id }, { series });
      if (!recorded) throw invalid(`Số, ký hiệu "${input.typedSymbol}" không thuộc sổ nghị quyết của HĐND này.`);
      ({ number, year } = parsed);
      symbol = input.typedSymbol.trim();
      numberSource = 'typed';
    } else {
      const issuer = await ensureCouncilIssuer(tx, ctx.actor, councilId, series);
      if (before.normative) {
        // Normative symbols carry the year: whichever register numbers it, it goes on after the
        // highest normative number of the year (a series changed mid-year gives no symbol twice).
        const year = Number(todayInVietnam(ctx.now).slice(0, 4));
        const [m] = await tx.select({ n: sql<number | null>`max(${resolutions.number})` }).from(resolutions)
          .where(and(eq(resolutions.councilId, councilId), eq(resolutions.normative, true), eq(resolutions.year, year)));
        await raiseCounter(tx, issuer.id, year, Number(m?.n ?? 0));
      }
      const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, {
        templateKey: RESOLUTION_TEMPLATE_KEY, issuerId: issuer.id,
        params: { resolutionId: id, normative: before.normative, signerName: input.signerName?.trim() || ctx.actor.name },
      });
      ({ number, year, symbol } = doc);
      documentId = doc.id;
      numberSource = 'issued';
    }
    const [dup] = await tx.select({ id: resolutions.id }).from(resolutions).where(and(eq(resolutions.councilId, councilId), eq(resolutions.symbol, symbol)));
    if (dup && dup.id !== id) throw conflict(`Số ${symbol} đã được dùng cho một nghị quyết khác.`);
    const [after] = await tx.update(resolutions).set({
      number, year, symbol, documentId, numberSource, searchKey: searchKeyOf({ symbol, title: before.title }), updatedAt: new Date(),
    }).where(eq(resolutions.id, id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'resolutions.certify', entityType: 'resolution', entityId: id, councilId, before: out(before), after: out(after!) });
    return out(after!);
  });
}

/** Publication (date, where) and the day it was sent to the gazette. */
export async function recordPublication(ctx: ActionCtx, councilId: string, id: string, input: { publishedOn?: string | null; publishedWhere?: string; gazetteSentOn?: string | null }) {
  return ctx.db.transaction(async (tx) => {
    const before = await resolutionOf(tx, councilId, id, { lock: true });
    if (!before.certifiedOn) throw conflict(`${labelOf(before)} chưa được chứng thực; chỉ công bố, gửi đăng công báo nghị quyết đã chứng thực.`);
    const publishedOn = input.publishedOn === undefined ? before.publishedOn : input.publishedOn;
    const gazetteSentOn = input.gazetteSentOn === undefined ? before.gazetteSentOn : input.gazetteSentOn;
    const publishedWhere = input.publishedWhere ?? before.publishedWhere;
    for (const [d, what] of [[publishedOn, 'công bố'], [gazetteSentOn, 'gửi đăng công báo']] as const) {
      if (d && d < before.certifiedOn) throw invalid(`Ngày ${what} không được trước ngày chứng thực (${before.certifiedOn.split('-').reverse().join('/')}).`);
      if (d && d > today(ctx.now)) throw invalid(`Ngày ${what} không được sau ngày hôm nay.`);
    }
    if (publishedOn && !publishedWhere.trim()) throw invalid('Hãy ghi nơi công bố (cổng thông tin điện tử, niêm yết tại trụ sở…).');
    const [after] = await tx.update(resolutions).set({ publishedOn, publishedWhere, gazetteSentOn, updatedAt: new Date() }).where(eq(resolutions.id, id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'resolutions.publish', entityType: 'resolution', entityId: id, councilId, before: out(before), after: out(after!) });
    return out(after!);
  });
}

export interface LinkInput {
  toId: string;
  type: LinkType;
  partial?: boolean;
  provisions?: string;
  effectiveFrom?: string | null;
}

/** A typed link from resolution `fromId` (the later one) to an earlier one, checked against the whole graph. */
export async function addLink(ctx: ActionCtx, councilId: string, fromId: string, input: LinkInput) {
  return ctx.db.transaction(async (tx) => {
    // One link at a time per council: two links added at once cannot close a cycle unseen.
    await tx.execute(sql`select id from ${councils} where ${councils.id} = ${councilId} for update`);
    await resolutionOf(tx, councilId, fromId);
    await resolutionOf(tx, councilId, input.toId);
    const g = await councilGraph(tx, councilId);
    // An amendment is partial by nature; a partial replacement is refused by the rule.
    const partial = input.type === 'amends' ? true : input.partial ?? false;
    const link = { fromId, toId: input.toId, type: input.type, partial, provisions: input.provisions?.trim() ?? '', effectiveFrom: input.effectiveFrom ?? null };
    rule(() => validateLink(link, g.nodes, g.links));
    const [row] = await tx.insert(resolutionLinks).values({ ...link, councilId, createdBy: ctx.actor.id }).returning();
    await recordEvent(tx, ctx.actor, { action: 'resolutions.link.add', entityType: 'resolution', entityId: fromId, councilId, after: out(row!) });
    return out(row!);
  });
}

export async function removeLink(ctx: ActionCtx, councilId: string, fromId: string, linkId: string) {
  return ctx.db.transaction(async (tx) => {
    const [l] = await tx.select().from(resolutionLinks).where(eq(resolutionLinks.id, linkId)).for('update');
    if (!l || l.councilId !== councilId || l.fromId !== fromId) throw notFound('liên kết giữa các nghị quyết');
    await tx.delete(resolutionLinks).where(eq(resolutionLinks.id, linkId));
    await recordEvent(tx, ctx.actor, { action: 'resolutions.link.remove', entityType: 'resolution', entityId: fromId, councilId, before: out(l) });
    return { ok: true as const };
  });
}

// Implementation tasks ---------------------------------------------------------------------------

export interface TaskInput {
  agencyId: string;
  title: string;
  provision?: string;
  assignedOn?: string;
  due: string;
  reportEveryMonths?: number;
}

export async function createTask(ctx: ActionCtx, councilId: string, resolutionId: string, input: TaskInput) {
  return ctx.db.transaction(async (tx) => {
    const r = await resolutionOf(tx, councilId, resolutionId);
    const [a] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId));
    if (!a) throw notFound('cơ quan được giao');
    const assignedOn = input.assignedOn ?? today(ctx.now);
    rule(() => checkTaskDates({ assignedOn, due: input.due, passedOn: r.passedOn }));
    const [row] = await tx.insert(resolutionTasks).values({
      resolutionId, councilId, agencyId: input.agencyId, title: input.title, provision: input.provision ?? '',
      assignedOn, originalDue: input.due, due: input.due, reportEveryMonths: input.reportEveryMonths ?? 0,
    }).returning();
    await projectTask(tx, row!, r);
    await recordEvent(tx, ctx.actor, { action: 'resolutions.task.create', entityType: 'resolution_task', entityId: row!.id, councilId, after: out(row!) });
    return out(row!);
  });
}

/** A new due date (extension): the original due date stays for the statistics. */
export async function updateTask(ctx: ActionCtx, councilId: string, taskId: string, patch: { title?: string; provision?: string; due?: string; reportEveryMonths?: number }) {
  return ctx.db.transaction(async (tx) => {
    const before = await taskOf(tx, { councilId }, taskId, { lock: true });
    if (before.state === 'done' || before.state === 'cancelled') throw conflict('Nhiệm vụ đã kết thúc; hãy mở lại trước khi sửa.');
    const r = await resolutionOf(tx, councilId, before.resolutionId);
    const due = patch.due ?? before.due;
    rule(() => checkTaskDates({ assignedOn: before.assignedOn, due, passedOn: r.passedOn }));
    const [after] = await tx.update(resolutionTasks).set({ ...patch, due, updatedAt: new Date() }).where(eq(resolutionTasks.id, taskId)).returning();
    await projectTask(tx, after!, r);
    await recordEvent(tx, ctx.actor, { action: 'resolutions.task.update', entityType: 'resolution_task', entityId: taskId, councilId, before: out(before), after: out(after!) });
    return out(after!);
  });
}

/** The standing committee's decision on a task: confirm it done, reopen it, or cancel it. */
export async function decideTask(ctx: ActionCtx, councilId: string, taskId: string, input: { action: 'confirm' | 'reopen' | 'cancel'; note?: string }) {
  return ctx.db.transaction(async (tx) => {
    const before = await taskOf(tx, { councilId }, taskId, { lock: true });
    const state: TaskState = rule(() => taskTransition(before.state as TaskState, input.action));
    if (input.action !== 'confirm' && !input.note?.trim()) throw invalid(input.action === 'reopen' ? 'Hãy ghi lý do mở lại nhiệm vụ.' : 'Hãy ghi lý do thôi thực hiện nhiệm vụ.');
    const closedOn = state === 'done' || state === 'cancelled' ? today(ctx.now) : null;
    const [after] = await tx.update(resolutionTasks).set({ state, closedOn, closingNote: input.note?.trim() ?? '', updatedAt: new Date() }).where(eq(resolutionTasks.id, taskId)).returning();
    const r = await resolutionOf(tx, councilId, before.resolutionId);
    await projectTask(tx, after!, r);
    await recordEvent(tx, ctx.actor, { action: `resolutions.task.${input.action}`, entityType: 'resolution_task', entityId: taskId, councilId, before: out(before), after: out(after!) });
    return out(after!);
  });
}

/**
 * A progress report on a task: from the agency through its login (`agencyId` scope, today), or
 * recorded by the secretariat from a paper report (council scope, its date).
 */
export async function fileTaskReport(
  ctx: ActionCtx, scope: { councilId: string } | { agencyId: string }, taskId: string, input: { kind: ReportKind; content: string; reportedOn?: string },
) {
  return ctx.db.transaction(async (tx) => {
    const before = await taskOf(tx, scope, taskId, { lock: true });
    const day = today(ctx.now);
    const reportedOn = 'agencyId' in scope ? day : input.reportedOn ?? day;
    if (reportedOn > day) throw invalid('Ngày báo cáo không được sau ngày hôm nay.');
    if (reportedOn < before.assignedOn) throw invalid('Ngày báo cáo không được trước ngày giao nhiệm vụ.');
    const state: TaskState = rule(() => taskTransition(before.state as TaskState, input.kind === 'completed' ? 'completedReport' : 'report'));
    const [report] = await tx.insert(resolutionTaskReports).values({
      taskId, agencyId: before.agencyId, kind: input.kind, reportedOn, content: input.content,
      filedVia: 'agencyId' in scope ? 'app' : 'paper', filedBy: ctx.actor.id, filedByName: ctx.actor.name,
    }).returning();
    const [after] = await tx.update(resolutionTasks).set({ state, updatedAt: new Date() }).where(eq(resolutionTasks.id, taskId)).returning();
    const r = await resolutionOf(tx, before.councilId, before.resolutionId);
    await projectTask(tx, after!, r);
    await recordEvent(tx, ctx.actor, {
      action: 'resolutions.task.report', entityType: 'resolution_task', entityId: taskId, councilId: before.councilId, before: out(before), after: { task: out(after!), report: out(report!) },
    });
    return out(report!);
  });
}

export type { Resolution };

// Numbering series ---------------------------------------------------------------------------------

/** The council's numbering: its own choice, or the default of the rules in force on `day` (UNVERIFIED). */
export async function numberingOf(db: DbOrTx, councilId: string, day: string) {
  const rules = rule(() => resolutionRulesOn(day));
  const [row] = await db.select().from(resolutionSettings).where(eq(resolutionSettings.councilId, councilId));
  return {
    sharedSeries: row ? row.sharedSeries : rules.sharedSeries,
    isDefault: !row,
    default: { sharedSeries: rules.sharedSeries, source: rules.seriesSource, verified: rules.seriesVerified },
    label: (row ? row.sharedSeries : rules.sharedSeries)
      ? 'Một dãy số cho mọi nghị quyết (nghị quyết quy phạm pháp luật ghi thêm năm)'
      : 'Nghị quyết quy phạm pháp luật có dãy số riêng; nghị quyết cá biệt một dãy số khác',
  };
}

/** The council chooses its numbering series; numbers already given are not changed. */
export async function saveNumbering(ctx: ActionCtx, councilId: string, input: { sharedSeries: boolean }) {
  if (typeof input.sharedSeries !== 'boolean') throw invalid('Hãy chọn dùng chung một dãy số hay dãy số riêng cho nghị quyết quy phạm pháp luật.');
  return ctx.db.transaction(async (tx) => {
    const before = await numberingOf(tx, councilId, today(ctx.now));
    await tx.insert(resolutionSettings).values({ councilId, sharedSeries: input.sharedSeries, updatedBy: ctx.actor.id, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: resolutionSettings.councilId, set: { sharedSeries: input.sharedSeries, updatedBy: ctx.actor.id, updatedAt: ctx.now } });
    await recordEvent(tx, ctx.actor, {
      action: 'resolutions.numbering', entityType: 'resolution_settings', entityId: councilId, councilId,
      before: { sharedSeries: before.sharedSeries, isDefault: before.isDefault }, after: { sharedSeries: input.sharedSeries },
    });
    return numberingOf(tx, councilId, today(ctx.now));
  });
}

// Annual supervision programmes: one per body and year (the council's, adopted by resolution; the
// standing committee's; each committee's and delegate group's; an outside plan entered for the
// overlap check). Adoption checks the overlaps first: adopting over one needs a recorded reason.
// Adoption and every later change are versions (snapshot, conflicts, reason).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { conflict, invalid } from '../../../server/errors.ts';
import type { AuthUser } from '../../../server/permissions.ts';
import { decisionKind, overlapReason, OversightRuleError, type Conflict, type ProgramState } from '../../../domain/oversight/index.ts';
import { recordEvent } from '../../audit/service.ts';
import {
  activityOf, assertMayEdit, bodyOfProgram, conflictsFor, out, programOf, sentencesOf, today,
  type ActionCtx, type ActivitySentence, type Program, type ProgramBodyKind,
} from '../common.ts';
import { oversightActivities, oversightActivitySubjects, oversightProgramVersions, oversightPrograms } from '../schema.ts';

/** An action's context; `user` (the signed-in user) is checked against the programme's body when given. */
export type OversightCtx = ActionCtx & { user?: AuthUser };

export interface ProgramInput {
  bodyKind: ProgramBodyKind;
  bodyId?: string | null;
  externalName?: string | null;
  year: number;
  title?: string;
}

export function mayEdit(ctx: OversightCtx, program: Pick<Program, 'councilId' | 'bodyId' | 'bodyName'>): void {
  if (ctx.user) assertMayEdit(ctx.user, program);
}

export async function createProgram(ctx: OversightCtx, councilId: string, input: ProgramInput) {
  return ctx.db.transaction(async (tx) => {
    const body = await bodyOfProgram(tx, councilId, input);
    mayEdit(ctx, { councilId, bodyId: body.bodyId, bodyName: body.bodyName });
    const [dup] = await tx.select({ id: oversightPrograms.id }).from(oversightPrograms)
      .where(and(eq(oversightPrograms.councilId, councilId), eq(oversightPrograms.bodyKey, body.bodyKey), eq(oversightPrograms.year, input.year)));
    if (dup) throw conflict(`${body.bodyName} đã có chương trình giám sát năm ${input.year}.`);
    const title = input.title?.trim() || `Chương trình giám sát năm ${input.year} của ${body.bodyName}`;
    const [row] = await tx.insert(oversightPrograms).values({
      councilId, bodyKind: input.bodyKind, bodyId: body.bodyId, bodyName: body.bodyName, bodyKey: body.bodyKey, year: input.year, title,
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'oversight_program.create', entityType: 'oversight_program', entityId: row!.id, councilId, after: row });
    return out(row!);
  });
}

/** The activities of a programme as a version snapshot records them. */
export async function snapshotOf(tx: Tx, programId: string) {
  const acts = await tx.select().from(oversightActivities).where(eq(oversightActivities.programId, programId)).orderBy(asc(oversightActivities.startDate), asc(oversightActivities.title));
  const subs = acts.length
    ? await tx.select().from(oversightActivitySubjects).where(inArray(oversightActivitySubjects.activityId, acts.map((a) => a.id)))
    : [];
  return acts.map((a) => ({
    id: a.id, kind: a.kind, title: a.title, startDate: a.startDate, endDate: a.endDate, state: a.state, fieldIds: a.fieldIds,
    subjectAgencyIds: subs.filter((s) => s.activityId === a.id).map((s) => s.agencyId).sort(),
  }));
}

/** The conflicts of a programme's activities with every other activity of the picture, with their sentences. */
export async function programConflicts(tx: Tx, program: Program): Promise<(ActivitySentence & { activityId: string; activityTitle: string })[]> {
  const ids = (await tx.select({ id: oversightActivities.id }).from(oversightActivities).where(eq(oversightActivities.programId, program.id))).map((r) => r.id);
  if (!ids.length) return [];
  const mine = new Set(ids);
  const { activities, conflicts } = await conflictsFor(tx, program.councilId, program.year, mine);
  const title = new Map(activities.map((a) => [a.id, a.title]));
  return ids.flatMap((id) => sentencesOf(id, conflicts, activities)
    // a conflict inside the programme is listed once, on its first activity
    .filter((s) => !(mine.has(s.otherActivityId) && s.otherActivityId < id))
    .map((s) => ({ ...s, activityId: id, activityTitle: title.get(id) ?? '' })));
}

async function recordVersion(
  tx: Tx, ctx: OversightCtx, program: Program,
  v: { kind: 'adopted' | 'amended'; decidedOn: string; resolutionNumber: string; overlapReason: string; note: string; conflicts: unknown[] },
) {
  const [{ n }] = (await tx.select({ n: sql<number>`coalesce(max(${oversightProgramVersions.version}), 0)::int` })
    .from(oversightProgramVersions).where(eq(oversightProgramVersions.programId, program.id))) as [{ n: number }];
  const [row] = await tx.insert(oversightProgramVersions).values({
    programId: program.id, version: n + 1, kind: v.kind, decidedOn: v.decidedOn, resolutionNumber: v.resolutionNumber,
    snapshot: await snapshotOf(tx, program.id), conflicts: v.conflicts, overlapReason: v.overlapReason, note: v.note, decidedBy: ctx.actor.id,
  }).returning();
  return row!;
}

/** The reason to record (domain overlapReason); refused as a 409 carrying the conflicts, so the form shows them. */
export function reasonOver<C extends { type: Conflict['type'] }>(conflicts: C[], reason: string | undefined, message: string): string {
  try {
    return overlapReason(conflicts, reason);
  } catch (err) {
    if (err instanceof OversightRuleError) throw conflict(message, { code: err.code, conflicts });
    throw err;
  }
}

export interface AdoptInput {
  adoptedOn?: string;
  resolutionNumber?: string;
  /** Required when the programme overlaps another body's activities. */
  overlapReason?: string;
  note?: string;
}

/** Adopts a draft programme (the overlap check runs first), or records an amendment of an adopted one. */
export async function adoptProgram(ctx: OversightCtx, councilId: string, programId: string, input: AdoptInput) {
  return ctx.db.transaction(async (tx) => {
    const program = await programOf(tx, councilId, programId, { lock: true });
    mayEdit(ctx, program);
    const day = today(ctx.now);
    const on = input.adoptedOn ?? day;
    if (on > day) throw invalid('Ngày thông qua không được sau hôm nay.');
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(oversightActivities).where(eq(oversightActivities.programId, program.id))) as [{ n: number }];
    if (n === 0) throw conflict('Chương trình chưa có hoạt động giám sát nào.');
    const conflicts = await programConflicts(tx, program);
    const overlaps = conflicts.filter((c) => c.type === 'overlap').length;
    const reason = reasonOver(conflicts, input.overlapReason, `Chương trình có ${overlaps} hoạt động trùng lặp với hoạt động giám sát khác. Hãy điều chỉnh, hoặc ghi rõ lý do vẫn thông qua.`);
    const kind = decisionKind(program.state as ProgramState);
    const resolutionNumber = input.resolutionNumber?.trim() ?? program.resolutionNumber;
    if (program.bodyKind === 'council' && kind === 'adopted' && !resolutionNumber) {
      throw invalid('Chương trình giám sát của HĐND được thông qua bằng nghị quyết: hãy nhập số nghị quyết.');
    }
    const version = await recordVersion(tx, ctx, program, { kind, decidedOn: on, resolutionNumber, overlapReason: reason, note: input.note?.trim() ?? '', conflicts });
    const [row] = await tx.update(oversightPrograms).set({
      state: kind, adoptedOn: kind === 'adopted' ? on : program.adoptedOn, resolutionNumber, version: program.version + 1, updatedAt: new Date(),
    }).where(eq(oversightPrograms.id, program.id)).returning();
    if (reason) {
      const ids = [...new Set(conflicts.filter((c) => c.type === 'overlap').map((c) => c.activityId))];
      if (ids.length) await tx.update(oversightActivities).set({ overlapReason: reason, updatedAt: new Date() }).where(inArray(oversightActivities.id, ids));
    }
    await recordEvent(tx, ctx.actor, {
      action: kind === 'adopted' ? 'oversight_program.adopt' : 'oversight_program.amend', entityType: 'oversight_program', entityId: program.id, councilId,
      before: program, after: { ...row, version: version.version, conflicts: conflicts.map((c) => c.sentence), overlapReason: reason },
    });
    return { ...out(row!), versionRecord: out(version), conflicts };
  });
}

/** Publishes (or withdraws) an adopted programme on the public pages. */
export async function publishProgram(ctx: OversightCtx, councilId: string, programId: string, input: { published: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const program = await programOf(tx, councilId, programId, { lock: true });
    mayEdit(ctx, program);
    if (input.published && program.state === 'draft') throw conflict('Chỉ công khai chương trình đã được thông qua.');
    const [row] = await tx.update(oversightPrograms).set({ publishedAt: input.published ? ctx.now : null, updatedAt: new Date() }).where(eq(oversightPrograms.id, program.id)).returning();
    await recordEvent(tx, ctx.actor, { action: input.published ? 'oversight_program.publish' : 'oversight_program.unpublish', entityType: 'oversight_program', entityId: program.id, councilId, before: program, after: row });
    return out(row!);
  });
}

export { activityOf };

// Activities of a programme: created and changed with the overlap check run on every change (the
// answer carries the conflicts with their sentences: a warning, never a block, while the
// programme is a draft). Changing an adopted programme is an amendment: it needs a note, and a
// reason when the change overlaps another body's activity; it is recorded as a version.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../domain/oversight/index.ts';
import { recordEvent } from '../../audit/service.ts';
import { agencies } from '../../directory/schema.ts';
import { petitionFields } from '../../petitions/schema.ts';
import { activityOf, conflictsFor, out, programOf, sentencesOf, today, type Activity, type Program } from '../common.ts';
import { oversightActivities, oversightActivitySubjects, oversightPrograms, oversightProgramVersions } from '../schema.ts';
import { mayEdit, reasonOver, snapshotOf, type OversightCtx } from './programs.ts';

export interface ActivityInput {
  kind: ActivityKind;
  title: string;
  content?: string;
  scope?: string;
  plan?: string;
  fieldIds?: string[];
  subjectAgencyIds: string[];
  startDate: string;
  endDate: string;
  /** For an adopted programme: what changed and why (recorded in the amendment). */
  changeNote?: string;
  /** For an adopted programme: why the change is kept although it overlaps another activity. */
  overlapReason?: string;
  proposalId?: string | null;
}

function checkInput(program: Program, input: Partial<ActivityInput>, merged: { startDate: string; endDate: string }) {
  if (input.kind !== undefined && !(ACTIVITY_KINDS as readonly string[]).includes(input.kind)) throw invalid('Loại hoạt động giám sát không hợp lệ.');
  if (merged.endDate < merged.startDate) throw invalid('Ngày kết thúc không được trước ngày bắt đầu.');
  const years = [merged.startDate.slice(0, 4), merged.endDate.slice(0, 4)];
  if (years.some((y) => Number(y) !== program.year)) throw invalid(`Thời gian hoạt động phải nằm trong năm ${program.year} của chương trình.`);
  if (input.subjectAgencyIds !== undefined && input.subjectAgencyIds.length === 0) throw invalid('Hãy chọn ít nhất một cơ quan, đơn vị chịu giám sát.');
}

async function checkRefs(tx: Tx, councilId: string, input: Partial<ActivityInput>) {
  if (input.subjectAgencyIds?.length) {
    const ids = [...new Set(input.subjectAgencyIds)];
    const found = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids));
    if (found.length !== ids.length) throw notFound('cơ quan chịu giám sát');
  }
  if (input.fieldIds?.length) {
    const ids = [...new Set(input.fieldIds)];
    const found = await tx.select({ id: petitionFields.id }).from(petitionFields).where(and(inArray(petitionFields.id, ids), eq(petitionFields.councilId, councilId)));
    if (found.length !== ids.length) throw notFound('lĩnh vực của HĐND này');
  }
}

async function setSubjects(tx: Tx, activityId: string, agencyIds: string[]) {
  await tx.delete(oversightActivitySubjects).where(eq(oversightActivitySubjects.activityId, activityId));
  const ids = [...new Set(agencyIds)];
  if (ids.length) await tx.insert(oversightActivitySubjects).values(ids.map((agencyId) => ({ activityId, agencyId })));
}

/** The activity's conflicts after the change; on an adopted programme, the amendment is recorded (reason required over an overlap). */
async function afterChange(tx: Tx, ctx: OversightCtx, program: Program, activity: Activity, input: Partial<ActivityInput>) {
  const { activities, conflicts } = await conflictsFor(tx, program.councilId, program.year, new Set([activity.id]));
  const sentences = sentencesOf(activity.id, conflicts, activities);
  if (program.state === 'draft') return { sentences, amended: false };
  const note = (input.changeNote ?? '').trim();
  if (!note) throw invalid('Chương trình đã được thông qua: hãy ghi nội dung điều chỉnh.');
  const reason = reasonOver(sentences, input.overlapReason, 'Điều chỉnh này làm hoạt động trùng lặp với hoạt động giám sát khác. Hãy ghi rõ lý do vẫn điều chỉnh.');
  if (reason) await tx.update(oversightActivities).set({ overlapReason: reason }).where(eq(oversightActivities.id, activity.id));
  const versions = await tx.select({ v: oversightProgramVersions.version }).from(oversightProgramVersions).where(eq(oversightProgramVersions.programId, program.id));
  await tx.insert(oversightProgramVersions).values({
    programId: program.id, version: Math.max(0, ...versions.map((r) => r.v)) + 1, kind: 'amended', decidedOn: today(ctx.now),
    resolutionNumber: program.resolutionNumber, snapshot: await snapshotOf(tx, program.id), conflicts: sentences, overlapReason: reason, note, decidedBy: ctx.actor.id,
  });
  await tx.update(oversightPrograms).set({ state: 'amended', version: program.version + 1, updatedAt: new Date() }).where(eq(oversightPrograms.id, program.id));
  return { sentences, amended: true };
}

/** Adds an activity to a programme; answers the activity and its conflicts (with their sentences). */
export async function createActivity(ctx: OversightCtx, councilId: string, programId: string, input: ActivityInput) {
  return ctx.db.transaction((tx) => createActivityTx(tx, ctx, councilId, programId, input));
}

/** createActivity inside the caller's transaction (accepting a topic proposal). */
export async function createActivityTx(tx: Tx, ctx: OversightCtx, councilId: string, programId: string, input: ActivityInput) {
  {
    const program = await programOf(tx, councilId, programId, { lock: true });
    mayEdit(ctx, program);
    checkInput(program, input, input);
    await checkRefs(tx, councilId, input);
    const [row] = await tx.insert(oversightActivities).values({
      programId, councilId, bodyKind: program.bodyKind, bodyId: program.bodyId, year: program.year, kind: input.kind, title: input.title.trim(),
      content: input.content?.trim() ?? '', scope: input.scope?.trim() ?? '', plan: input.plan?.trim() ?? '', fieldIds: [...new Set(input.fieldIds ?? [])],
      startDate: input.startDate, endDate: input.endDate, proposalId: input.proposalId ?? null,
    }).returning();
    await setSubjects(tx, row!.id, input.subjectAgencyIds);
    const { sentences, amended } = await afterChange(tx, ctx, program, row!, input);
    await recordEvent(tx, ctx.actor, {
      action: 'oversight_activity.create', entityType: 'oversight_activity', entityId: row!.id, councilId,
      after: { ...row, subjectAgencyIds: input.subjectAgencyIds, conflicts: sentences.map((s) => s.sentence), amended },
    });
    return { activity: out((await activityOf(tx, councilId, row!.id))), subjectAgencyIds: [...new Set(input.subjectAgencyIds)], conflicts: sentences, amended };
  }
}

/** Changes an activity (dates, subjects, topic…); the overlap check runs again. */
export async function updateActivity(ctx: OversightCtx, councilId: string, activityId: string, input: Partial<ActivityInput> & { version: number }) {
  return ctx.db.transaction(async (tx) => {
    const before = await activityOf(tx, councilId, activityId, { lock: true });
    const program = await programOf(tx, councilId, before.programId, { lock: true });
    mayEdit(ctx, program);
    if (before.version !== input.version) throw conflict('Hoạt động này vừa được người khác chỉnh sửa. Vui lòng tải lại rồi thực hiện lại.');
    if (before.state === 'cancelled' || before.state === 'closed') throw conflict('Hoạt động đã kết thúc hoặc đã hủy, không sửa được.');
    const merged = { startDate: input.startDate ?? before.startDate, endDate: input.endDate ?? before.endDate };
    checkInput(program, input, merged);
    await checkRefs(tx, councilId, input);
    const [row] = await tx.update(oversightActivities).set({
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.content !== undefined ? { content: input.content.trim() } : {}),
      ...(input.scope !== undefined ? { scope: input.scope.trim() } : {}),
      ...(input.plan !== undefined ? { plan: input.plan.trim() } : {}),
      ...(input.fieldIds !== undefined ? { fieldIds: [...new Set(input.fieldIds)] } : {}),
      ...merged,
      version: before.version + 1,
      updatedAt: new Date(),
    }).where(eq(oversightActivities.id, activityId)).returning();
    if (input.subjectAgencyIds !== undefined) await setSubjects(tx, activityId, input.subjectAgencyIds);
    const { sentences, amended } = await afterChange(tx, ctx, program, row!, input);
    await recordEvent(tx, ctx.actor, {
      action: 'oversight_activity.update', entityType: 'oversight_activity', entityId: activityId, councilId,
      before, after: { ...row, conflicts: sentences.map((s) => s.sentence), amended },
    });
    return { activity: out(await activityOf(tx, councilId, activityId)), conflicts: sentences, amended };
  });
}

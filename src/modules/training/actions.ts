// Actions of the training module. Each is one function: validate (zod in the route, the rules
// here), one transaction, one audit event.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import { checkFileContent, type FileKind, type UploadedFile } from '../../server/upload.ts';
import { fold } from '../../domain/text/normalize.ts';
import { audienceOf, shareInForce, type AudienceRule } from '../../domain/training/index.ts';
import { recordEvent } from '../audit/service.ts';
import { bodies, delegates, terms } from '../directory/schema.ts';
import { documentDownloadPath, issueDocumentTx } from '../documents/service.ts';
import { lowerCouncilsAt } from '../dashboards/queries/lowerCouncils.ts';
import { classFacts, classOf, councilShare, courseOf, currentTerm, delegatesOf, domain, out, today, type ActionCtx, type DbOrTx } from './common.ts';
import { trainingAttendance, trainingClasses, trainingCourses, trainingEnrolments, trainingMaterials, trainingSessions } from './schema.ts';
import { TRAINING_CERTIFICATE_TEMPLATE } from './certificate.ts';

export interface CourseInput {
  /** Default: the council's term in force today. */
  termId?: string | undefined;
  title: string;
  programme?: string;
  host?: string;
  mode?: 'in_person' | 'online' | 'mixed';
  description?: string;
  audience: AudienceRule[];
  required?: boolean;
  completionShare?: number | null;
}

async function checkAudience(tx: DbOrTx, councilId: string, rules: AudienceRule[]) {
  const bodyIds = rules.flatMap((r) => (r.kind === 'body' ? [r.bodyId] : []));
  if (!bodyIds.length) return;
  const found = await tx.select({ id: bodies.id }).from(bodies).where(and(inArray(bodies.id, bodyIds), eq(bodies.councilId, councilId)));
  if (found.length !== new Set(bodyIds).size) throw invalid('Đối tượng phải tham dự: cơ quan được chọn không thuộc Hội đồng nhân dân này.');
}

export function createCourse(ctx: ActionCtx, councilId: string, input: CourseInput) {
  return ctx.db.transaction(async (tx) => {
    const [term] = input.termId ? await tx.select().from(terms).where(and(eq(terms.id, input.termId), eq(terms.councilId, councilId))) : [await currentTerm(tx, councilId, Number(today(ctx.now).slice(0, 4)))];
    if (!term) throw invalid('Nhiệm kỳ không thuộc Hội đồng nhân dân này.');
    if (input.required !== false && input.audience.length === 0) throw invalid('Khóa bồi dưỡng bắt buộc cần ít nhất một đối tượng phải tham dự.');
    await checkAudience(tx, councilId, input.audience);
    if (input.completionShare != null) domain(() => shareInForce(input.completionShare));
    const [row] = await tx.insert(trainingCourses).values({
      councilId, termId: term.id, title: input.title, programme: input.programme ?? '', host: input.host ?? '', mode: input.mode ?? 'in_person',
      description: input.description ?? '', audience: input.audience, required: input.required ?? true, completionShare: input.completionShare ?? null,
      searchKey: fold(`${input.title} ${input.programme ?? ''} ${input.host ?? ''}`), createdById: ctx.actor.id,
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'training_course.create', entityType: 'training_course', entityId: row!.id, councilId, after: { title: row!.title, termId: row!.termId, audience: row!.audience, required: row!.required, completionShare: row!.completionShare } });
    return out(row!);
  });
}

export const MATERIAL_KINDS: FileKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'];

/** A material of the course's library: the file is checked by its content, never by its name. */
export async function addMaterial(ctx: ActionCtx, councilId: string, courseId: string, file: UploadedFile, input: { title?: string }) {
  const { mimeType } = checkFileContent(file, MATERIAL_KINDS);
  return ctx.db.transaction(async (tx) => {
    await courseOf(tx, councilId, courseId);
    const title = input.title?.trim() || file.name.replace(/\.[^.]+$/, '');
    const [row] = await tx.insert(trainingMaterials).values({
      courseId, title: title.slice(0, 300), fileName: file.name.slice(0, 200), mimeType, size: file.data.length, content: file.data, uploadedById: ctx.actor.id, createdAt: ctx.now,
    }).returning({ id: trainingMaterials.id, title: trainingMaterials.title, fileName: trainingMaterials.fileName, mimeType: trainingMaterials.mimeType, size: trainingMaterials.size, createdAt: trainingMaterials.createdAt });
    await recordEvent(tx, ctx.actor, { action: 'training_material.create', entityType: 'training_material', entityId: row!.id, councilId, after: { ...row, courseId } });
    return out(row!);
  });
}

export interface ClassInput {
  kind: 'trainers' | 'local' | 'regular';
  parentClassId?: string | null;
  title: string;
  place?: string;
  link?: string;
  startsOn: string;
  endsOn: string;
  trainers?: { name: string; delegateId?: string | null }[];
  sessions?: { heldOn: string; topic: string }[];
}

/** Opens a class of a course; a local class relays a trainers' class (here or in the council above) and is taught by its trainees. */
export function createClass(ctx: ActionCtx, councilId: string, courseId: string, input: ClassInput) {
  return ctx.db.transaction(async (tx) => {
    const course = await courseOf(tx, councilId, courseId);
    if (input.startsOn > input.endsOn) throw invalid('Ngày bắt đầu lớp phải trước hoặc bằng ngày kết thúc.');
    const trainers = (input.trainers ?? []).map((t) => ({ name: t.name.trim(), delegateId: t.delegateId ?? null }));
    let parent: typeof trainingClasses.$inferSelect | undefined;
    if (input.kind === 'local') {
      if (!input.parentClassId) throw invalid('Lớp nhân rộng phải gắn với lớp bồi dưỡng báo cáo viên mà nó nhân rộng.');
      [parent] = await tx.select().from(trainingClasses).where(eq(trainingClasses.id, input.parentClassId));
      if (!parent) throw notFound('lớp bồi dưỡng báo cáo viên');
      if (parent.kind !== 'trainers') throw invalid('Lớp được nhân rộng phải là lớp bồi dưỡng báo cáo viên.');
      if (parent.councilId !== councilId) {
        const lower = await lowerCouncilsAt(tx as never, parent.councilId, today(ctx.now));
        if (!lower.some((l) => l.council_id === councilId)) throw invalid('Lớp bồi dưỡng báo cáo viên phải của Hội đồng nhân dân này hoặc của Hội đồng nhân dân cấp trên trực tiếp.');
      }
      if (input.startsOn < parent.startsOn) throw invalid('Lớp nhân rộng không thể bắt đầu trước lớp bồi dưỡng báo cáo viên.');
      if (!trainers.length) throw invalid('Lớp nhân rộng cần ít nhất một báo cáo viên đã học lớp bồi dưỡng báo cáo viên.');
      const ids = trainers.map((t) => t.delegateId);
      if (ids.some((id) => !id)) throw invalid('Báo cáo viên của lớp nhân rộng phải là người đã học lớp bồi dưỡng báo cáo viên (chọn từ danh sách học viên).');
      const taught = await tx.select({ delegateId: trainingEnrolments.delegateId }).from(trainingEnrolments)
        .where(and(eq(trainingEnrolments.classId, parent.id), inArray(trainingEnrolments.delegateId, ids as string[]), sql`${trainingEnrolments.state} <> 'excused'`));
      const ok = new Set(taught.map((t) => t.delegateId));
      const missing = trainers.filter((t) => !ok.has(t.delegateId!));
      if (missing.length) throw invalid(`Không phải học viên của lớp bồi dưỡng báo cáo viên "${parent.title}": ${missing.map((m) => m.name).join(', ')}.`);
    } else if (input.parentClassId) {
      throw invalid('Chỉ lớp nhân rộng mới gắn với một lớp bồi dưỡng báo cáo viên.');
    }
    const sessions = input.sessions ?? [];
    for (const s of sessions) if (s.heldOn < input.startsOn || s.heldOn > input.endsOn) throw invalid(`Buổi học ngày ${s.heldOn.split('-').reverse().join('/')} nằm ngoài thời gian của lớp.`);
    const [row] = await tx.insert(trainingClasses).values({
      councilId, courseId: course.id, kind: input.kind, parentClassId: parent?.id ?? null, title: input.title, place: input.place ?? '', link: input.link ?? '',
      startsOn: input.startsOn, endsOn: input.endsOn, trainers, state: 'open', createdById: ctx.actor.id,
    }).returning();
    if (sessions.length) {
      await tx.insert(trainingSessions).values([...sessions].sort((a, b) => a.heldOn.localeCompare(b.heldOn)).map((s, i) => ({ classId: row!.id, position: i + 1, heldOn: s.heldOn, topic: s.topic })));
    }
    await recordEvent(tx, ctx.actor, { action: 'training_class.create', entityType: 'training_class', entityId: row!.id, councilId, after: { ...out(row!), sessions: sessions.length } });
    return out(row!);
  });
}

export function addSession(ctx: ActionCtx, councilId: string, classId: string, input: { heldOn: string; topic: string }) {
  return ctx.db.transaction(async (tx) => {
    const cl = await classOf(tx, councilId, classId, { lock: true });
    if (cl.state === 'finished') throw conflict('Lớp đã kết thúc, không thêm buổi học.');
    if (input.heldOn < cl.startsOn || input.heldOn > cl.endsOn) throw invalid('Ngày học nằm ngoài thời gian của lớp.');
    const [m] = await tx.select({ n: sql<number>`coalesce(max(${trainingSessions.position}), 0)::int` }).from(trainingSessions).where(eq(trainingSessions.classId, classId));
    const [row] = await tx.insert(trainingSessions).values({ classId, position: (m?.n ?? 0) + 1, heldOn: input.heldOn, topic: input.topic }).returning();
    await recordEvent(tx, ctx.actor, { action: 'training_session.create', entityType: 'training_session', entityId: row!.id, councilId, after: out(row!) });
    return out(row!);
  });
}

const NEXT_STATES: Record<string, string[]> = { planned: ['open', 'running', 'finished'], open: ['running', 'finished'], running: ['finished'], finished: [] };

export function setClassState(ctx: ActionCtx, councilId: string, classId: string, state: 'open' | 'running' | 'finished') {
  return ctx.db.transaction(async (tx) => {
    const cl = await classOf(tx, councilId, classId, { lock: true });
    if (!NEXT_STATES[cl.state]?.includes(state)) throw conflict('Không chuyển được lớp về trạng thái này (lớp chỉ đi tiếp: dự kiến → ghi danh → đang học → kết thúc).');
    const [row] = await tx.update(trainingClasses).set({ state, updatedAt: ctx.now }).where(eq(trainingClasses.id, classId)).returning();
    await recordEvent(tx, ctx.actor, { action: 'training_class.state', entityType: 'training_class', entityId: classId, councilId, before: { state: cl.state }, after: { state } });
    return out(row!);
  });
}

async function courseShareOf(tx: DbOrTx, councilId: string, course: typeof trainingCourses.$inferSelect) {
  const c = await councilShare(tx, councilId);
  return domain(() => shareInForce(course.completionShare, c)).share;
}

/** Bulk: every delegate of the course's required audience not yet in the class (and, unless asked, not already done with the course). */
export function enrolAudience(ctx: ActionCtx, councilId: string, classId: string, input: { includeCompleted?: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const cl = await classOf(tx, councilId, classId, { lock: true });
    if (cl.state === 'finished') throw conflict('Lớp đã kết thúc, không ghi danh thêm.');
    const course = await courseOf(tx, councilId, cl.courseId);
    const audience = audienceOf(await delegatesOf(tx, [councilId], [course.termId]), course.audience as AudienceRule[], course.termId);
    const share = await courseShareOf(tx, councilId, course);
    const { enrolments } = await classFacts(tx, [course], today(ctx.now), () => share, { delegateIds: audience.map((d) => d.id) });
    const here = new Set(enrolments.filter((e) => e.classId === classId).map((e) => e.delegateId));
    const done = new Set(enrolments.filter((e) => e.completion.state === 'completed').map((e) => e.delegateId));
    const add = audience.filter((d) => !here.has(d.id) && (input.includeCompleted || !done.has(d.id)));
    if (add.length) await tx.insert(trainingEnrolments).values(add.map((d) => ({ classId, delegateId: d.id, state: 'enrolled', source: 'audience' })));
    const result = { audience: audience.length, added: add.length, alreadyEnrolled: audience.filter((d) => here.has(d.id)).length, alreadyCompleted: audience.filter((d) => !here.has(d.id) && done.has(d.id) && !input.includeCompleted).length };
    await recordEvent(tx, ctx.actor, { action: 'training_class.enrol_audience', entityType: 'training_class', entityId: classId, councilId, after: { ...result, delegateIds: add.map((d) => d.id) } });
    return result;
  });
}

/** One delegate: of this council, or for a trainers' class also of a council directly below. */
export function enrolDelegate(ctx: ActionCtx, councilId: string, classId: string, input: { delegateId: string }) {
  return ctx.db.transaction(async (tx) => {
    const cl = await classOf(tx, councilId, classId, { lock: true });
    if (cl.state === 'finished') throw conflict('Lớp đã kết thúc, không ghi danh thêm.');
    const [d] = await tx.select().from(delegates).where(eq(delegates.id, input.delegateId));
    if (!d) throw notFound('đại biểu');
    if (d.councilId !== councilId) {
      const lower = cl.kind === 'trainers' ? await lowerCouncilsAt(tx as never, councilId, today(ctx.now)) : [];
      if (!lower.some((l) => l.council_id === d.councilId)) throw invalid(cl.kind === 'trainers' ? 'Học viên lớp báo cáo viên phải là đại biểu của Hội đồng nhân dân này hoặc của Hội đồng nhân dân cấp dưới trực tiếp.' : 'Đại biểu không thuộc Hội đồng nhân dân này.');
    }
    if (d.status !== 'active') throw invalid('Đại biểu đã thôi làm nhiệm vụ, không ghi danh được.');
    const [taken] = await tx.select({ id: trainingEnrolments.id }).from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.delegateId, d.id)));
    if (taken) throw conflict(`Đại biểu ${d.fullName} đã được ghi danh vào lớp này.`);
    const [row] = await tx.insert(trainingEnrolments).values({ classId, delegateId: d.id, state: 'enrolled', source: 'individual' }).returning();
    await recordEvent(tx, ctx.actor, { action: 'training_enrolment.create', entityType: 'training_enrolment', entityId: row!.id, councilId, after: { classId, delegateId: d.id } });
    return out(row!);
  });
}

async function enrolmentOf(tx: DbOrTx, councilId: string, enrolmentId: string) {
  const [r] = await tx.select({ e: trainingEnrolments, cl: trainingClasses }).from(trainingEnrolments)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .where(and(eq(trainingEnrolments.id, enrolmentId), eq(trainingClasses.councilId, councilId)));
  if (!r) throw notFound('ghi danh');
  return r;
}

export function excuseEnrolment(ctx: ActionCtx, councilId: string, enrolmentId: string, input: { reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const { e } = await enrolmentOf(tx, councilId, enrolmentId);
    const [row] = await tx.update(trainingEnrolments).set({ state: 'excused', reason: input.reason, updatedAt: ctx.now }).where(eq(trainingEnrolments.id, e.id)).returning();
    await recordEvent(tx, ctx.actor, { action: 'training_enrolment.excuse', entityType: 'training_enrolment', entityId: e.id, councilId, before: { state: e.state }, after: { state: 'excused', reason: input.reason } });
    return out(row!);
  });
}

export interface Mark { delegateId: string; status: 'present' | 'absent_excused' | 'absent'; channel?: 'in_person' | 'online' }

/** Marks attendance of one session (a mark per enrolled delegate; marking again replaces it). */
export function markAttendance(ctx: ActionCtx, councilId: string, sessionId: string, input: { marks: Mark[] }) {
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select({ s: trainingSessions, cl: trainingClasses }).from(trainingSessions)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingSessions.classId))
      .where(and(eq(trainingSessions.id, sessionId), eq(trainingClasses.councilId, councilId)));
    if (!s) throw notFound('buổi học');
    if (s.s.heldOn > today(ctx.now)) throw invalid(`Buổi học ngày ${s.s.heldOn.split('-').reverse().join('/')} chưa diễn ra: chưa điểm danh được.`);
    if (new Set(input.marks.map((m) => m.delegateId)).size !== input.marks.length) throw invalid('Mỗi đại biểu chỉ có một dòng điểm danh.');
    const ens = await tx.select().from(trainingEnrolments).where(eq(trainingEnrolments.classId, s.cl.id));
    const byDelegate = new Map(ens.map((e) => [e.delegateId, e]));
    const unknown = input.marks.filter((m) => !byDelegate.has(m.delegateId));
    if (unknown.length) throw invalid(`Có ${unknown.length} người được điểm danh chưa ghi danh vào lớp này.`);
    for (const m of input.marks) {
      await tx.insert(trainingAttendance).values({ sessionId, enrolmentId: byDelegate.get(m.delegateId)!.id, status: m.status, channel: m.channel ?? 'in_person', markedById: ctx.actor.id, markedAt: ctx.now })
        .onConflictDoUpdate({ target: [trainingAttendance.sessionId, trainingAttendance.enrolmentId], set: { status: m.status, channel: m.channel ?? 'in_person', markedById: ctx.actor.id, markedAt: ctx.now } });
    }
    // The first marks start the class.
    if (s.cl.state === 'planned' || s.cl.state === 'open') await tx.update(trainingClasses).set({ state: 'running', updatedAt: ctx.now }).where(eq(trainingClasses.id, s.cl.id));
    const counts = { present: input.marks.filter((m) => m.status === 'present').length, absentExcused: input.marks.filter((m) => m.status === 'absent_excused').length, absent: input.marks.filter((m) => m.status === 'absent').length };
    await recordEvent(tx, ctx.actor, { action: 'training_session.attendance', entityType: 'training_session', entityId: sessionId, councilId, after: { classId: s.cl.id, ...counts, marks: input.marks } });
    return { sessionId, ...counts };
  });
}

/** The certificate (Giấy chứng nhận, ND30) of a delegate who completed a class: numbered in the register, linked from the enrolment. */
export function issueCertificate(ctx: ActionCtx, councilId: string, enrolmentId: string, input: { signerId?: string; signerName?: string; signerTitle?: string }) {
  return ctx.db.transaction(async (tx) => {
    const { e, cl } = await enrolmentOf(tx, councilId, enrolmentId);
    if (e.certificateDocumentId) throw conflict('Đại biểu đã được cấp giấy chứng nhận của lớp này.');
    const course = await courseOf(tx, councilId, cl.courseId);
    const share = await courseShareOf(tx, councilId, course);
    const { enrolments } = await classFacts(tx, [course], today(ctx.now), () => share, { delegateIds: [e.delegateId] });
    const mine = enrolments.find((x) => x.id === e.id)!;
    if (mine.completion.state !== 'completed') {
      throw invalid(`Đại biểu chưa hoàn thành lớp: mới tham dự ${mine.completion.present}/${mine.completion.sessionCount} buổi, cần ít nhất ${mine.completion.needed} buổi.`);
    }
    const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, { templateKey: TRAINING_CERTIFICATE_TEMPLATE, params: { enrolmentId, ...input } });
    await tx.update(trainingEnrolments).set({ certificateDocumentId: doc.id, updatedAt: ctx.now }).where(eq(trainingEnrolments.id, e.id));
    await recordEvent(tx, ctx.actor, { action: 'training_enrolment.certificate', entityType: 'training_enrolment', entityId: e.id, councilId, after: { documentId: doc.id, symbol: doc.symbol } });
    return { id: doc.id, symbol: doc.symbol, fileName: doc.fileName, downloadPath: documentDownloadPath(councilId, doc.id) };
  });
}

/** Sessions of a class in order (for the certificate and the class page). */
export async function sessionsOf(db: DbOrTx, classId: string) {
  return db.select().from(trainingSessions).where(eq(trainingSessions.classId, classId)).orderBy(asc(trainingSessions.position));
}

// An activity from its founding decision to the files the supervised bodies upload: the founding
// decision (subjects, scope, content, plan, team, dates) issued as an ND30 document through the
// documents engine; the notices owed to each supervised body with their due dates under the rule
// set in force on the founding day (kept for the activity's life); the working sessions (which
// move the schedule notice's due date); the reports and files the bodies upload with their login.
import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { checkFileContent, type FileKind, type UploadedFile } from '../../../server/upload.ts';
import { FileLimit } from '../../../server/input.ts';
import {
  ACTIVITY_KIND_LABELS, OVERSIGHT_STEP_LABELS, ruleSetOfActivity, stepDueDate, stepsOfActivity,
  type ActivityKind, type OversightStep, type SupervisingBodyKind,
} from '../../../domain/oversight/index.ts';
import { formatViDate, documentKindInfo, upperVi } from '../../../domain/documents/format.ts';
import { recordEvent } from '../../audit/service.ts';
import { agencies } from '../../directory/schema.ts';
import { ensureIssuers, issueDocumentTx } from '../../documents/service.ts';
import { getTemplate, registerTemplate, fillWording, type DocumentTemplate } from '../../documents/templates/registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, varsOf } from '../../documents/templates/common.ts';
import { activityOf, domain, knownYears, loadCalendar, out, programOf, ruleSets, subjectName, today, type Activity } from '../common.ts';
import {
  oversightActivities, oversightActivitySubjects, oversightNotices, oversightPrograms, oversightTeamMembers, oversightUploads, oversightWorkingSessions,
} from '../schema.ts';
import { mayEdit, type OversightCtx } from './programs.ts';

export const FOUNDING_TEMPLATE = 'oversight_founding';
export const TEAM_ROLES = ['leader', 'deputy', 'secretary', 'member'] as const;
export const TEAM_ROLE_LABELS: Record<(typeof TEAM_ROLES)[number], string> = { leader: 'Trưởng đoàn', deputy: 'Phó Trưởng đoàn', secretary: 'Thư ký đoàn', member: 'Thành viên' };
/** The steps that are notices to the supervised bodies (the rest are the team's own deadlines). */
const NOTICE_STEPS: OversightStep[] = ['contentNotice', 'scheduleNotice', 'hearingNotice', 'delegateGroupNotice'];

/** A text as one sentence of the decision: a single final period. */
const sentence = (t: string) => `${t.trim().replace(/[.;,\s]+$/u, '')}.`;

const bodyKindOf = (k: string): SupervisingBodyKind => (k === 'council' || k === 'standing' || k === 'committee' || k === 'delegate_group' ? k : 'committee');

// The founding decision (quyết định thành lập đoàn giám sát) -----------------------------------

const FoundingParams = z.object({ activityId: z.string().uuid({ message: 'Mã hoạt động giám sát không hợp lệ.' }), ...SignatureParams });
type FoundingParams = z.infer<typeof FoundingParams>;

const foundingTemplate: DocumentTemplate<FoundingParams> = {
  key: FOUNDING_TEMPLATE,
  title: 'Quyết định thành lập Đoàn giám sát',
  kind: 'quyet_dinh',
  module: 'oversight',
  description: 'Quyết định thành lập Đoàn giám sát: đối tượng, phạm vi, nội dung, kế hoạch, thành phần Đoàn, thời gian.',
  defaultIssuerKind: 'standing',
  wording: {
    basis: {
      label: 'Căn cứ (mỗi dòng một căn cứ)',
      default: 'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15\nCăn cứ {legalBasis}\nCăn cứ {program}',
      multiline: true,
    },
    decide: { label: 'Câu quyết định', default: 'QUYẾT ĐỊNH:' },
    duty: {
      label: 'Nhiệm vụ của Đoàn',
      default: 'Đoàn giám sát có trách nhiệm xây dựng kế hoạch, đề cương báo cáo gửi đối tượng chịu giám sát; tổ chức giám sát theo kế hoạch và báo cáo kết quả theo quy định.',
    },
    effect: { label: 'Điều khoản thi hành', default: 'Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị có liên quan và các thành viên Đoàn giám sát chịu trách nhiệm thi hành Quyết định này./.' },
    ...signatureSlots({ lines: '{authority}\n{signerRole}', recipients: ['Như Điều 3', 'Thường trực {council}', 'Lưu: VT'].join('\n') }),
  },
  params: FoundingParams as unknown as z.ZodType<FoundingParams>,
  async build(tx, p, wording, ctx) {
    const a = await activityOf(tx, ctx.councilId, p.activityId);
    const program = await programOf(tx, ctx.councilId, a.programId);
    const subjects = await tx.select({ name: agencies.name, shortName: agencies.shortName }).from(oversightActivitySubjects)
      .innerJoin(agencies, eq(agencies.id, oversightActivitySubjects.agencyId)).where(eq(oversightActivitySubjects.activityId, a.id));
    const team = await tx.select().from(oversightTeamMembers).where(eq(oversightTeamMembers.activityId, a.id)).orderBy(asc(oversightTeamMembers.sortOrder));
    const legalBasis = ruleSets().find((s) => s.key === a.ruleSetKey)?.legalBasis ?? 'Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân';
    // "TM. BAN KINH TẾ – NGÂN SÁCH / TRƯỞNG BAN" for a committee's decision, "TM. THƯỜNG TRỰC HĐND / CHỦ TỊCH" otherwise
    const committee = ctx.issuer.name.startsWith('Ban ');
    const vars = varsOf(ctx, {
      legalBasis: legalBasis.replace(/\s*\(.*\)$/, ''),
      program: `${program.title}${program.resolutionNumber ? ` (${program.resolutionNumber})` : ''}`,
      authority: committee ? `TM. ${upperVi(ctx.issuer.name.replace(/\s+HĐND.*$/u, ''))}` : 'TM. THƯỜNG TRỰC HĐND',
      signerRole: committee ? 'TRƯỞNG BAN' : 'CHỦ TỊCH',
    });
    const kindLabel = ACTIVITY_KIND_LABELS[a.kind as ActivityKind] ?? 'Giám sát';
    const basis = fillWording(wording.basis ?? '', vars).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('quyet_dinh').title!,
      subject: `Thành lập Đoàn giám sát "${a.title}"`,
      body: [
        ...(basis.length ? [{ type: 'basis' as const, lines: basis }] : []),
        { type: 'paragraph', text: [{ text: upperVi(committee ? ctx.issuer.name : `Thường trực ${ctx.council.name}`), bold: true }], align: 'center', indent: false },
        { type: 'paragraph', text: [{ text: fillWording(wording.decide ?? '', vars), bold: true }], align: 'center', indent: false },
        { type: 'paragraph', text: [{ text: 'Điều 1. ', bold: true }, `Thành lập Đoàn giám sát (${kindLabel.toLowerCase()}) "${a.title}" của ${program.bodyName}.`] },
        { type: 'list', style: 'bullets', items: [
          `Đối tượng chịu giám sát: ${subjects.map(subjectName).join('; ')}.`,
          `Phạm vi: ${sentence(a.scope || 'theo kế hoạch giám sát')}`,
          `Nội dung: ${sentence(a.content || a.title)}`,
          `Kế hoạch: ${sentence(a.plan || 'theo kế hoạch của Đoàn giám sát')}`,
          `Thời gian: từ ${formatViDate(a.startDate)} đến ${formatViDate(a.endDate)}.`,
        ] },
        { type: 'paragraph', text: [{ text: 'Điều 2. ', bold: true }, 'Thành phần Đoàn giám sát gồm:'] },
        { type: 'table', columns: [{ title: 'STT', width: 8, align: 'center' }, { title: 'Họ và tên', width: 32 }, { title: 'Chức vụ, đơn vị', width: 40 }, { title: 'Nhiệm vụ', width: 20 }],
          rows: team.map((m, i) => [String(i + 1), m.fullName, m.position, TEAM_ROLE_LABELS[m.role as keyof typeof TEAM_ROLE_LABELS] ?? m.role]) },
        { type: 'paragraph', text: fillWording(wording.duty ?? '', vars) },
        { type: 'paragraph', text: [{ text: 'Điều 3. ', bold: true }, fillWording(wording.effect ?? '', vars)] },
      ],
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

export function registerOversightTemplates(): void {
  if (!getTemplate(FOUNDING_TEMPLATE)) registerTemplate(foundingTemplate);
}

// Notices ----------------------------------------------------------------------------------------

/** (Re)computes the due date of every notice of an activity from its anchors, in the caller's transaction. */
async function refreshNotices(tx: Tx, a: Activity) {
  if (!a.foundedOn || !a.ruleSetKey) return;
  const set = ruleSets().find((s) => s.key === a.ruleSetKey);
  if (!set) throw notFound('bộ quy tắc giám sát của hoạt động');
  const calendar = await loadCalendar(tx);
  const years = knownYears(calendar);
  const sessions = await tx.select({ date: oversightWorkingSessions.date }).from(oversightWorkingSessions).where(eq(oversightWorkingSessions.activityId, a.id)).orderBy(asc(oversightWorkingSessions.date));
  const anchor: Record<string, string | null> = { founding_act: a.foundedOn, working_session: sessions[0]?.date ?? null, hearing: a.startDate };
  const steps = stepsOfActivity(a.kind as ActivityKind, bodyKindOf(a.bodyKind)).filter((s) => NOTICE_STEPS.includes(s));
  const subjects = await tx.select({ agencyId: oversightActivitySubjects.agencyId }).from(oversightActivitySubjects).where(eq(oversightActivitySubjects.activityId, a.id));
  for (const step of steps) {
    const rule = set.leadTimes[step];
    const on = rule ? anchor[rule.anchor] ?? null : null;
    const due = on ? domain(() => stepDueDate(step, on, set, calendar, years)) : null;
    for (const s of subjects) {
      await tx.insert(oversightNotices).values({ activityId: a.id, councilId: a.councilId, agencyId: s.agencyId, step, dueDate: due?.due ?? null, dueExplanation: due ?? null })
        .onConflictDoUpdate({ target: [oversightNotices.activityId, oversightNotices.agencyId, oversightNotices.step], set: { dueDate: due?.due ?? null, dueExplanation: due ?? null, updatedAt: new Date() } });
    }
  }
}

export interface TeamMemberInput { fullName: string; position?: string; role: (typeof TEAM_ROLES)[number]; delegateId?: string | null }

/**
 * Founds an activity of an adopted programme: records the team, keeps the rule set in force today,
 * issues the founding decision (numbered in the register) and computes the notices owed.
 */
export async function foundActivity(
  ctx: OversightCtx, councilId: string, activityId: string,
  input: { team: TeamMemberInput[]; issuerId?: string; signerId?: string; signerName?: string; signerTitle?: string },
) {
  const day = today(ctx.now);
  return ctx.db.transaction(async (tx) => {
    const a = await activityOf(tx, councilId, activityId, { lock: true });
    const program = await programOf(tx, councilId, a.programId);
    mayEdit(ctx, program);
    if (program.state === 'draft') throw conflict('Chương trình giám sát chưa được thông qua: chưa thành lập được Đoàn giám sát.');
    if (program.bodyKind === 'external') throw conflict('Hoạt động của cơ quan ngoài HĐND chỉ dùng để đối chiếu trùng lặp.');
    if (a.state !== 'planned') throw conflict('Hoạt động này đã có quyết định thành lập Đoàn giám sát.');
    if (!input.team.some((m) => m.role === 'leader')) throw invalid('Đoàn giám sát cần có Trưởng đoàn.');
    const set = domain(() => ruleSetOfActivity(ruleSets(), day));
    await tx.insert(oversightTeamMembers).values(input.team.map((m, i) => ({
      activityId, role: m.role, fullName: m.fullName.trim(), position: m.position?.trim() ?? '', delegateId: m.delegateId ?? null, sortOrder: i,
    })));
    await tx.update(oversightActivities).set({ foundedOn: day, ruleSetKey: set.key }).where(eq(oversightActivities.id, activityId));
    const { issuerId, team: _team, ...signature } = input;
    // A committee founds its team by its own decision, in its own register (Điều 80 k1); the
    // standing committee (and the council's programme) by the standing committee's.
    const issuers = await ensureIssuers(tx, ctx.actor, councilId);
    const own = issuers.find((i) => program.bodyId !== null && i.bodyId === program.bodyId) ?? issuers.find((i) => i.kind === 'standing');
    const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, { templateKey: FOUNDING_TEMPLATE, issuerId: issuerId ?? own?.id, params: { activityId, ...signature } });
    const [row] = await tx.update(oversightActivities).set({ state: 'founded', foundingDocumentId: doc.id, version: a.version + 1, updatedAt: new Date() })
      .where(eq(oversightActivities.id, activityId)).returning();
    await refreshNotices(tx, row!);
    await recordEvent(tx, ctx.actor, { action: 'oversight_activity.found', entityType: 'oversight_activity', entityId: activityId, councilId, before: a, after: { ...row, documentSymbol: doc.symbol, team: input.team } });
    return { activity: out(row!), document: doc, notices: await noticesOf(tx, activityId) };
  });
}

export async function noticesOf(db: Tx | OversightCtx['db'], activityId: string) {
  const rows = await db.select({ n: oversightNotices, agencyName: agencies.name, shortName: agencies.shortName }).from(oversightNotices)
    .innerJoin(agencies, eq(agencies.id, oversightNotices.agencyId)).where(eq(oversightNotices.activityId, activityId)).orderBy(asc(oversightNotices.step), asc(agencies.name));
  return rows.map((r) => ({ ...out(r.n), agencyName: subjectName({ name: r.agencyName, shortName: r.shortName }), stepLabel: OVERSIGHT_STEP_LABELS[r.n.step as OversightStep] ?? r.n.step }));
}

/** Records that a notice was sent (on paper or by the document system) on a day. */
export async function recordNoticeSent(ctx: OversightCtx, councilId: string, noticeId: string, input: { sentOn?: string }) {
  const day = today(ctx.now);
  const on = input.sentOn ?? day;
  if (on > day) throw invalid('Ngày gửi không được sau hôm nay.');
  return ctx.db.transaction(async (tx) => {
    const [n] = await tx.select().from(oversightNotices).where(and(eq(oversightNotices.id, noticeId), eq(oversightNotices.councilId, councilId))).for('update');
    if (!n) throw notFound('thông báo giám sát');
    mayEdit(ctx, await programOf(tx, councilId, (await activityOf(tx, councilId, n.activityId)).programId));
    const [row] = await tx.update(oversightNotices).set({ sentOn: on, updatedAt: new Date() }).where(eq(oversightNotices.id, noticeId)).returning();
    await recordEvent(tx, ctx.actor, { action: 'oversight_notice.sent', entityType: 'oversight_notice', entityId: noticeId, councilId, before: n, after: row });
    return out(row!);
  });
}

// Working sessions -------------------------------------------------------------------------------

export async function addWorkingSession(ctx: OversightCtx, councilId: string, activityId: string, input: { date: string; time?: string; place?: string; agencyId?: string | null; note?: string }) {
  return ctx.db.transaction(async (tx) => {
    const a = await activityOf(tx, councilId, activityId, { lock: true });
    mayEdit(ctx, await programOf(tx, councilId, a.programId));
    if (a.state === 'planned') throw conflict('Chưa có quyết định thành lập Đoàn giám sát: chưa lập được lịch làm việc.');
    if (input.agencyId) {
      const [s] = await tx.select().from(oversightActivitySubjects).where(and(eq(oversightActivitySubjects.activityId, activityId), eq(oversightActivitySubjects.agencyId, input.agencyId)));
      if (!s) throw invalid('Cơ quan làm việc phải là đối tượng chịu giám sát của hoạt động.');
    }
    const [row] = await tx.insert(oversightWorkingSessions).values({
      activityId, agencyId: input.agencyId ?? null, date: input.date, time: input.time ?? '', place: input.place?.trim() ?? '', note: input.note?.trim() ?? '',
    }).returning();
    await refreshNotices(tx, a);
    await recordEvent(tx, ctx.actor, { action: 'oversight_working_session.create', entityType: 'oversight_working_session', entityId: row!.id, councilId, after: row });
    return { session: out(row!), notices: await noticesOf(tx, activityId) };
  });
}

export async function workingSessionsOf(db: OversightCtx['db'], activityId: string) {
  const rows = await db.select({ s: oversightWorkingSessions, agencyName: agencies.name, shortName: agencies.shortName }).from(oversightWorkingSessions)
    .leftJoin(agencies, eq(agencies.id, oversightWorkingSessions.agencyId)).where(eq(oversightWorkingSessions.activityId, activityId)).orderBy(asc(oversightWorkingSessions.date), asc(oversightWorkingSessions.time));
  return rows.map((r) => ({ ...out(r.s), agencyName: r.agencyName ? subjectName({ name: r.agencyName, shortName: r.shortName ?? '' }) : null }));
}

// Uploads by the supervised bodies -----------------------------------------------------------

export const MAX_OVERSIGHT_FILE_BYTES = FileLimit.attachment;
export const OVERSIGHT_FILE_KINDS: FileKind[] = ['pdf', 'docx', 'xlsx'];

/** A supervised body uploads its report or a file for an activity it is supervised in. */
export async function uploadActivityFile(ctx: OversightCtx, agencyId: string, activityId: string, file: UploadedFile, input: { title?: string }) {
  const { mimeType } = checkFileContent(file, OVERSIGHT_FILE_KINDS);
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select({ a: oversightActivities, programState: oversightPrograms.state }).from(oversightActivitySubjects)
      .innerJoin(oversightActivities, eq(oversightActivities.id, oversightActivitySubjects.activityId))
      .innerJoin(oversightPrograms, eq(oversightPrograms.id, oversightActivities.programId))
      .where(and(eq(oversightActivitySubjects.activityId, activityId), eq(oversightActivitySubjects.agencyId, agencyId)));
    if (!s || s.programState === 'draft') throw notFound('hoạt động giám sát đối với cơ quan này');
    if (s.a.state === 'cancelled' || s.a.state === 'closed') throw conflict('Hoạt động giám sát đã kết thúc, không nhận thêm tệp.');
    const title = input.title?.trim() || 'Báo cáo của đối tượng chịu giám sát';
    const [row] = await tx.insert(oversightUploads).values({
      activityId, agencyId, title, fileName: file.name.slice(0, 200), mimeType, size: file.data.length, content: file.data, uploadedBy: ctx.actor.id, createdAt: ctx.now,
    }).returning({ id: oversightUploads.id, title: oversightUploads.title, fileName: oversightUploads.fileName, size: oversightUploads.size, createdAt: oversightUploads.createdAt });
    await recordEvent(tx, ctx.actor, { action: 'oversight_upload.create', entityType: 'oversight_upload', entityId: row!.id, councilId: s.a.councilId, after: { ...row, activityId, agencyId } });
    return out(row!);
  });
}

export async function uploadsOf(db: OversightCtx['db'], activityId: string) {
  const rows = await db.select({ id: oversightUploads.id, agencyId: oversightUploads.agencyId, title: oversightUploads.title, fileName: oversightUploads.fileName, size: oversightUploads.size, createdAt: oversightUploads.createdAt, agencyName: agencies.name, shortName: agencies.shortName })
    .from(oversightUploads).innerJoin(agencies, eq(agencies.id, oversightUploads.agencyId)).where(eq(oversightUploads.activityId, activityId)).orderBy(asc(oversightUploads.createdAt));
  return rows.map(({ shortName, agencyName, ...r }) => ({ ...out(r), agencyName: subjectName({ name: agencyName, shortName }) }));
}

/** One uploaded file, reached from the council's side or from the agency's own. */
export async function uploadFile(db: OversightCtx['db'], scope: { councilId: string } | { agencyId: string }, activityId: string, fileId: string) {
  const [f] = await db.select({ f: oversightUploads, councilId: oversightActivities.councilId }).from(oversightUploads)
    .innerJoin(oversightActivities, eq(oversightActivities.id, oversightUploads.activityId))
    .where(and(eq(oversightUploads.id, fileId), eq(oversightUploads.activityId, activityId)));
  if (!f || ('councilId' in scope ? f.councilId !== scope.councilId : f.f.agencyId !== scope.agencyId)) throw notFound('tệp');
  return f.f;
}


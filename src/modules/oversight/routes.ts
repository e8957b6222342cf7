// Routes of the oversight module (programmes, activities, overlap timeline, proposals, founding
// decision, notices, working sessions; the agency's own activities and uploads; the public pages).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AgencyParams, CouncilParams, Id, IsoDate, PageOnly, jsonBody, jsonOk, optionalText, pageOf, text, type Router,
} from '../../server/route.ts';
import { BodyLimit } from '../../server/input.ts';
import { fileResponse } from '../../server/download.ts';
import { uploadedFile } from '../../server/upload.ts';
import type { AppEnv } from '../../server/context.ts';
import { ACTIVITY_KINDS } from '../../domain/oversight/index.ts';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import { activityOf, BODY_KINDS, programOf, settingsOf, proposalDueDate, SETTING_SOURCES, type DbOrTx } from './common.ts';
import { adoptProgram, createProgram, publishProgram, type OversightCtx } from './actions/programs.ts';
import { createActivity, updateActivity } from './actions/activities.ts';
import { createProposal, decideProposal, PROPOSAL_SOURCES, PROPOSAL_SOURCE_LABELS, proposeFromPetition } from './actions/proposals.ts';
import {
  addWorkingSession, foundActivity, MAX_OVERSIGHT_FILE_BYTES, noticesOf, recordNoticeSent, TEAM_ROLES, uploadActivityFile, uploadFile, uploadsOf, workingSessionsOf,
} from './actions/fieldwork.ts';
import { agencyActivities, councilNotices, listPrograms, programDetail, publicPrograms, timeline } from './queries.ts';
import { oversightTeamMembers, oversightTopicProposals } from './schema.ts';
import { and, asc, count, desc, eq, getTableColumns } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import { out, today } from './common.ts';

const ProgramParams = CouncilParams.extend({ oversightProgramId: param('oversightProgramId') });
const ActivityParams = CouncilParams.extend({ oversightActivityId: param('oversightActivityId') });
const AgencyActivityParams = AgencyParams.extend({ agencyActivityId: param('agencyActivityId') });

const Year = z.coerce.number({ message: 'Năm không hợp lệ.' }).int({ message: 'Năm không hợp lệ.' }).min(2000, { message: 'Năm không hợp lệ.' }).max(2100, { message: 'Năm không hợp lệ.' });
const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { message: `${label} không hợp lệ.` });

const ActivityBody = z.object({
  kind: enumOf(ACTIVITY_KINDS as unknown as readonly [string, ...string[]], 'Loại hoạt động') as z.ZodType<(typeof ACTIVITY_KINDS)[number]>,
  title: text('Tên hoạt động', 500),
  content: optionalText('Nội dung', 20000).optional(),
  scope: optionalText('Phạm vi', 5000).optional(),
  plan: optionalText('Kế hoạch', 20000).optional(),
  fieldIds: z.array(Id).max(20).optional(),
  subjectAgencyIds: z.array(Id).min(1, { message: 'Hãy chọn ít nhất một cơ quan, đơn vị chịu giám sát.' }).max(100),
  startDate: IsoDate,
  endDate: IsoDate,
  changeNote: optionalText('Nội dung điều chỉnh', 2000).optional(),
  overlapReason: optionalText('Lý do vẫn thực hiện khi trùng lặp', 2000).optional(),
});

const dbCtx = (c: Context<AppEnv>): OversightCtx => ({ ...ctxOf(c), user: c.var.user! });
const fileOf = (form: { file?: unknown }) => uploadedFile(form, { maxBytes: MAX_OVERSIGHT_FILE_BYTES, missing: 'Hãy chọn tệp báo cáo (PDF, Word .docx hoặc Excel .xlsx).' });

async function proposalsOf(db: DbOrTx, councilId: string, q: { year?: number; page: number; pageSize: number }) {
  const where = and(eq(oversightTopicProposals.councilId, councilId), ...(q.year ? [eq(oversightTopicProposals.year, q.year)] : []));
  return pageWithTotal(
    q,
    (total) =>
      db.select({ ...getTableColumns(oversightTopicProposals), total }).from(oversightTopicProposals).where(where).orderBy(desc(oversightTopicProposals.year), asc(oversightTopicProposals.submittedOn), asc(oversightTopicProposals.createdAt)),
    () => countWhere(db, oversightTopicProposals, where),
    (r) => ({ ...out(r), sourceLabel: PROPOSAL_SOURCE_LABELS[r.sourceKind as keyof typeof PROPOSAL_SOURCE_LABELS] ?? r.sourceKind }),
  );
}

export function oversightRoutes(r: Router) {
  // Programmes -------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-programs', summary: 'Chương trình giám sát của các cơ quan HĐND (và của HĐND cấp dưới khi chọn)',
      permission: 'oversight.read', scope: 'council',
      request: { params: CouncilParams, query: PageOnly.extend({ year: Year.optional(), lower: z.enum(['true', 'false']).optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listPrograms(c.var.db, c.req.valid('param').councilId, { ...q, lower: q.lower === 'true' }), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-programs', summary: 'Lập chương trình giám sát năm của HĐND, Thường trực, một Ban, một Tổ đại biểu (hoặc nhập kế hoạch của cơ quan khác để đối chiếu)',
      permission: 'oversight.manage', scope: 'council',
      request: { params: CouncilParams, body: jsonBody(z.object({
        bodyKind: enumOf(BODY_KINDS, 'Loại cơ quan'), bodyId: Id.nullable().optional(), externalName: optionalText('Tên cơ quan', 300).nullable().optional(),
        year: Year, title: optionalText('Tên chương trình', 500).optional(),
      })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createProgram(dbCtx(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-programs/{oversightProgramId}', summary: 'Một chương trình giám sát: hoạt động, đối tượng, cảnh báo trùng lặp, các lần thông qua và điều chỉnh',
      permission: 'oversight.read', scope: 'council', request: { params: ProgramParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightProgramId } = c.req.valid('param');
      return c.json(await programDetail(c.var.db, councilId, oversightProgramId), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-programs/{oversightProgramId}/adopt', summary: 'Thông qua (hoặc ghi điều chỉnh) chương trình giám sát; trùng lặp cần ghi lý do',
      permission: 'oversight.manage', scope: 'council',
      request: { params: ProgramParams, body: jsonBody(z.object({
        adoptedOn: IsoDate.optional(), resolutionNumber: optionalText('Số nghị quyết, kế hoạch', 100).optional(),
        overlapReason: optionalText('Lý do vẫn thông qua khi trùng lặp', 2000).optional(), note: optionalText('Ghi chú', 2000).optional(),
      })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightProgramId } = c.req.valid('param');
      return c.json(await adoptProgram(dbCtx(c), councilId, oversightProgramId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-programs/{oversightProgramId}/publication', summary: 'Công khai (hoặc thôi công khai) chương trình giám sát trên trang công khai',
      permission: 'oversight.manage', scope: 'council', request: { params: ProgramParams, body: jsonBody(z.object({ published: z.boolean() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightProgramId } = c.req.valid('param');
      return c.json(await publishProgram(dbCtx(c), councilId, oversightProgramId, c.req.valid('json')), 200);
    },
  );

  // Activities ------------------------------------------------------------------------------
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-programs/{oversightProgramId}/activities', summary: 'Thêm hoạt động giám sát vào chương trình (kiểm tra trùng lặp ngay)',
      permission: 'oversight.manage', scope: 'council', request: { params: ProgramParams, body: jsonBody(ActivityBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightProgramId } = c.req.valid('param');
      return c.json(await createActivity(dbCtx(c), councilId, oversightProgramId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-activities/{oversightActivityId}', summary: 'Một hoạt động giám sát: đoàn, thông báo và hạn, lịch làm việc, tệp các cơ quan đã gửi',
      permission: 'oversight.read', scope: 'council', request: { params: ActivityParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightActivityId } = c.req.valid('param');
      const db = c.var.db;
      const a = await activityOf(db, councilId, oversightActivityId);
      const program = await programOf(db, councilId, a.programId);
      const [team, notices, sessions, files] = await Promise.all([
        db.select().from(oversightTeamMembers).where(eq(oversightTeamMembers.activityId, a.id)).orderBy(asc(oversightTeamMembers.sortOrder)),
        noticesOf(db, a.id), workingSessionsOf(db, a.id), uploadsOf(db, a.id),
      ]);
      const detail = (await programDetail(db, councilId, program.id)).activities.find((x) => x.id === a.id)!;
      return c.json({ ...detail, program: { id: program.id, title: program.title, bodyName: program.bodyName, state: program.state }, team: team.map((m) => out(m)), notices, workingSessions: sessions, files }, 200);
    },
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/oversight-activities/{oversightActivityId}', summary: 'Sửa hoạt động giám sát (kiểm tra lại trùng lặp; chương trình đã thông qua thì ghi điều chỉnh)',
      permission: 'oversight.manage', scope: 'council',
      request: { params: ActivityParams, body: jsonBody(ActivityBody.partial().extend({ version: z.number().int().min(1) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightActivityId } = c.req.valid('param');
      return c.json(await updateActivity(dbCtx(c), councilId, oversightActivityId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-activities/{oversightActivityId}/founding', summary: 'Ban hành quyết định thành lập Đoàn giám sát (văn bản theo Nghị định 30) và tính hạn các thông báo',
      permission: 'oversight.manage', scope: 'council',
      request: { params: ActivityParams, body: jsonBody(z.object({
        team: z.array(z.object({ fullName: text('Họ và tên', 200), position: optionalText('Chức vụ', 300).optional(), role: enumOf(TEAM_ROLES, 'Nhiệm vụ trong đoàn'), delegateId: Id.nullable().optional() })).min(1, { message: 'Hãy nhập thành phần Đoàn giám sát.' }).max(100),
        issuerId: Id.optional(), signerId: Id.optional(), signerName: optionalText('Người ký', 100).optional(), signerTitle: optionalText('Chức vụ người ký', 100).optional(),
      })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightActivityId } = c.req.valid('param');
      return c.json(await foundActivity(dbCtx(c), councilId, oversightActivityId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-activities/{oversightActivityId}/working-sessions', summary: 'Thêm buổi làm việc với đối tượng chịu giám sát (hạn thông báo lịch được tính lại)',
      permission: 'oversight.manage', scope: 'council',
      request: { params: ActivityParams, body: jsonBody(z.object({
        date: IsoDate, time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Giờ phải có dạng giờ:phút, ví dụ 08:00.' }).optional(),
        place: optionalText('Địa điểm', 300).optional(), agencyId: Id.nullable().optional(), note: optionalText('Ghi chú', 2000).optional(),
      })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightActivityId } = c.req.valid('param');
      return c.json(await addWorkingSession(dbCtx(c), councilId, oversightActivityId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-notices', summary: 'Thông báo chưa gửi đến đối tượng chịu giám sát, theo hạn (pending: sắp đến hạn hoặc quá hạn)',
      permission: 'oversight.read', scope: 'council', request: { params: CouncilParams, query: PageOnly.extend({ pending: z.enum(['true', 'false']).optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await councilNotices(c.var.db, c.req.valid('param').councilId, today(c.var.deps.clock()), { ...q, pending: q.pending === 'true' }), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-notices/{oversightNoticeId}/sent', summary: 'Ghi ngày đã gửi thông báo đến đối tượng chịu giám sát',
      permission: 'oversight.manage', scope: 'council',
      request: { params: CouncilParams.extend({ oversightNoticeId: param('oversightNoticeId') }), body: jsonBody(z.object({ sentOn: IsoDate.optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightNoticeId } = c.req.valid('param');
      return c.json(await recordNoticeSent(dbCtx(c), councilId, oversightNoticeId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-activities/{oversightActivityId}/files/{oversightFileId}', summary: 'Tải tệp đối tượng chịu giám sát đã gửi',
      permission: 'oversight.read', scope: 'council', request: { params: ActivityParams.extend({ oversightFileId: param('oversightFileId') }) },
      responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { councilId, oversightActivityId, oversightFileId } = c.req.valid('param');
      const f = await uploadFile(c.var.db, { councilId }, oversightActivityId, oversightFileId);
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );

  // Overlap timeline ---------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-timeline', summary: 'Lịch các hoạt động giám sát trong năm của HĐND, HĐND cấp trên và cấp dưới, với các trùng lặp',
      permission: 'oversight.read', scope: 'council', request: { params: CouncilParams, query: z.object({ year: Year.optional() }) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const year = c.req.valid('query').year ?? Number(today(c.var.deps.clock()).slice(0, 4));
      return c.json(await timeline(c.var.db, c.req.valid('param').councilId, year), 200);
    },
  );

  // Proposals -----------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-proposals', summary: 'Đề xuất nội dung giám sát cho chương trình năm sau, và hạn nhận đề xuất',
      permission: 'oversight.read', scope: 'council', request: { params: CouncilParams, query: PageOnly.extend({ year: Year.optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      const q = c.req.valid('query');
      const page = await proposalsOf(c.var.db, councilId, q);
      const s = await settingsOf(c.var.db, councilId);
      return c.json({ ...page, deadline: q.year ? proposalDueDate(s, q.year) : null, deadlineSource: SETTING_SOURCES.proposalDeadline }, 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-proposals', summary: 'Gửi đề xuất nội dung giám sát (Ban, Tổ đại biểu, đại biểu, Ủy ban MTTQ, cử tri)',
      permission: 'oversight.propose', scope: 'council',
      request: { params: CouncilParams, body: jsonBody(z.object({
        year: Year, sourceKind: enumOf(PROPOSAL_SOURCES, 'Nguồn đề xuất'), sourceName: text('Cơ quan, người đề xuất', 300),
        sourceBodyId: Id.nullable().optional(), sourceDelegateId: Id.nullable().optional(), title: text('Nội dung đề xuất', 500),
        need: optionalText('Sự cần thiết', 5000).optional(), content: optionalText('Nội dung', 20000).optional(), scope: optionalText('Phạm vi', 5000).optional(),
        subjectAgencyIds: z.array(Id).max(50).optional(), fieldId: Id.nullable().optional(),
      })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createProposal(dbCtx(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/petitions/{petitionId}/oversight-proposal', summary: 'Đề xuất kiến nghị tái diễn làm nội dung giám sát năm sau (một thao tác từ trang kiến nghị)',
      permission: 'oversight.propose', scope: 'council', request: { params: CouncilParams.extend({ petitionId: param('petitionId') }) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, petitionId } = c.req.valid('param');
      return c.json(await proposeFromPetition(dbCtx(c), councilId, petitionId), 201);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-proposals/{oversightProposalId}/decision', summary: 'Đưa đề xuất vào chương trình (thành hoạt động giám sát) hoặc không chọn',
      permission: 'oversight.manage', scope: 'council',
      request: { params: CouncilParams.extend({ oversightProposalId: param('oversightProposalId') }), body: jsonBody(z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('accept'), programId: Id, activity: ActivityBody }),
        z.object({ decision: z.literal('decline'), note: optionalText('Ghi chú', 2000).optional() }),
      ])) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightProposalId } = c.req.valid('param');
      return c.json(await decideProposal(dbCtx(c), councilId, oversightProposalId, c.req.valid('json')), 200);
    },
  );

  // The supervised agency's own side -------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/oversight-activities', summary: 'Các hoạt động giám sát đối với cơ quan và tệp cơ quan đã gửi',
      permission: 'oversight.submit', scope: 'agency', request: { params: AgencyParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await agencyActivities(c.var.db, c.req.valid('param').agencyId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/oversight-activities/{agencyActivityId}/files', summary: 'Cơ quan chịu giám sát gửi báo cáo, tài liệu (PDF, Word .docx, Excel .xlsx; tối đa 10 MB)',
      permission: 'oversight.submit', scope: 'agency', bodyLimit: BodyLimit.attachment,
      request: { params: AgencyActivityParams, body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), title: z.string().max(300).optional() }) } } } },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyActivityId } = c.req.valid('param');
      const form = c.req.valid('form');
      return c.json(await uploadActivityFile(dbCtx(c), agencyId, agencyActivityId, await fileOf(form), { title: form.title }), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/oversight-activities/{agencyActivityId}/files/{agencyOversightFileId}', summary: 'Cơ quan tải lại tệp đã gửi',
      permission: 'oversight.submit', scope: 'agency', request: { params: AgencyActivityParams.extend({ agencyOversightFileId: param('agencyOversightFileId') }) },
      responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { agencyId, agencyActivityId, agencyOversightFileId } = c.req.valid('param');
      const f = await uploadFile(c.var.db, { agencyId }, agencyActivityId, agencyOversightFileId);
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );

  // Public ------------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/oversight-programs', summary: 'Chương trình giám sát đã công khai của HĐND',
      scope: 'public', request: { params: CouncilParams, query: PageOnly.extend({ year: Year.optional() }) }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await publicPrograms(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
}

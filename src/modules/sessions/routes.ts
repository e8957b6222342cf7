// Routes of the sessions module: council-scoped (profile, plans, sessions, items, expected
// documents, paper receipts, joint conference, agenda versions, lateness) and agency-scoped (the
// presenting agency's own documents and uploads).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AgencyParams, CouncilParams, Id, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router,
} from '../../server/route.ts';
import { BodyLimit } from '../../server/input.ts';
import { fileResponse } from '../../server/download.ts';
import { uploadedFile } from '../../server/upload.ts';
import type { AppEnv } from '../../server/context.ts';
import { LEAD_TIME_STEPS } from '../../domain/sessions/index.ts';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import { loadCalendar, today } from './common.ts';
import { saveProfile } from './actions/profile.ts';
import { createPlan, updatePlan } from './actions/plans.ts';
import { createSession, transitionSession, updateSession } from './actions/sessions.ts';
import { addExpectedDocument, createItem, updateItem } from './actions/items.ts';
import { getDocumentFile, MAX_SESSION_FILE_BYTES, recordPaperSubmission, uploadDocumentFile } from './actions/receipts.ts';
import { approveAgendaVersion, proposeAgendaVersion, saveJointConference } from './actions/agenda.ts';
import { listPlans, listSessions, profileView, sessionDetail } from './queries/sessions.ts';
import { agencyDocuments, councilDocuments, councilLateness } from './queries/documents.ts';

const SessionParams = CouncilParams.extend({ councilSessionId: param('councilSessionId') });
const ItemParams = CouncilParams.extend({ sessionItemId: param('sessionItemId') });
const DocParams = CouncilParams.extend({ sessionDocumentId: param('sessionDocumentId') });
// The agency's own paths name their ids apart from the council's (a document is reached from one side or the other).
const AgencyDocParams = AgencyParams.extend({ agencyDocumentId: param('agencyDocumentId') });

const Year = z.coerce.number({ message: 'Năm không hợp lệ.' }).int({ message: 'Năm không hợp lệ.' }).min(1990, { message: 'Năm không hợp lệ.' }).max(2100, { message: 'Năm không hợp lệ.' });
const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { message: `${label} không hợp lệ.` });
const SESSION_KINDS = ['regular', 'thematic', 'urgent'] as const;
const SESSION_ACTIONS = ['convene', 'open', 'close', 'postpone', 'reschedule'] as const;
const SESSION_STATES = ['planned', 'convened', 'inProgress', 'closed', 'postponed'] as const;
const SUBMISSION_KINDS = ['proposal', 'report', 'project'] as const;
const DOCUMENT_KINDS = ['submission', 'draftResolution', 'report', 'project', 'verificationReport', 'responseReport'] as const;
const TIMINGS = ['expected', 'dueSoon', 'late', 'receivedOnTime', 'receivedLate', 'revisedAfterDeadline', 'anyLate', 'notReceived'] as const;

const LeadTime = z.object({
  value: z.number({ message: 'Số ngày phải là số.' }).int({ message: 'Số ngày phải là số nguyên.' }).min(0, { message: 'Số ngày không được âm.' }).max(366, { message: 'Số ngày tối đa 366.' }),
  unit: enumOf(['days', 'working_days'], 'Đơn vị thời hạn'),
  anchor: z.literal('session_opening', { message: 'Mốc tính phải là ngày khai mạc kỳ họp.' }),
  direction: enumOf(['before', 'after'], 'Chiều tính'),
  verified: z.boolean({ message: 'Đã kiểm chứng: phải là đúng/sai.' }),
  source: text('Căn cứ', 500),
}).nullable();
const Minutes = z.number({ message: 'Số phút phải là số.' }).int({ message: 'Số phút phải là số nguyên.' });
const Profile = z.object({
  leadTimes: z.object(Object.fromEntries(LEAD_TIME_STEPS.map((s) => [s, LeadTime])) as Record<(typeof LEAD_TIME_STEPS)[number], typeof LeadTime>),
  speakingMinutes: z.object({ speech: Minutes, question: Minutes, answer: Minutes }),
  dueSoonWorkingDays: Minutes,
  writtenAnswerDays: Minutes,
  commitmentReportDaysBefore: Minutes,
  chamber: z.object({ seats: Minutes.nullable().optional(), selfCheckIn: z.boolean({ message: 'Cho phép đại biểu tự điểm danh: phải là có hoặc không.' }).optional(), publishNamedVotes: z.boolean({ message: 'Công khai kết quả biểu quyết ghi danh theo tên đại biểu: phải là có hoặc không.' }).optional() }).optional(),
});

const PlanBody = z.object({
  adoptedAtSessionId: Id.nullable().optional(),
  resolutionNumber: optionalText('Số nghị quyết', 100).optional(),
  note: optionalText('Ghi chú', 2000).optional(),
});

const dayOf = (c: Context<AppEnv>) => today(c.var.deps.clock());
const UploadForm = z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), receivedOn: IsoDate.optional() });
const fileOf = (form: { file?: unknown }) => uploadedFile(form, { maxBytes: MAX_SESSION_FILE_BYTES, missing: 'Hãy chọn tệp tài liệu (PDF hoặc Word .docx).' });

export function sessionRoutes(r: Router) {
  // Profile --------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/session-profile', summary: 'Quy định chuẩn bị kỳ họp của HĐND (thời hạn, thời gian phát biểu): các bộ quy định theo thời gian hiệu lực, giá trị mặc định được đánh dấu',
      permission: 'sessions.read', scope: 'council', request: { params: CouncilParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await profileView(c.var.db, c.req.valid('param').councilId, dayOf(c)), 200),
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/session-profile', summary: 'Sửa một bộ quy định chuẩn bị kỳ họp (hạn của các kỳ họp chưa bế mạc được tính lại)',
      permission: 'sessions.manage', scope: 'council',
      request: { params: CouncilParams, body: jsonBody(z.object({ ruleSetKey: text('Bộ quy định', 100), profile: Profile })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await saveProfile(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 200),
  );

  // Plans ----------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/session-plans', summary: 'Kế hoạch tổ chức các kỳ họp theo năm',
      permission: 'sessions.read', scope: 'council', request: { params: CouncilParams, query: PageQuery }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listPlans(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/session-plans', summary: 'Lập kế hoạch tổ chức các kỳ họp của một năm',
      permission: 'sessions.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(PlanBody.extend({ year: Year })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createPlan(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/session-plans/{sessionPlanId}', summary: 'Ghi kỳ họp thông qua, số nghị quyết của kế hoạch tổ chức các kỳ họp',
      permission: 'sessions.manage', scope: 'council', request: { params: CouncilParams.extend({ sessionPlanId: param('sessionPlanId') }), body: jsonBody(PlanBody) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionPlanId } = c.req.valid('param');
      return c.json(await updatePlan(ctxOf(c), councilId, sessionPlanId, c.req.valid('json')), 200);
    },
  );

  // Sessions -------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions', summary: 'Các kỳ họp của HĐND',
      permission: 'sessions.read', scope: 'council',
      request: { params: CouncilParams, query: PageQuery.extend({ year: Year.optional(), state: enumOf(SESSION_STATES, 'Trạng thái').optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listSessions(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions', summary: 'Tạo kỳ họp (thường lệ được đánh số trong nhiệm kỳ, chuyên đề, bất thường)',
      permission: 'sessions.manage', scope: 'council',
      request: {
        params: CouncilParams,
        body: jsonBody(z.object({
          termId: Id, kind: enumOf(SESSION_KINDS, 'Loại kỳ họp'), title: optionalText('Tên kỳ họp', 300).optional(),
          openingDate: IsoDate, closingDate: IsoDate.nullable().optional(), firstOfTerm: z.boolean().optional(), planId: Id.nullable().optional(),
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createSession(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}', summary: 'Một kỳ họp: nội dung, tài liệu phải nộp với hạn và tình trạng, chậm muộn theo cơ quan trình, hội nghị liên tịch, các phiên bản chương trình',
      permission: 'sessions.read', scope: 'council', request: { params: SessionParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await sessionDetail(c.var.db, councilId, councilSessionId, dayOf(c), await loadCalendar(c.var.db)), 200);
    },
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/sessions/{councilSessionId}', summary: 'Sửa tên, ngày khai mạc, bế mạc của kỳ họp (hạn tài liệu được tính lại)',
      permission: 'sessions.manage', scope: 'council',
      request: { params: SessionParams, body: jsonBody(z.object({ title: optionalText('Tên kỳ họp', 300).optional(), openingDate: IsoDate.optional(), closingDate: IsoDate.nullable().optional(), planId: Id.nullable().optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await updateSession(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions/{councilSessionId}/transition', summary: 'Triệu tập, khai mạc, bế mạc, hoãn (nêu lý do), định lại ngày kỳ họp',
      permission: 'sessions.manage', scope: 'council',
      request: { params: SessionParams, body: jsonBody(z.object({ action: enumOf(SESSION_ACTIONS, 'Thao tác'), reason: optionalText('Lý do', 2000).optional(), openingDate: IsoDate.optional(), closingDate: IsoDate.nullable().optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await transitionSession(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 200);
    },
  );

  // Items and expected documents -----------------------------------------------------------------
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions/{councilSessionId}/items', summary: 'Thêm nội dung trình kỳ họp (tờ trình, báo cáo, đề án) với cơ quan trình và các tài liệu phải nộp',
      permission: 'sessions.manage', scope: 'council',
      request: {
        params: SessionParams,
        body: jsonBody(z.object({
          kind: enumOf(SUBMISSION_KINDS, 'Loại nội dung'), title: text('Tên nội dung', 1000),
          presenterAgencyId: Id.nullable().optional(), presenterBodyId: Id.nullable().optional(), committeeBodyId: Id.nullable().optional(),
          documents: z.array(enumOf(DOCUMENT_KINDS, 'Loại tài liệu')).max(10).optional(),
        })),
      },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await createItem(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/session-items/{sessionItemId}', summary: 'Sửa tên nội dung, phân công Ban thẩm tra',
      permission: 'sessions.manage', scope: 'council',
      request: { params: ItemParams, body: jsonBody(z.object({ title: optionalText('Tên nội dung', 1000).optional(), committeeBodyId: Id.nullable().optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await updateItem(ctxOf(c), councilId, sessionItemId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/session-items/{sessionItemId}/documents', summary: 'Thêm tài liệu phải nộp cho một nội dung (hạn tính từ ngày khai mạc theo quy định của HĐND)',
      permission: 'sessions.manage', scope: 'council',
      request: { params: ItemParams, body: jsonBody(z.object({ kind: enumOf(DOCUMENT_KINDS, 'Loại tài liệu'), title: optionalText('Tên tài liệu', 500).optional() })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionItemId } = c.req.valid('param');
      return c.json(await addExpectedDocument(ctxOf(c), councilId, sessionItemId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/session-documents', summary: 'Tài liệu kỳ họp theo năm, kỳ họp, cơ quan trình và tình trạng (xem chi tiết từ bảng chậm muộn)',
      permission: 'sessions.read', scope: 'council',
      request: { params: CouncilParams, query: PageQuery.extend({ year: Year.optional(), councilSessionId: Id.optional(), presenterId: Id.optional(), timing: enumOf(TIMINGS, 'Tình trạng').optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilSessionId, ...q } = c.req.valid('query');
      return c.json(await councilDocuments(c.var.db, c.req.valid('param').councilId, { ...q, sessionId: councilSessionId }, dayOf(c), await loadCalendar(c.var.db)), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/session-lateness', summary: 'Chậm muộn tài liệu theo cơ quan trình trong một năm hoặc một kỳ họp: số tài liệu, số nộp muộn, số ngày muộn trung bình',
      permission: 'sessions.read', scope: 'council',
      request: { params: CouncilParams, query: PageQuery.extend({ year: Year.optional(), councilSessionId: Id.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilSessionId, year, ...q } = c.req.valid('query');
      const day = dayOf(c);
      const f = { ...q, sessionId: councilSessionId, year: councilSessionId ? year : year ?? Number(day.slice(0, 4)) };
      return c.json(await councilLateness(c.var.db, c.req.valid('param').councilId, f, day, await loadCalendar(c.var.db)), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/session-documents/{sessionDocumentId}/paper', summary: 'Ghi nhận tài liệu nộp bằng giấy (ngày Văn phòng nhận)',
      permission: 'sessions.manage', scope: 'council', request: { params: DocParams, body: jsonBody(z.object({ receivedOn: IsoDate })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionDocumentId } = c.req.valid('param');
      return c.json(await recordPaperSubmission(ctxOf(c), councilId, sessionDocumentId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/session-documents/{sessionDocumentId}/files', summary: 'Văn phòng tải lên tệp tài liệu (PDF, Word .docx; tối đa 10 MB; mỗi lần là một phiên bản)',
      permission: 'sessions.manage', scope: 'council', bodyLimit: BodyLimit.attachment,
      request: { params: DocParams, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, sessionDocumentId } = c.req.valid('param');
      const form = c.req.valid('form');
      return c.json(await uploadDocumentFile(ctxOf(c), { councilId }, sessionDocumentId, await fileOf(form), { receivedOn: form.receivedOn }), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/session-documents/{sessionDocumentId}/files/{sessionFileId}', summary: 'Tải một phiên bản tệp tài liệu kỳ họp',
      permission: 'sessions.read', scope: 'council', request: { params: DocParams.extend({ sessionFileId: param('sessionFileId') }) },
      responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { councilId, sessionDocumentId, sessionFileId } = c.req.valid('param');
      const f = await getDocumentFile(c.var.db, { councilId }, sessionDocumentId, sessionFileId);
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );

  // Joint conference and agenda versions ---------------------------------------------------------
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/sessions/{councilSessionId}/joint-conference', summary: 'Ghi hội nghị liên tịch: ngày họp, thành phần, ngày khai mạc thống nhất, nội dung',
      permission: 'sessions.manage', scope: 'council',
      request: { params: SessionParams, body: jsonBody(z.object({ heldOn: IsoDate, participants: text('Thành phần', 2000), agreedOpeningDate: IsoDate, content: optionalText('Nội dung', 20000).optional() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await saveJointConference(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions/{councilSessionId}/agenda-versions', summary: 'Lập phiên bản chương trình kỳ họp từ các nội dung hiện có (nêu lý do thay đổi), chờ Thường trực duyệt',
      permission: 'sessions.manage', scope: 'council',
      request: { params: SessionParams, body: jsonBody(z.object({ reason: optionalText('Lý do thay đổi', 2000).optional() })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await proposeAgendaVersion(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions/{councilSessionId}/agenda-versions/{agendaVersionId}/approve', summary: 'Thường trực HĐND duyệt phiên bản chương trình kỳ họp',
      permission: 'sessions.approve', scope: 'council',
      request: { params: SessionParams.extend({ agendaVersionId: param('agendaVersionId') }) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId, agendaVersionId } = c.req.valid('param');
      return c.json(await approveAgendaVersion(ctxOf(c), councilId, councilSessionId, agendaVersionId), 200);
    },
  );

  // The presenting agency --------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/session-documents', summary: 'Tài liệu kỳ họp cơ quan phải nộp: hạn, tình trạng, các phiên bản đã nộp',
      permission: 'sessions.submit', scope: 'agency',
      request: { params: AgencyParams, query: PageQuery.extend({ timing: enumOf(TIMINGS, 'Tình trạng').optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await agencyDocuments(c.var.db, c.req.valid('param').agencyId, c.req.valid('query'), dayOf(c), await loadCalendar(c.var.db)), 200),
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/session-documents/{agencyDocumentId}/files', summary: 'Cơ quan trình nộp tệp tài liệu kỳ họp (PDF, Word .docx; tối đa 10 MB; mỗi lần là một phiên bản)',
      permission: 'sessions.submit', scope: 'agency', bodyLimit: BodyLimit.attachment,
      request: { params: AgencyDocParams, body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } } },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyDocumentId } = c.req.valid('param');
      return c.json(await uploadDocumentFile(ctxOf(c), { agencyId }, agencyDocumentId, await fileOf(c.req.valid('form'))), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/session-documents/{agencyDocumentId}/files/{agencyFileId}', summary: 'Cơ quan tải lại một phiên bản tệp đã nộp',
      permission: 'sessions.submit', scope: 'agency', request: { params: AgencyDocParams.extend({ agencyFileId: param('agencyFileId') }) },
      responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { agencyId, agencyDocumentId, agencyFileId } = c.req.valid('param');
      const f = await getDocumentFile(c.var.db, { agencyId }, agencyDocumentId, agencyFileId);
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );
}

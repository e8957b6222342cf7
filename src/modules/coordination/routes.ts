// Routes of the coordination module (council scope): the incoming-documents register and its
// scans, the council's people (handlers, invitees), invitations, periodic reports and their kinds,
// reporting conferences with their figures and conclusion notice.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CouncilParams, Id, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, text, type Router } from '../../server/route.ts';
import type { AppEnv } from '../../server/context.ts';
import { BodyLimit } from '../../server/input.ts';
import { fileResponse } from '../../server/download.ts';
import { notFound } from '../../server/errors.ts';
import { can } from '../../server/permissions.ts';
import { uploadedFile } from '../../server/upload.ts';
import { INCOMING_KINDS, INCOMING_STATES, URGENCIES } from '../../domain/coordination/index.ts';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import {
  MAX_INCOMING_FILE_BYTES, assignIncoming, expectReport, finishIncoming, installKinds, receiveInvitation, receiveReport, registerIncoming, stepInvitation, updateKind, uploadIncomingFile,
} from './actions.ts';
import { conferenceDetail, issueConclusion, listConferences, planConference } from './conference.ts';
import { loadCalendar, today } from './common.ts';
import { incomingDetail, incomingFile, listIncoming, listInvitations, listKinds, listPeriodicReports, peopleList } from './queries.ts';

const dayOf = (c: Context<AppEnv>) => today(c.var.deps.clock());
const IncomingParams = CouncilParams.extend({ incomingDocumentId: param('incomingDocumentId') });
const InvitationParams = CouncilParams.extend({ invitationId: param('invitationId') });
const ReportParams = CouncilParams.extend({ periodicReportId: param('periodicReportId') });
const KindParams = CouncilParams.extend({ reportKindId: param('reportKindId') });
const ConferenceParams = CouncilParams.extend({ reportingConferenceId: param('reportingConferenceId') });

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Giờ phải có dạng HH:MM.' });
const Instant = z.string().refine((s) => /^(19|20)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).getUTCFullYear() >= 1900 && new Date(s).getUTCFullYear() <= 2100, { message: 'Thời gian không hợp lệ (ví dụ 2026-12-10T08:00:00+07:00).' });

const Register = z.object({
  receivedOn: IsoDate,
  receivedTime: Time.nullable().optional(),
  senderName: text('Cơ quan, tổ chức ban hành', 300),
  senderAgencyId: Id.nullable().optional(),
  docSymbol: optionalText('Số, ký hiệu văn bản', 100).optional(),
  docDate: IsoDate.nullable().optional(),
  kind: z.enum(INCOMING_KINDS, { message: 'Loại văn bản không hợp lệ.' }),
  summary: text('Trích yếu nội dung', 2000),
  urgency: z.enum(URGENCIES, { message: 'Độ khẩn không hợp lệ.' }).optional(),
  secret: z.boolean({ message: 'Độ mật: phải là đúng hoặc sai.' }).optional(),
  sessionId: Id.nullable().optional(),
  petitionId: Id.nullable().optional(),
});
const IncomingQuery = PageQuery.extend({
  state: z.enum(INCOMING_STATES, { message: 'Trạng thái không hợp lệ.' }).optional(),
  kind: z.enum(INCOMING_KINDS, { message: 'Loại văn bản không hợp lệ.' }).optional(),
  track: z.enum(['open', 'overdue', 'done'], { message: 'Bộ lọc xử lý không hợp lệ.' }).optional(),
  mine: z.enum(['1'], { message: 'Bộ lọc không hợp lệ.' }).optional(),
});
const Assign = z.object({
  handlerUserId: Id,
  due: IsoDate.nullable().optional(),
  workingDays: z.number({ message: 'Số ngày làm việc phải là số.' }).int({ message: 'Số ngày làm việc phải là số nguyên.' }).min(0, { message: 'Số ngày làm việc không được âm.' }).max(365, { message: 'Số ngày làm việc quá lớn.' }).nullable().optional(),
  note: optionalText('Ý kiến chỉ đạo', 2000).optional(),
});
const Finish = z.object({
  outcome: z.enum(['start', 'reply', 'file'], { message: 'Kết quả xử lý không hợp lệ.' }),
  note: optionalText('Ghi chú kết quả', 5000).optional(),
  on: IsoDate.optional(),
});
const UploadForm = z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) });
const Invitation = z.object({
  title: text('Nội dung cuộc họp', 500),
  organizerName: text('Cơ quan mời', 300),
  organizerAgencyId: Id.nullable().optional(),
  startsAt: Instant,
  endsAt: Instant.nullable().optional(),
  location: optionalText('Địa điểm', 500).optional(),
  inviteeUserId: Id,
  incomingDocumentId: Id.nullable().optional(),
  sessionId: Id.nullable().optional(),
});
const InvitationStep = z.object({
  action: z.enum(['accept', 'delegate', 'decline', 'attended', 'absent'], { message: 'Thao tác không hợp lệ.' }),
  attendeeUserId: Id.nullable().optional(),
  note: optionalText('Lý do, ý kiến', 2000).optional(),
  notes: optionalText('Nội dung cuộc họp, ý kiến đã phát biểu', 20_000).optional(),
});
const Year = z.coerce.number({ message: 'Năm không hợp lệ.' }).int({ message: 'Năm không hợp lệ.' }).min(2000, { message: 'Năm không hợp lệ.' }).max(2100, { message: 'Năm không hợp lệ.' });
const Expect = z.object({
  kindKey: text('Loại báo cáo', 60),
  agencyId: Id,
  year: Year,
  period: z.enum(['mid_year', 'year_end'], { message: 'Kỳ báo cáo không hợp lệ.' }),
  sessionId: Id.nullable().optional(),
  due: IsoDate.nullable().optional(),
  verifyingBodyId: Id.nullable().optional(),
});
const Receive = z.object({ receivedOn: IsoDate, incomingDocumentId: Id.nullable().optional() });
const KindPatch = z.object({
  title: text('Tên báo cáo', 300).optional(),
  leadValue: z.number({ message: 'Thời hạn phải là số.' }).int({ message: 'Thời hạn phải là số nguyên.' }).min(0, { message: 'Thời hạn không được âm.' }).max(120, { message: 'Thời hạn quá lớn.' }).optional(),
  leadUnit: z.enum(['days', 'working_days'], { message: 'Đơn vị thời hạn không hợp lệ.' }).optional(),
  validTo: IsoDate.nullable().optional(),
});
const Conference = z.object({
  title: text('Tên hội nghị', 300),
  heldOn: IsoDate,
  periodFrom: IsoDate,
  periodTo: IsoDate,
  chairName: optionalText('Người chủ trì', 300).optional(),
  place: optionalText('Địa điểm', 500).optional(),
  sites: z.number({ message: 'Số điểm cầu phải là số.' }).int({ message: 'Số điểm cầu phải là số nguyên.' }).min(1, { message: 'Số điểm cầu phải từ 1.' }).max(10_000, { message: 'Số điểm cầu quá lớn.' }).nullable().optional(),
  attendees: optionalText('Thành phần dự', 2000).optional(),
});
const Conclusion = z.object({
  chairPerson: optionalText('Người kết luận', 300).optional(),
  signerName: optionalText('Họ tên người ký', 100).optional(),
  signerTitle: optionalText('Chức vụ người ký', 100).optional(),
  extraSections: z.array(z.object({
    title: text('Tên mục', 500),
    paragraphs: z.array(text('Đoạn văn', 10_000)).max(50).default([]),
    bullets: z.array(text('Ý', 10_000)).max(50).default([]),
  })).max(20).optional(),
});

const read = { permission: 'coordination.read', scope: 'council' } as const;
const manage = { permission: 'coordination.manage', scope: 'council' } as const;

export function coordinationRoutes(r: Router) {
  // Incoming documents ---------------------------------------------------------------------------
  r.add({ method: 'get', path: '/councils/{councilId}/incoming-documents', summary: 'Sổ văn bản đến: danh sách có phân trang, tìm không cần dấu, lọc trạng thái, quá hạn, việc của tôi', ...read, request: { params: CouncilParams, query: IncomingQuery }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { mine, ...q } = c.req.valid('query');
      return c.json(await listIncoming(c.var.db, c.req.valid('param').councilId, { ...q, ...(mine ? { handlerUserId: c.var.user!.id } : {}) }, dayOf(c), await loadCalendar(c.var.db)), 200);
    });
  r.add({ method: 'post', path: '/councils/{councilId}/incoming-documents', summary: 'Vào sổ văn bản đến (số đến theo năm, giữ nguyên số, ký hiệu của cơ quan gửi)', ...manage, request: { params: CouncilParams, body: jsonBody(Register) }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await registerIncoming(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201));
  r.add({ method: 'get', path: '/councils/{councilId}/incoming-documents/{incomingDocumentId}', summary: 'Một văn bản đến: thông tin sổ, người xử lý, hạn, tệp, liên kết kỳ họp, kiến nghị', ...read, request: { params: IncomingParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, incomingDocumentId } = c.req.valid('param');
      return c.json(await incomingDetail(c.var.db, councilId, incomingDocumentId, dayOf(c), await loadCalendar(c.var.db)), 200);
    });
  r.add({ method: 'post', path: '/councils/{councilId}/incoming-documents/{incomingDocumentId}/assign', summary: 'Giao người xử lý đích danh, với hạn xử lý (ngày hoặc số ngày làm việc)', ...manage, request: { params: IncomingParams, body: jsonBody(Assign) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, incomingDocumentId } = c.req.valid('param');
      return c.json(await assignIncoming(ctxOf(c), councilId, incomingDocumentId, c.req.valid('json')), 200);
    });
  r.add({ method: 'post', path: '/councils/{councilId}/incoming-documents/{incomingDocumentId}/finish', summary: 'Bắt đầu xử lý, ghi đã trả lời hoặc lưu hồ sơ', ...read, permission: 'coordination.handle', request: { params: IncomingParams, body: jsonBody(Finish) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, incomingDocumentId } = c.req.valid('param');
      return c.json(await finishIncoming(ctxOf(c), councilId, incomingDocumentId, c.req.valid('json'), { manager: can(c.var.user, 'coordination.manage', { councilId }) }), 200);
    });
  r.add({ method: 'post', path: '/councils/{councilId}/incoming-documents/{incomingDocumentId}/files', summary: 'Tải bản chụp văn bản đến (PDF, Word .docx, ảnh PNG/JPEG; kiểm tra theo nội dung tệp)', ...manage, bodyLimit: BodyLimit.attachment,
    request: { params: IncomingParams, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, incomingDocumentId } = c.req.valid('param');
      const file = await uploadedFile(c.req.valid('form'), { maxBytes: MAX_INCOMING_FILE_BYTES, missing: 'Hãy chọn tệp bản chụp văn bản (PDF, Word hoặc ảnh).' });
      return c.json(await uploadIncomingFile(ctxOf(c), councilId, incomingDocumentId, file), 201);
    });
  r.add({ method: 'get', path: '/councils/{councilId}/incoming-documents/{incomingDocumentId}/files/{incomingFileId}', summary: 'Tải một tệp của văn bản đến', ...read, request: { params: IncomingParams.extend({ incomingFileId: param('incomingFileId') }) }, responses: { 200: { description: 'Tệp' } } },
    async (c) => {
      const { councilId, incomingDocumentId, incomingFileId } = c.req.valid('param');
      const f = await incomingFile(c.var.db, councilId, incomingDocumentId, incomingFileId);
      if (!f) throw notFound('tệp');
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    });
  r.add({ method: 'get', path: '/councils/{councilId}/coordination/people', summary: 'Cán bộ, lãnh đạo của HĐND có thể giao xử lý văn bản, được mời dự họp', ...read, request: { params: CouncilParams, query: PageQuery }, responses: { 200: jsonOk(Obj) } },
    async (c) => c.json(await peopleList(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200));

  // Invitations ----------------------------------------------------------------------------------
  r.add({ method: 'get', path: '/councils/{councilId}/executive-invitations', summary: 'Giấy mời họp của UBND, cơ quan gửi lãnh đạo HĐND: nhận lời, cử người dự thay, đã dự', ...read,
    request: { params: CouncilParams, query: PageQuery.extend({ when: z.enum(['upcoming', 'past'], { message: 'Bộ lọc thời gian không hợp lệ.' }).optional(), mine: z.enum(['1'], { message: 'Bộ lọc không hợp lệ.' }).optional() }) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { mine, ...q } = c.req.valid('query');
      return c.json(await listInvitations(c.var.db, c.req.valid('param').councilId, { ...q, ...(mine ? { userId: c.var.user!.id } : {}) }, c.var.deps.clock()), 200);
    });
  r.add({ method: 'post', path: '/councils/{councilId}/executive-invitations', summary: 'Ghi nhận giấy mời họp gửi lãnh đạo HĐND', ...manage, request: { params: CouncilParams, body: jsonBody(Invitation) }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await receiveInvitation(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201));
  r.add({ method: 'post', path: '/councils/{councilId}/executive-invitations/{invitationId}/step', summary: 'Nhận lời, cử người dự thay, không dự; ghi đã dự họp và nội dung', ...read, permission: 'coordination.handle', request: { params: InvitationParams, body: jsonBody(InvitationStep) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, invitationId } = c.req.valid('param');
      return c.json(await stepInvitation(ctxOf(c), councilId, invitationId, c.req.valid('json'), { manager: can(c.var.user, 'coordination.manage', { councilId }) }), 200);
    });

  // Periodic reports -----------------------------------------------------------------------------
  r.add({ method: 'get', path: '/councils/{councilId}/periodic-report-kinds', summary: 'Danh mục báo cáo định kỳ (dữ liệu có hiệu lực theo thời gian, sửa được)', ...read, request: { params: CouncilParams, query: PageQuery.extend({ at: IsoDate.optional() }) }, responses: { 200: jsonOk(Obj) } },
    async (c) => c.json(await listKinds(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200));
  r.add({ method: 'post', path: '/councils/{councilId}/periodic-report-kinds/install', summary: 'Nạp danh mục báo cáo định kỳ mặc định cho HĐND', ...manage, request: { params: CouncilParams }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await installKinds(ctxOf(c), c.req.valid('param').councilId), 201));
  r.add({ method: 'patch', path: '/councils/{councilId}/periodic-report-kinds/{reportKindId}', summary: 'Sửa loại báo cáo định kỳ: tên, thời hạn trước kỳ họp, ngày hết hiệu lực', ...manage, request: { params: KindParams, body: jsonBody(KindPatch) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, reportKindId } = c.req.valid('param');
      return c.json(await updateKind(ctxOf(c), councilId, reportKindId, c.req.valid('json')), 200);
    });
  r.add({ method: 'get', path: '/councils/{councilId}/periodic-reports', summary: 'Báo cáo định kỳ cơ quan phải gửi HĐND: hạn, đúng hạn, muộn, quá hạn; tổng hợp theo cơ quan', ...read,
    request: { params: CouncilParams, query: PageQuery.extend({ year: Year.optional(), agencyId: Id.optional(), timing: z.enum(['expected', 'due_today', 'overdue', 'on_time', 'late'], { message: 'Bộ lọc không hợp lệ.' }).optional() }) }, responses: { 200: jsonOk(Obj) } },
    async (c) => c.json(await listPeriodicReports(c.var.db, c.req.valid('param').councilId, c.req.valid('query'), dayOf(c)), 200));
  r.add({ method: 'post', path: '/councils/{councilId}/periodic-reports', summary: 'Ghi báo cáo định kỳ phải gửi: hạn tính từ ngày khai mạc kỳ họp theo danh mục có hiệu lực', ...manage, request: { params: CouncilParams, body: jsonBody(Expect) }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await expectReport(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201));
  r.add({ method: 'post', path: '/councils/{councilId}/periodic-reports/{periodicReportId}/receive', summary: 'Ghi nhận đã nhận báo cáo định kỳ (đúng hạn hoặc muộn)', ...manage, request: { params: ReportParams, body: jsonBody(Receive) }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, periodicReportId } = c.req.valid('param');
      return c.json(await receiveReport(ctxOf(c), councilId, periodicReportId, c.req.valid('json')), 200);
    });

  // Reporting conferences ------------------------------------------------------------------------
  r.add({ method: 'get', path: '/councils/{councilId}/reporting-conferences', summary: 'Hội nghị trực báo do HĐND cấp trên triệu tập', ...read, request: { params: CouncilParams, query: PageQuery }, responses: { 200: jsonOk(Obj) } },
    async (c) => c.json(await listConferences(c.var.db, c.req.valid('param').councilId, c.req.valid('query'), dayOf(c)), 200));
  r.add({ method: 'post', path: '/councils/{councilId}/reporting-conferences', summary: 'Lên kế hoạch hội nghị trực báo với HĐND cấp dưới', ...manage, request: { params: CouncilParams, body: jsonBody(Conference) }, responses: { 201: jsonOk(Obj) } },
    async (c) => c.json(await planConference(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201));
  r.add({ method: 'get', path: '/councils/{councilId}/reporting-conferences/{reportingConferenceId}', summary: 'Hội nghị trực báo: số liệu từng HĐND cấp dưới đặt cạnh nhau (như bảng tổng hợp của từng HĐND)', ...read, request: { params: ConferenceParams }, responses: { 200: jsonOk(Obj) } },
    async (c) => {
      const { councilId, reportingConferenceId } = c.req.valid('param');
      return c.json(await conferenceDetail(c.var.db, c.var.user, councilId, reportingConferenceId, dayOf(c)), 200);
    });
  r.add({ method: 'post', path: '/councils/{councilId}/reporting-conferences/{reportingConferenceId}/conclusion', summary: 'Ban hành thông báo kết luận hội nghị trực báo (TB, NĐ 30) từ số liệu', ...manage, request: { params: ConferenceParams, body: jsonBody(Conclusion) }, responses: { 201: jsonOk(Obj) } },
    async (c) => {
      const { councilId, reportingConferenceId } = c.req.valid('param');
      return c.json(await issueConclusion(ctxOf(c), c.var.user, councilId, reportingConferenceId, c.req.valid('json')), 201);
    });
}

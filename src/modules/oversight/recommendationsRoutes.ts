// Routes of the reports and recommendations (issue #13): council-scoped for the supervising body
// (reports, recommendations, verification, escalation, dashboard, ladder), agency-scoped for the
// agency's inbox (answer, progress reports with evidence), public for the published reports.
// Registered by `recommendationRoutes(r)`; permissions, menu entries in `recommendationsModule`.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AgencyParams, CouncilParams, Id, IsoDate, PageOnly, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router,
} from '../../server/route.ts';
import { BodyLimit } from '../../server/input.ts';
import { invalid, notFound } from '../../server/errors.ts';
import { fileResponse } from '../../server/download.ts';
import { uploadedFile, type UploadedFile } from '../../server/upload.ts';
import type { AppEnv } from '../../server/context.ts';
import { ESCALATION_STEP_LABELS } from '../../domain/followup/index.ts';
import { RECOMMENDATION_STATUSES } from '../../domain/oversight/index.ts';
import { Obj, ctxOf, param } from '../petitions/routes/shared.ts';
import { loadCalendar, today } from '../petitions/common.ts';
import {
  actOnRecommendation, createReport, evidenceFile, issueReport, MAX_EVIDENCE_BYTES, setReportPublic, updateReport,
} from './recommendations.ts';
import { escalate, ladderOf, ladderView, saveLadder } from './escalation.ts';
import {
  listRecommendations, listReports, publicReport, publicReports, recommendationDashboard, recommendationDetail, reportDetail, reportFile,
} from './recommendationsQueries.ts';

const ReportParams = CouncilParams.extend({ oversightReportId: param('oversightReportId') });
const RecParams = CouncilParams.extend({ recommendationId: param('recommendationId') });
// The agency's own paths name their ids apart from the council's.
const AgencyRecParams = AgencyParams.extend({ agencyRecommendationId: param('agencyRecommendationId') });
const PublicReportParams = CouncilParams.extend({ publicReportId: param('publicReportId') });

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { message: `${label} không hợp lệ.` });
const STEP_KINDS = Object.keys(ESCALATION_STEP_LABELS) as [keyof typeof ESCALATION_STEP_LABELS, ...(keyof typeof ESCALATION_STEP_LABELS)[]];
const Bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const RecommendationDraft = z.object({
  agencyId: Id,
  content: text('Nội dung kiến nghị', 4000),
  due: IsoDate.nullable().optional(),
  workingDays: z.number({ message: 'Số ngày làm việc phải là số.' }).int({ message: 'Số ngày làm việc phải là số nguyên.' }).min(1, { message: 'Số ngày làm việc tối thiểu 1.' }).max(730, { message: 'Số ngày làm việc tối đa 730.' }).nullable().optional(),
});
const ReportBody = z.object({
  activityId: Id.nullable().optional(),
  bodyId: Id.nullable().optional(),
  title: text('Tên báo cáo', 500),
  scope: optionalText('Phạm vi, đối tượng, phương pháp', 20000).optional(),
  results: optionalText('Kết quả giám sát', 50000).optional(),
  shortcomings: optionalText('Hạn chế, nguyên nhân', 50000).optional(),
  isPublic: z.boolean().optional(),
  recommendations: z.array(RecommendationDraft).max(200, { message: 'Tối đa 200 kiến nghị trong một báo cáo.' }),
});
const Signature = {
  issuerId: Id.optional(),
  signerId: Id.optional(),
  signerName: optionalText('Họ tên người ký', 100).optional(),
  signerTitle: optionalText('Chức vụ người ký', 100).optional(),
};
const Version = z.coerce.number({ message: 'Phiên bản không hợp lệ.' }).int({ message: 'Phiên bản không hợp lệ.' });
const SupervisorAction = z.object({
  action: enumOf(['extend_due', 'assess_done', 'assess_partly', 'assess_not_done', 'reopen'] as const, 'Thao tác'),
  reason: optionalText('Lý do', 4000).optional(),
  text: optionalText('Kết quả xác minh', 20000).optional(),
  due: IsoDate.optional(),
  approvedBy: optionalText('Người phê duyệt', 200).optional(),
});
const AgencyAnswer = z.object({
  action: enumOf(['accept', 'accept_partly', 'reject'] as const, 'Trả lời'),
  reason: optionalText('Lý do', 4000).optional(),
});
const AgencyReportForm = z.object({
  kind: enumOf(['progress', 'done'] as const, 'Loại báo cáo'),
  text: z.string().max(20000, { message: 'Nội dung báo cáo dài quá 20000 ký tự.' }),
  isPublic: Bool.optional(),
  files: z.any().optional().openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
});
const RecFilters = PageQuery.extend({
  status: enumOf(RECOMMENDATION_STATUSES as unknown as [string, ...string[]], 'Tình trạng').optional(),
  overdue: Bool.optional(),
  agencyId: Id.optional(),
  reportId: Id.optional(),
});
const AgencyRecFilters = RecFilters.omit({ agencyId: true });

const dayOf = (c: Context<AppEnv>) => today(c.var.deps.clock());

async function filesOfForm(v: unknown): Promise<UploadedFile[]> {
  const list = v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
  if (list.length > 10) throw invalid('Gửi tối đa 10 tệp minh chứng mỗi lần.');
  return Promise.all(list.map((f) => uploadedFile({ file: f }, { maxBytes: MAX_EVIDENCE_BYTES, missing: 'Tệp minh chứng không hợp lệ.' })));
}

export function recommendationRoutes(r: Router) {
  // Reports ---------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-reports', summary: 'Báo cáo kết quả giám sát của HĐND (dự thảo và đã ban hành) với số kiến nghị',
      permission: 'oversight.recommendations.read', scope: 'council', request: { params: CouncilParams, query: PageQuery }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listReports(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-reports', summary: 'Lập dự thảo báo cáo giám sát với các kiến nghị (cơ quan thực hiện, thời hạn)',
      permission: 'oversight.recommendations.manage', scope: 'council', request: { params: CouncilParams, body: jsonBody(ReportBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await createReport(ctxOf(c), c.var.user, c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-reports/{oversightReportId}', summary: 'Một báo cáo giám sát và các kiến nghị với tình trạng thực hiện',
      permission: 'oversight.recommendations.read', scope: 'council', request: { params: ReportParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightReportId } = c.req.valid('param');
      return c.json(await reportDetail(c.var.db, councilId, oversightReportId, dayOf(c), await loadCalendar(c.var.db)), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/oversight-reports/{oversightReportId}', summary: 'Sửa dự thảo báo cáo giám sát và danh sách kiến nghị',
      permission: 'oversight.recommendations.manage', scope: 'council', request: { params: ReportParams, body: jsonBody(ReportBody.extend({ version: Version })) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightReportId } = c.req.valid('param');
      return c.json(await updateReport(ctxOf(c), c.var.user, councilId, oversightReportId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-reports/{oversightReportId}/issue', summary: 'Ban hành báo cáo giám sát (văn bản theo Nghị định 30, lấy số trong Sổ văn bản đi); các kiến nghị được gửi đến cơ quan',
      permission: 'oversight.recommendations.manage', scope: 'council', request: { params: ReportParams, body: jsonBody(z.object({ version: Version, ...Signature })) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightReportId } = c.req.valid('param');
      return c.json(await issueReport(ctxOf(c), c.var.user, councilId, oversightReportId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-reports/{oversightReportId}/issue-file', summary: 'Ghi báo cáo giám sát đã ký ngoài hệ thống: tải tệp (PDF, Word) và số văn bản; các kiến nghị được gửi đến cơ quan',
      permission: 'oversight.recommendations.manage', scope: 'council', bodyLimit: BodyLimit.attachment,
      request: { params: ReportParams, body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), typedNumber: text('Số văn bản', 60), version: Version }) } } } },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightReportId } = c.req.valid('param');
      const form = c.req.valid('form');
      const file = await uploadedFile(form, { maxBytes: MAX_EVIDENCE_BYTES, missing: 'Hãy chọn tệp báo cáo (PDF hoặc Word .docx).' });
      return c.json(await issueReport(ctxOf(c), c.var.user, councilId, oversightReportId, { version: form.version }, { file, typedNumber: form.typedNumber }), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/oversight-reports/{oversightReportId}/file', summary: 'Tải tệp báo cáo giám sát đã ký ngoài hệ thống',
      permission: 'oversight.recommendations.read', scope: 'council', request: { params: ReportParams }, responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { councilId, oversightReportId } = c.req.valid('param');
      const f = await reportFile(c.var.db, councilId, oversightReportId);
      if (!f) throw notFound('tệp báo cáo');
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/oversight-reports/{oversightReportId}/publication', summary: 'Công khai hoặc thôi công khai báo cáo giám sát và kết quả thực hiện kiến nghị',
      permission: 'oversight.recommendations.manage', scope: 'council', request: { params: ReportParams, body: jsonBody(z.object({ isPublic: z.boolean() })) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, oversightReportId } = c.req.valid('param');
      return c.json(await setReportPublic(ctxOf(c), c.var.user, councilId, oversightReportId, c.req.valid('json').isPublic), 200);
    },
  );

  // Recommendations: the supervising body -------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/recommendations', summary: 'Kiến nghị sau giám sát: lọc theo tình trạng, quá hạn, cơ quan, báo cáo',
      permission: 'oversight.recommendations.read', scope: 'council', request: { params: CouncilParams, query: RecFilters }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listRecommendations(c.var.db, { councilId: c.req.valid('param').councilId }, c.req.valid('query') as never, dayOf(c), await loadCalendar(c.var.db)), 200),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/recommendations/{recommendationId}', summary: 'Một kiến nghị: diễn biến, minh chứng, các bước xử lý tiếp, thao tác của cơ quan giám sát',
      permission: 'oversight.recommendations.read', scope: 'council', request: { params: RecParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, recommendationId } = c.req.valid('param');
      return c.json(await recommendationDetail(c.var.db, { councilId }, recommendationId, dayOf(c), await loadCalendar(c.var.db)), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/recommendations/{recommendationId}/actions', summary: 'Cơ quan giám sát gia hạn, xác minh và đóng (hoàn thành, một phần, chưa thực hiện) hoặc mở lại kiến nghị',
      permission: 'oversight.recommendations.manage', scope: 'council', request: { params: RecParams, body: jsonBody(SupervisorAction) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, recommendationId } = c.req.valid('param');
      return c.json(await actOnRecommendation(ctxOf(c), c.var.user, { councilId }, recommendationId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/recommendations/{recommendationId}/escalations', summary: 'Bước xử lý tiếp kiến nghị chưa thực hiện (đôn đốc, văn bản Thường trực, yêu cầu giải trình, phiên giải trình, chất vấn, tái giám sát, báo cáo HĐND) kèm văn bản',
      permission: 'oversight.recommendations.manage', scope: 'council',
      request: { params: RecParams, body: jsonBody(z.object({ kind: enumOf(STEP_KINDS, 'Bước xử lý'), note: optionalText('Ghi chú', 2000).optional(), scheduledOn: IsoDate.optional(), complex: z.boolean().optional(), ...Signature })) },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, recommendationId } = c.req.valid('param');
      return c.json(await escalate(ctxOf(c), c.var.user, councilId, recommendationId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/recommendations/{recommendationId}/files/{evidenceFileId}', summary: 'Tải tệp minh chứng cơ quan gửi kèm báo cáo',
      permission: 'oversight.recommendations.read', scope: 'council', request: { params: RecParams.extend({ evidenceFileId: param('evidenceFileId') }) }, responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { councilId, recommendationId, evidenceFileId } = c.req.valid('param');
      const f = await evidenceFile(c.var.db, { councilId }, recommendationId, evidenceFileId);
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/recommendation-dashboard', summary: 'Kiến nghị sau giám sát theo tình trạng, theo cơ quan và quá hạn',
      permission: 'oversight.recommendations.read', scope: 'council', request: { params: CouncilParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await recommendationDashboard(c.var.db, c.req.valid('param').councilId, dayOf(c), await loadCalendar(c.var.db)), 200),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/recommendation-ladder', summary: 'Các bước xử lý tiếp kiến nghị chưa thực hiện (mặc định có thể sửa, chưa kiểm chứng)',
      permission: 'oversight.recommendations.read', scope: 'council', request: { params: CouncilParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(ladderView(await ladderOf(c.var.db, c.req.valid('param').councilId)), 200),
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/recommendation-ladder', summary: 'Sửa các bước xử lý tiếp và số ngày chờ giữa các bước',
      permission: 'oversight.recommendations.configure', scope: 'council',
      request: { params: CouncilParams, body: jsonBody(z.object({ steps: z.array(z.object({ kind: enumOf(STEP_KINDS, 'Bước xử lý'), waitDays: z.number().int().min(0).max(366) })).min(1).max(30) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await saveLadder(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json').steps), 200),
  );

  // The agency's inbox ------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/recommendations', summary: 'Kiến nghị sau giám sát gửi cơ quan: thời hạn, tình trạng, quá hạn',
      permission: 'oversight.recommendations.respond', scope: 'agency', request: { params: AgencyParams, query: AgencyRecFilters }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await listRecommendations(c.var.db, { agencyId: c.req.valid('param').agencyId }, c.req.valid('query') as never, dayOf(c), await loadCalendar(c.var.db)), 200),
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/recommendations/{agencyRecommendationId}', summary: 'Một kiến nghị gửi cơ quan: nội dung, thời hạn, diễn biến, thao tác của cơ quan',
      permission: 'oversight.recommendations.respond', scope: 'agency', request: { params: AgencyRecParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyRecommendationId } = c.req.valid('param');
      return c.json(await recommendationDetail(c.var.db, { agencyId }, agencyRecommendationId, dayOf(c), await loadCalendar(c.var.db)), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/recommendations/{agencyRecommendationId}/answer', summary: 'Cơ quan trả lời việc tiếp thu kiến nghị (toàn bộ, một phần, không tiếp thu — nêu lý do)',
      permission: 'oversight.recommendations.respond', scope: 'agency', request: { params: AgencyRecParams, body: jsonBody(AgencyAnswer) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyRecommendationId } = c.req.valid('param');
      return c.json(await actOnRecommendation(ctxOf(c), c.var.user, { agencyId }, agencyRecommendationId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/recommendations/{agencyRecommendationId}/reports', summary: 'Cơ quan báo cáo tiến độ hoặc báo cáo đã thực hiện, kèm tệp minh chứng (PDF, Word, Excel, ảnh; tối đa 10 tệp)',
      permission: 'oversight.recommendations.respond', scope: 'agency', bodyLimit: BodyLimit.attachment,
      request: { params: AgencyRecParams, body: { required: true, content: { 'multipart/form-data': { schema: AgencyReportForm } } } },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyRecommendationId } = c.req.valid('param');
      const form = c.req.valid('form');
      const files = await filesOfForm(form.files);
      return c.json(await actOnRecommendation(ctxOf(c), c.var.user, { agencyId }, agencyRecommendationId, {
        action: form.kind === 'done' ? 'report_done' : 'report_progress', text: form.text, isPublic: form.isPublic,
      }, files), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/recommendations/{agencyRecommendationId}/files/{agencyEvidenceFileId}', summary: 'Cơ quan tải lại tệp minh chứng đã gửi',
      permission: 'oversight.recommendations.respond', scope: 'agency', request: { params: AgencyRecParams.extend({ agencyEvidenceFileId: param('agencyEvidenceFileId') }) }, responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { agencyId, agencyRecommendationId, agencyEvidenceFileId } = c.req.valid('param');
      const f = await evidenceFile(c.var.db, { agencyId }, agencyRecommendationId, agencyEvidenceFileId);
      return fileResponse(f.content, f.fileName, f.mimeType) as never;
    },
  );

  // Public pages ----------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/oversight-reports', summary: 'Báo cáo kết quả giám sát đã công khai',
      scope: 'public', request: { params: CouncilParams, query: PageOnly }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await publicReports(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/oversight-reports/{publicReportId}', summary: 'Một báo cáo giám sát đã công khai: kiến nghị và kết quả thực hiện',
      scope: 'public', request: { params: PublicReportParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, publicReportId } = c.req.valid('param');
      const r = await publicReport(c.var.db, councilId, publicReportId, dayOf(c), await loadCalendar(c.var.db));
      if (!r) throw notFound('báo cáo giám sát đã công khai');
      return c.json(r, 200);
    },
  );
}

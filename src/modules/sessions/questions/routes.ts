// Routes of interpellation and commitments. Delegates file from the portal (questions.file);
// the standing committee groups, orders, decides and closes (questions.manage); the secretariat and
// the committee record answers (questions.record) and read everything (questions.read); the
// agency reads and reports on its own commitments only (questions.report, agency scope); the public
// reads answers and commitments' status (no delegate-private data).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AgencyParams, CouncilParams, Id, IsoDate, PageQuery, jsonBody, jsonOk, optionalText, pageOf, text, type Router } from '../../../server/route.ts';
import { BodyLimit } from '../../../server/input.ts';
import { contentDisposition, fileResponse } from '../../../server/download.ts';
import { uploadedFile } from '../../../server/upload.ts';
import { notFound } from '../../../server/errors.ts';
import type { AppEnv } from '../../../server/context.ts';
import { Obj, ctxOf, param } from '../../petitions/routes/shared.ts';
import { councils } from '../../directory/schema.ts';
import { eq } from 'drizzle-orm';
import { correctAnswer, escalateCommitment } from './followThrough.ts';
import { ESCALATION_STEP_LABELS } from '../../../domain/followup/index.ts';
import { createTopic, decideSlip, extendCommitment, fileSlip, MAX_CONTENT, MAX_SUBJECT, orderTopics, recordAnswer, reportCommitment, updateTopic, verifyCommitment } from './actions.ts';
import {
  addressees, citationOptions, commitmentDetail, commitmentList, commitmentsDue, portalQuestions, publicAnswers, publicCommitments,
  reportFile, sessionQuestions, sessionTopics, type CommitmentScope,
} from './queries.ts';

const SessionParams = CouncilParams.extend({ councilSessionId: param('councilSessionId') });
const TopicParams = CouncilParams.extend({ questionTopicId: param('questionTopicId') });
const SlipParams = CouncilParams.extend({ questionSlipId: param('questionSlipId') });
const CommitmentParams = CouncilParams.extend({ commitmentId: param('commitmentId') });
// The agency's own paths name their ids apart from the council's (a commitment is reached from one side or the other).
const AgencyCommitmentParams = AgencyParams.extend({ agencyCommitmentId: param('agencyCommitmentId') });
const Page = PageQuery;
const flag = (label: string) => z.enum(['true', 'false'], { message: `Bộ lọc "${label}" không hợp lệ.` }).optional();
const Name = optionalText('Họ tên', 200).optional().nullable();
const Post = optionalText('Chức vụ', 200).optional().nullable();
const SLIP_STATES = ['submitted', 'grouped', 'notSelected', 'writtenDue', 'answered'] as const;
const COMMITMENT_STATES = ['open', 'inProgress', 'reportedDone', 'closed'] as const;

const SlipBody = z.object({
  sessionId: Id,
  subject: text('Vấn đề chất vấn', MAX_SUBJECT),
  content: text('Nội dung câu hỏi', MAX_CONTENT),
  addressedAgencyId: Id.optional().nullable(),
  addressedName: Name,
  addressedPost: Post,
  citations: z.array(z.object({
    kind: z.string({ message: 'Loại dẫn chứng không hợp lệ.' }).max(40),
    id: z.string({ message: 'Mã dẫn chứng không hợp lệ.' }).max(100, { message: 'Mã dẫn chứng dài quá 100 ký tự.' }),
    label: optionalText('Tên dẫn chứng', 300).optional().nullable(),
  }), { message: 'Danh sách dẫn chứng không hợp lệ.' }).max(50, { message: 'Quá nhiều dẫn chứng.' }).optional(),
  followsCommitmentId: Id.optional().nullable(),
});
const TopicBody = z.object({
  title: text('Tên nhóm vấn đề', MAX_SUBJECT),
  answererAgencyId: Id.optional().nullable(),
  answererName: Name,
  answererPost: Post,
  slipIds: z.array(Id, { message: 'Danh sách phiếu không hợp lệ.' }).max(500).optional(),
});
const CommitmentBody = z.object({
  agencyId: Id,
  ownerName: text('Người chịu trách nhiệm', 200),
  ownerPost: Post,
  content: text('Nội dung lời hứa', 5000),
  dueOn: IsoDate,
});
const AnswerBody = z.object({
  topicId: Id.optional().nullable(),
  slipId: Id.optional().nullable(),
  mode: z.enum(['oral', 'written'], { message: 'Hình thức trả lời không hợp lệ.' }),
  answeredOn: IsoDate,
  summary: text('Tóm tắt nội dung trả lời', 20_000),
  answererAgencyId: Id.optional().nullable(),
  answererName: Name,
  answererPost: Post,
  reference: optionalText('Số văn bản trả lời', 200).optional().nullable(),
  commitments: z.array(CommitmentBody, { message: 'Danh sách lời hứa không hợp lệ.' }).max(50, { message: 'Một câu trả lời ghi tối đa 50 lời hứa.' }).optional(),
});
const ReportForm = z.object({
  kind: z.enum(['progress', 'done'], { message: 'Loại báo cáo không hợp lệ.' }),
  text: text('Nội dung báo cáo', 20_000),
  file: z.any().optional().openapi({ type: 'string', format: 'binary' }),
});

async function councilExists(c: Context<AppEnv>, councilId: string) {
  const [row] = await c.var.db.select({ id: councils.id }).from(councils).where(eq(councils.id, councilId));
  if (!row) throw notFound('hội đồng nhân dân');
}

const now = (c: Context<AppEnv>) => c.var.deps.clock();

function fileOut(f: { fileName: string; mimeType: string; content: Uint8Array }) {
  return fileResponse(f.content, f.fileName, f.mimeType, { 'content-disposition': contentDisposition(f.fileName, 'attachment') }) as never;
}

export function questionRoutes(r: Router) {
  // Delegates (portal) ------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/portal/questions', summary: 'Cổng đại biểu: phiếu chất vấn của mình và các phiếu đã được Thường trực đưa ra chất vấn hoặc đã trả lời',
      permission: 'questions.file', scope: 'council',
      request: { params: CouncilParams, query: Page.extend({ sessionId: Id.optional(), mine: flag('của tôi') }) }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { mine, ...q } = c.req.valid('query');
      return c.json(await portalQuestions(c.var.db, c.req.valid('param').councilId, c.var.user?.id ?? null, { ...q, mine: mine === 'true' }), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/portal/questions', summary: 'Cổng đại biểu: gửi phiếu chất vấn (đến một người, cơ quan cụ thể hoặc theo vấn đề; dẫn chứng kiến nghị cử tri, kết quả giám sát, lời hứa trước)',
      permission: 'questions.file', scope: 'council', request: { params: CouncilParams, body: jsonBody(SlipBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await fileSlip(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/portal/question-addressees', summary: 'Cổng đại biểu: cơ quan cùng cấp có thể bị chất vấn (theo danh bạ)',
      permission: 'questions.file', scope: 'council', request: { params: CouncilParams, query: Page }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await addressees(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/portal/question-citations', summary: 'Cổng đại biểu: kiến nghị cử tri hoặc lời hứa của kỳ họp trước để dẫn chứng trong phiếu chất vấn',
      permission: 'questions.file', scope: 'council',
      request: { params: CouncilParams, query: Page.extend({ kind: z.enum(['petition', 'commitment'], { message: 'Loại dẫn chứng không hợp lệ.' }).default('petition') }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await citationOptions(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );

  r.add(
    {
      method: 'get', path: '/councils/{councilId}/portal/sessions/{councilSessionId}/commitments-due', summary: 'Cổng đại biểu: lời hứa đến hạn trước kỳ họp và tình trạng thực hiện, để chất vấn lại',
      permission: 'questions.file', scope: 'council', request: { params: SessionParams, query: PageQuery.omit({ q: true }).extend({ open: flag('chưa hoàn thành') }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      const { open, ...q } = c.req.valid('query');
      return c.json(await commitmentsDue(c.var.db, councilId, councilSessionId, { ...q, open: open === 'true' }, now(c)), 200);
    },
  );

  // Standing committee and secretariat ------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/question-addressees', summary: 'Cơ quan cùng cấp có thể được chọn trả lời chất vấn hoặc chịu trách nhiệm thực hiện lời hứa',
      permission: 'questions.read', scope: 'council', request: { params: CouncilParams, query: Page }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => c.json(await addressees(c.var.db, c.req.valid('param').councilId, c.req.valid('query')), 200),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}/questions', summary: 'Các phiếu chất vấn của kỳ họp, số phiếu theo trạng thái',
      permission: 'questions.read', scope: 'council',
      request: { params: SessionParams, query: Page.extend({ state: z.enum(SLIP_STATES, { message: 'Trạng thái phiếu không hợp lệ.' }).optional(), topicId: Id.optional() }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await sessionQuestions(c.var.db, councilId, councilSessionId, c.req.valid('query')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}/question-topics', summary: 'Nhóm vấn đề chất vấn theo thứ tự, người trả lời, các phiếu, câu trả lời và lời hứa',
      permission: 'questions.read', scope: 'council', request: { params: SessionParams, query: PageQuery.omit({ q: true }) }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await sessionTopics(c.var.db, councilId, councilSessionId, c.req.valid('query')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/sessions/{councilSessionId}/question-topics', summary: 'Thường trực lập nhóm vấn đề chất vấn, chọn người trả lời, xếp các phiếu vào nhóm',
      permission: 'questions.manage', scope: 'council', request: { params: SessionParams, body: jsonBody(TopicBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await createTopic(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 201);
    },
  );
  r.add(
    {
      method: 'patch', path: '/councils/{councilId}/question-topics/{questionTopicId}', summary: 'Thường trực sửa nhóm vấn đề: tên, người trả lời, các phiếu của nhóm',
      permission: 'questions.manage', scope: 'council', request: { params: TopicParams, body: jsonBody(TopicBody.partial()) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, questionTopicId } = c.req.valid('param');
      return c.json(await updateTopic(ctxOf(c), councilId, questionTopicId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'put', path: '/councils/{councilId}/sessions/{councilSessionId}/question-order', summary: 'Thường trực sắp xếp thứ tự chất vấn các nhóm vấn đề tại kỳ họp',
      permission: 'questions.manage', scope: 'council', request: { params: SessionParams, body: jsonBody(z.object({ topicIds: z.array(Id).max(200) })) }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      return c.json(await orderTopics(ctxOf(c), councilId, councilSessionId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/question-slips/{questionSlipId}/decision', summary: 'Thường trực không đưa phiếu ra chất vấn (nêu lý do) hoặc chuyển trả lời bằng văn bản (hạn theo quy định của HĐND)',
      permission: 'questions.manage', scope: 'council',
      request: { params: SlipParams, body: jsonBody(z.object({ action: z.enum(['notSelect', 'requireWritten'], { message: 'Quyết định không hợp lệ.' }), note: optionalText('Lý do', 2000).optional().nullable() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, questionSlipId } = c.req.valid('param');
      return c.json(await decideSlip(ctxOf(c), councilId, questionSlipId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/question-answers', summary: 'Ghi câu trả lời chất vấn (tại phiên chất vấn cho một nhóm, hoặc bằng văn bản cho một phiếu) và các lời hứa',
      permission: 'questions.record', scope: 'council', request: { params: CouncilParams, body: jsonBody(AnswerBody) }, responses: { 201: jsonOk(Obj) },
    },
    async (c) => c.json(await recordAnswer(ctxOf(c), c.req.valid('param').councilId, c.req.valid('json')), 201),
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/commitments', summary: 'Lời hứa khi trả lời chất vấn: người chịu trách nhiệm, nội dung, thời hạn, tình trạng, quá hạn',
      permission: 'questions.read', scope: 'council',
      request: { params: CouncilParams, query: Page.extend({ state: z.enum(COMMITMENT_STATES, { message: 'Tình trạng lời hứa không hợp lệ.' }).optional(), sessionId: Id.optional(), open: flag('chưa hoàn thành') }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { open, ...q } = c.req.valid('query');
      return c.json(await commitmentList(c.var.db, { councilId: c.req.valid('param').councilId }, { ...q, open: open === 'true' }, now(c)), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/commitments/{commitmentId}', summary: 'Một lời hứa: câu trả lời gốc, các báo cáo và minh chứng, các lần chất vấn lại',
      permission: 'questions.read', scope: 'council', request: { params: CommitmentParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, commitmentId } = c.req.valid('param');
      return c.json(await commitmentDetail(c.var.db, { councilId }, commitmentId, now(c)), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/commitments/{commitmentId}/reports/{commitmentReportId}/file', summary: 'Tải tệp minh chứng của báo cáo thực hiện lời hứa',
      permission: 'questions.read', scope: 'council', request: { params: CommitmentParams.extend({ commitmentReportId: param('commitmentReportId') }) }, responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { councilId, commitmentId, commitmentReportId } = c.req.valid('param');
      return fileOut(await reportFile(c.var.db, { councilId }, commitmentId, commitmentReportId));
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/commitments/{commitmentId}/verify', summary: 'Thường trực xác nhận lời hứa đã thực hiện xong (đóng) hoặc yêu cầu tiếp tục thực hiện',
      permission: 'questions.manage', scope: 'council',
      request: { params: CommitmentParams, body: jsonBody(z.object({ decision: z.enum(['close', 'reopen'], { message: 'Quyết định không hợp lệ.' }), note: optionalText('Nhận xét', 5000).optional().nullable() })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, commitmentId } = c.req.valid('param');
      return c.json(await verifyCommitment(ctxOf(c), councilId, commitmentId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/commitments/{commitmentId}/extend', summary: 'Thường trực gia hạn lời hứa (giữ thời hạn ban đầu), nêu lý do',
      permission: 'questions.manage', scope: 'council',
      request: { params: CommitmentParams, body: jsonBody(z.object({ dueOn: IsoDate, reason: text('Lý do gia hạn', 2000) })) },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, commitmentId } = c.req.valid('param');
      return c.json(await extendCommitment(ctxOf(c), councilId, commitmentId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/question-answers/{questionAnswerId}/correct', summary: 'Đính chính câu trả lời chất vấn (giữ nội dung trước đính chính và lý do)',
      permission: 'questions.record', scope: 'council',
      request: {
        params: CouncilParams.extend({ questionAnswerId: param('questionAnswerId') }),
        body: jsonBody(z.object({ summary: text('Nội dung trả lời', 20_000), reference: optionalText('Số văn bản', 200).optional().nullable(), reason: text('Lý do đính chính', 2000), version: z.number({ message: 'Thiếu phiên bản câu trả lời.' }).int().min(1) })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, questionAnswerId } = c.req.valid('param');
      return c.json(await correctAnswer(ctxOf(c), councilId, questionAnswerId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'post', path: '/councils/{councilId}/commitments/{commitmentId}/escalate', summary: 'Xử lý tiếp lời hứa quá hạn theo trình tự xử lý của HĐND (đôn đốc, văn bản của Thường trực, yêu cầu giải trình, chất vấn lại…)',
      permission: 'questions.manage', scope: 'council',
      request: {
        params: CommitmentParams,
        body: jsonBody(z.object({
          kind: z.enum(Object.keys(ESCALATION_STEP_LABELS) as [keyof typeof ESCALATION_STEP_LABELS, ...(keyof typeof ESCALATION_STEP_LABELS)[]], { message: 'Bước xử lý tiếp không hợp lệ.' }),
          note: optionalText('Ghi chú', 2000).optional().nullable(),
        })),
      },
      responses: { 200: jsonOk(Obj) },
    },
    async (c) => {
      const { councilId, commitmentId } = c.req.valid('param');
      return c.json(await escalateCommitment(ctxOf(c), councilId, commitmentId, c.req.valid('json')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/councils/{councilId}/sessions/{councilSessionId}/commitments-due', summary: 'Lời hứa đến hạn trước kỳ họp (để Thường trực báo cáo và đại biểu chất vấn lại), với hạn báo cáo theo quy định',
      permission: 'questions.read', scope: 'council', request: { params: SessionParams, query: PageQuery.omit({ q: true }).extend({ open: flag('chưa hoàn thành') }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId, councilSessionId } = c.req.valid('param');
      const { open, ...q } = c.req.valid('query');
      return c.json(await commitmentsDue(c.var.db, councilId, councilSessionId, { ...q, open: open === 'true' }, now(c)), 200);
    },
  );

  // Agency -----------------------------------------------------------------------------------------
  const agencyScope = (c: { req: { valid(k: 'param'): { agencyId: string } } }): CommitmentScope => ({ agencyId: c.req.valid('param').agencyId });
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/commitments', summary: 'Lời hứa của cơ quan khi trả lời chất vấn, thời hạn và tình trạng',
      permission: 'questions.report', scope: 'agency',
      request: { params: AgencyParams, query: Page.extend({ state: z.enum(COMMITMENT_STATES, { message: 'Tình trạng lời hứa không hợp lệ.' }).optional(), open: flag('chưa hoàn thành') }) },
      responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { open, ...q } = c.req.valid('query');
      return c.json(await commitmentList(c.var.db, agencyScope(c), { ...q, open: open === 'true' }, now(c)), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/commitments/{agencyCommitmentId}', summary: 'Một lời hứa của cơ quan với các báo cáo đã gửi',
      permission: 'questions.report', scope: 'agency', request: { params: AgencyCommitmentParams }, responses: { 200: jsonOk(Obj) },
    },
    async (c) => c.json(await commitmentDetail(c.var.db, agencyScope(c), c.req.valid('param').agencyCommitmentId, now(c)), 200),
  );
  r.add(
    {
      method: 'post', path: '/agencies/{agencyId}/commitments/{agencyCommitmentId}/reports', summary: 'Cơ quan báo cáo tiến độ hoặc hoàn thành lời hứa, kèm minh chứng (nội dung, tệp PDF, Word, ảnh; tối đa 10 MB)',
      permission: 'questions.report', scope: 'agency', bodyLimit: BodyLimit.attachment,
      request: { params: AgencyCommitmentParams, body: { required: true, content: { 'multipart/form-data': { schema: ReportForm } } } },
      responses: { 201: jsonOk(Obj) },
    },
    async (c) => {
      const { agencyId, agencyCommitmentId } = c.req.valid('param');
      const form = c.req.valid('form');
      const file = form.file && typeof form.file === 'object' ? await uploadedFile(form, { maxBytes: 10 * 1024 * 1024, missing: 'Hãy chọn tệp minh chứng.' }) : null;
      return c.json(await reportCommitment(ctxOf(c), agencyId, agencyCommitmentId, { kind: form.kind, text: form.text }, file), 201);
    },
  );
  r.add(
    {
      method: 'get', path: '/agencies/{agencyId}/commitments/{agencyCommitmentId}/reports/{agencyReportId}/file', summary: 'Cơ quan tải lại tệp minh chứng đã gửi',
      permission: 'questions.report', scope: 'agency', request: { params: AgencyCommitmentParams.extend({ agencyReportId: param('agencyReportId') }) }, responses: { 200: { description: 'Tệp' } },
    },
    async (c) => {
      const { agencyId, agencyCommitmentId, agencyReportId } = c.req.valid('param');
      return fileOut(await reportFile(c.var.db, { agencyId }, agencyCommitmentId, agencyReportId));
    },
  );

  // Public -----------------------------------------------------------------------------------------
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/question-answers', summary: 'Công khai: trả lời chất vấn tại kỳ họp và bằng văn bản, với lời hứa và tình trạng thực hiện',
      scope: 'public', request: { params: CouncilParams, query: PageQuery.omit({ q: true }) }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      await councilExists(c, councilId);
      return c.json(await publicAnswers(c.var.db, councilId, c.req.valid('query')), 200);
    },
  );
  r.add(
    {
      method: 'get', path: '/public/councils/{councilId}/commitments', summary: 'Công khai: lời hứa khi trả lời chất vấn và tình trạng thực hiện',
      scope: 'public', request: { params: CouncilParams, query: PageQuery.omit({ q: true }).extend({ open: flag('chưa hoàn thành') }) }, responses: { 200: jsonOk(pageOf(Obj)) },
    },
    async (c) => {
      const { councilId } = c.req.valid('param');
      await councilExists(c, councilId);
      const { open, ...q } = c.req.valid('query');
      return c.json(await publicCommitments(c.var.db, councilId, { ...q, open: open === 'true' }, now(c)), 200);
    },
  );
}
